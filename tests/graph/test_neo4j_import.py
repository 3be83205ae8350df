"""neo4j-admin import files read back with the csv module, and the script that runs the import."""
import csv
import io
import shlex
import subprocess
import zipfile

import pytest

from graph.exports import export_graph, write_export
from graph.neighbourhood import neighbourhood
from graph.neo4j_import import import_command

from .conftest import (
    RELATIONSHIP_TYPES,
    STUDY,
    TRICKY_ALIASES,
    TRICKY_DEFINITION,
    TRICKY_NAME,
    TRICKY_RELATION,
    TRICKY_SECTION,
    TRICKY_SENTENCE,
)


def unzip(data: bytes) -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def read_table(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))  # quotes doubled, as neo4j-admin reads them


def import_options(script: str) -> dict[str, str]:
    """The options of the command in ``import.sh``'s comment, the array delimiter decoded."""
    command = next(line for line in script.splitlines() if "neo4j-admin database import full" in line)
    options = dict(argument.split("=", 1) for argument in shlex.split(command.lstrip("# ")) if "=" in argument)
    delimiter = options["--array-delimiter"]
    options["--array-delimiter"] = chr(int(delimiter[2:], 16)) if delimiter.startswith("U+") else delimiter
    return options


@pytest.fixture
def files(graph) -> dict[str, str]:
    return unzip(export_graph(graph, "neo4j"))


def test_import_files_have_typed_headers(files):
    assert list(files) == ["nodes.csv", "relationships.csv", "import.sh"]
    assert files["nodes.csv"].splitlines()[0].split(",") == [
        "id:ID(Topic)", ":LABEL", "name", "type", "category", "parent", "aliases:string[]", "definition",
        "sources:string[]", "degree:int"]
    assert files["relationships.csv"].splitlines()[0].split(",") == [
        ":START_ID(Topic)", ":END_ID(Topic)", ":TYPE", "key", "relation", "kind", "negated:boolean", "count:int",
        "sentences:string[]", "docs:string[]", "doc", "section", "line:int"]
    assert ("neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv "
            "--array-delimiter='|'") in files["import.sh"]
    assert "--multiline-fields" not in files["import.sh"]  # no cell spans lines


def test_import_nodes_read_back(files):
    delimiter = import_options(files["import.sh"])["--array-delimiter"]
    nodes = {row["id:ID(Topic)"]: row for row in read_table(files["nodes.csv"])}
    assert len(nodes) == 10
    assert nodes["Amazon S3"][":LABEL"].split(delimiter) == ["Topic", "Service"]
    assert nodes["bias"][":LABEL"].split(delimiter) == ["Topic", "Concept"]
    assert nodes["Amazon S3"]["aliases:string[]"].split(delimiter) == ["S3", "Simple Storage Service"]
    assert (nodes["Amazon S3"]["degree:int"], nodes["Amazon S3"]["definition"]) == ("3", "")  # empty: no property


def test_import_relationships_read_back(files):
    delimiter = import_options(files["import.sh"])["--array-delimiter"]
    ids = {row["id:ID(Topic)"] for row in read_table(files["nodes.csv"])}
    relationships = read_table(files["relationships.csv"])
    assert len(relationships) == 10 and {row[":TYPE"] for row in relationships} == RELATIONSHIP_TYPES
    assert {row[":START_ID(Topic)"] for row in relationships} | {row[":END_ID(Topic)"] for row in relationships} <= ids
    by_end = {(row[":END_ID(Topic)"], row[":TYPE"]): row for row in relationships}
    negated = by_end["model retraining", "USED_FOR"]
    assert (negated["relation"], negated["negated:boolean"]) == ("used for", "true")
    assert negated["key"] == "not used for|stated"
    drift = by_end["data drift", "DETECTS"]
    assert drift["sentences:string[]"].split(delimiter) == [
        "SageMaker Model Monitor detects data drift in production.", "Drift in data is detected by Model Monitor."]
    assert (drift["count:int"], drift["doc"], drift["line:int"]) == ("2", STUDY, "14")


def test_tricky_text_survives_the_import_files(tricky_graph):
    files = unzip(export_graph(tricky_graph, "neo4j"))
    options = import_options(files["import.sh"])
    assert options["--array-delimiter"] == "\u00a6"  # an alias holds "|", so the next delimiter is used
    assert options["--multiline-fields"] == "true"
    node = next(row for row in read_table(files["nodes.csv"]) if row["id:ID(Topic)"] == TRICKY_NAME)
    assert node["aliases:string[]"].split(options["--array-delimiter"]) == TRICKY_ALIASES
    assert node["aliases:string[]"].split("|") != TRICKY_ALIASES  # the check fails with the usual delimiter
    assert node["definition"] == TRICKY_DEFINITION
    edge = next(row for row in read_table(files["relationships.csv"]) if row[":END_ID(Topic)"] == TRICKY_NAME)
    assert (edge[":TYPE"], edge["relation"], edge["section"]) == ("ISN_T_REALLY_USED_FOR", TRICKY_RELATION,
                                                                   TRICKY_SECTION)
    assert edge["sentences:string[]"].split(options["--array-delimiter"]) == [TRICKY_SENTENCE]


def test_import_script_runs_the_command_from_its_folder(graph, tmp_path):
    bundle = tmp_path / "bundle"
    written = write_export(graph, "neo4j", bundle)
    assert [path.name for path in written] == ["nodes.csv", "relationships.csv", "import.sh"]
    fake = tmp_path / "fake-neo4j-admin"
    fake.write_text('#!/bin/sh\npwd\nfor argument in "$@"; do printf "%s\\n" "$argument"; done\n')
    fake.chmod(0o755)
    done = subprocess.run(["sh", str(bundle / "import.sh"), "graphdb", "--overwrite-destination=true"],
                          cwd=tmp_path, env={"NEO4J_ADMIN": str(fake), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, check=True)
    folder, *arguments = done.stdout.splitlines()
    assert folder == str(bundle.resolve())
    assert arguments == shlex.split(import_command(database="graphdb"))[1:] + ["--overwrite-destination=true"]


def test_a_view_links_only_its_own_topics(graph, tmp_path):
    (path,) = write_export(neighbourhood(graph, "clarify"), "neo4j", tmp_path / "clarify.zip")
    files = unzip(path.read_bytes())
    assert {row["id:ID(Topic)"] for row in read_table(files["nodes.csv"])} == {
        "SageMaker Clarify", "bias", "Amazon SageMaker"}
    assert len(read_table(files["relationships.csv"])) == 2
    assert export_graph(graph, "neo4j") == export_graph(graph, "neo4j")  # the same bytes every time
