"""Files for ``neo4j-admin database import full``: typed CSVs and the command that loads them.

``nodes.csv`` has one row per topic under the header ``id:ID(Topic),:LABEL,name,...``;
``relationships.csv`` one row per edge under ``:START_ID(Topic),:END_ID(Topic),:TYPE,...``;
``import.sh`` runs the import from the folder the three files are in. Cells follow the
importer's CSV rules: a cell holding a comma, a double quote or a line break is quoted, with
its double quotes doubled; list cells (``string[]`` columns, and the labels) are joined with
an array delimiter that none of their items holds, which the command names.
"""
from __future__ import annotations

import shlex

import networkx as nx

from .neo4j_records import NodeRecord, RelationshipRecord, node_records, relationship_records

__all__ = ["ARRAY_DELIMITERS", "choose_array_delimiter", "import_command", "neo4j_import_files"]

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
COMMAND_FILE = "import.sh"
IMPORT_PROGRAM = "neo4j-admin database import full"
# Tried in turn: the importer has no way to escape the delimiter inside an array item.
ARRAY_DELIMITERS = ("|", "\u00a6", "\u001f")

# property -> header column; what follows the colon tells the importer the property's type
NODE_COLUMNS = {
    "id": "id:ID(Topic)", "labels": ":LABEL", "name": "name", "type": "type", "category": "category",
    "parent": "parent", "aliases": "aliases:string[]", "definition": "definition", "sources": "sources:string[]",
    "degree": "degree:int",
}
RELATIONSHIP_COLUMNS = {
    "start": ":START_ID(Topic)", "end": ":END_ID(Topic)", "type": ":TYPE", "key": "key", "relation": "relation",
    "kind": "kind", "negated": "negated:boolean", "count": "count:int", "sentences": "sentences:string[]",
    "docs": "docs:string[]", "doc": "doc", "section": "section", "line": "line:int",
}


def neo4j_import_files(graph: nx.Graph, *, database: str = "neo4j") -> dict[str, str]:
    """``nodes.csv``, ``relationships.csv`` and ``import.sh`` (which loads them into ``database``).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("S3", label="Amazon S3", type="service", aliases=["S3", "Simple Storage Service"])
    >>> print(neo4j_import_files(g)["nodes.csv"], end="")
    id:ID(Topic),:LABEL,name,type,category,parent,aliases:string[],definition,sources:string[],degree:int
    S3,Topic|Service,Amazon S3,service,,,S3|Simple Storage Service,,,0
    """
    nodes, relationships = node_records(graph), relationship_records(graph)
    delimiter = choose_array_delimiter(nodes, relationships)
    node_rows = [_cells({**record.properties, "labels": list(record.labels)}, NODE_COLUMNS, delimiter)
                 for record in nodes]
    relationship_rows = [_cells({**record.properties, "start": record.start, "end": record.end, "type": record.type},
                                RELATIONSHIP_COLUMNS, delimiter) for record in relationships]
    multiline = any("\n" in cell or "\r" in cell for row in node_rows + relationship_rows for cell in row)
    return {
        NODES_FILE: _table(list(NODE_COLUMNS.values()), node_rows),
        RELATIONSHIPS_FILE: _table(list(RELATIONSHIP_COLUMNS.values()), relationship_rows),
        COMMAND_FILE: _script(database, _import_options(delimiter, multiline)),
    }


def choose_array_delimiter(nodes: list[NodeRecord], relationships: list[RelationshipRecord]) -> str:
    """The first of :data:`ARRAY_DELIMITERS` that no list item of the records holds.

    >>> record = NodeRecord("x", ("Topic",), {"aliases": ["a|b"]})
    >>> choose_array_delimiter([record], []) == "\\u00a6"
    True
    """
    items = [item for record in [*nodes, *relationships] for value in record.properties.values()
             if isinstance(value, list) for item in value]
    for delimiter in ARRAY_DELIMITERS:
        if not any(delimiter in item for item in items):
            return delimiter
    raise ValueError(f"every array delimiter ({', '.join(map(repr, ARRAY_DELIMITERS))}) occurs in a list value")


def import_command(*, array_delimiter: str = "|", multiline_fields: bool = False, database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command that imports the files, run from their folder (Neo4j 5 and later).

    >>> import_command()
    "neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv --array-delimiter='|'"
    """
    return _command_line(database, _import_options(array_delimiter, multiline_fields))


def _command_line(database: str, options: list[str]) -> str:
    return " ".join([IMPORT_PROGRAM, shlex.quote(database), *options])


def _import_options(array_delimiter: str, multiline_fields: bool) -> list[str]:
    # a printable delimiter reads best as itself; any other is named the importer's U+XXXX way
    shown = array_delimiter if array_delimiter.isascii() and array_delimiter.isprintable() \
        else f"U+{ord(array_delimiter):04X}"
    options = [f"--nodes={NODES_FILE}", f"--relationships={RELATIONSHIPS_FILE}",
               f"--array-delimiter={shlex.quote(shown)}"]
    if multiline_fields:  # slower to read, so only asked for when a cell spans lines
        options.append("--multiline-fields=true")
    return options


def _script(database: str, options: list[str]) -> str:
    return f"""#!/bin/sh
# Load {NODES_FILE} and {RELATIONSHIPS_FILE} into a new Neo4j database (Neo4j 5 or later, database stopped).
#     sh {COMMAND_FILE} [DATABASE [OPTION...]]     (default database: {database})
# e.g. sh {COMMAND_FILE} neo4j --overwrite-destination=true   to replace an existing database.
# NEO4J_ADMIN names the neo4j-admin to run if it is not on the PATH ($NEO4J_HOME/bin/neo4j-admin).
# The command, run from this folder:
#     {_command_line(database, options)}
set -eu
cd "$(dirname "$0")"
database=${{1:-{shlex.quote(database)}}}
if [ "$#" -gt 0 ]; then shift; fi
exec "${{NEO4J_ADMIN:-neo4j-admin}}" database import full "$database" {" ".join(options)} "$@"
"""


def _cells(properties: dict, columns: dict[str, str], delimiter: str) -> list[str]:
    return [_cell(properties.get(name), delimiter) for name in columns]


def _cell(value: object, delimiter: str) -> str:
    """A property as the importer reads it; an empty cell means "no such property"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return delimiter.join(map(str, value))
    return str(value)


def _table(header: list[str], rows: list[list[str]]) -> str:
    return "".join(",".join(map(_quoted, row)) + "\n" for row in [header, *rows])


def _quoted(cell: str) -> str:
    # Python's csv module leaves a lone carriage return unquoted, which the importer would
    # read as the end of the row, so the quoting is done here.
    if any(character in cell for character in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell
