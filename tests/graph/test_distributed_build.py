"""`python -m graph build --workers N | --scheduler ADDRESS`: the same graph, byte for byte,
as a build on one machine; a scheduler that cannot be reached is one line and status 2
within a bounded time, and the graph file already there is left as it was."""
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.distributed import DASK_SETTINGS, DaskCluster
from graph.cli import main
from graph.io import save_graph

from .conftest import make_graph

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_NOTES = ROOT / "content" / "notes"
FIXTURE_NOTES = ROOT / "tests" / "extract" / "fixtures" / "notes"


def build(*args: str, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", "build", *args, "--quiet"], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_two_workers_build_the_shipped_notes_into_the_same_graph_as_one_machine(tmp_path):
    here, there = tmp_path / "here.json", tmp_path / "there.json"
    assert build(str(SHIPPED_NOTES), "--no-cache", "--out", str(here), timeout=600).returncode == 0
    on_workers = build(str(SHIPPED_NOTES), "--no-cache", "--out", str(there), "--workers", "2", timeout=600)
    assert on_workers.returncode == 0, on_workers.stderr
    assert there.read_bytes() == here.read_bytes()


# `python -m graph build ...`, saying at the end whether the build's process imported spaCy
CLIENT = "import sys; from graph.cli import main; status = main(sys.argv[1:]); print('spacy' in sys.modules); exit(status)"


def test_a_build_on_an_existing_cluster_is_the_same_as_on_one_machine(tmp_path):
    """... and the client never imports spaCy (50 MB of its memory): the workers read the notes."""
    assert main(["build", str(FIXTURE_NOTES), "--no-cache", "--out", str(tmp_path / "here.json"), "--quiet"]) == 0
    with DaskCluster(workers=1) as cluster:  # a scheduler of its own, as `dask scheduler` would be
        address = cluster.client.scheduler.address
        on_cluster = subprocess.run([sys.executable, "-c", CLIENT, "build", str(FIXTURE_NOTES), "--no-cache", "--out",
                                     str(tmp_path / "there.json"), "--scheduler", address, "--quiet"], cwd=ROOT,
                                    capture_output=True, text=True, timeout=300)
    assert on_cluster.returncode == 0, on_cluster.stderr
    assert (tmp_path / "there.json").read_bytes() == (tmp_path / "here.json").read_bytes()
    assert on_cluster.stdout.splitlines()[-1] == "False"


def test_an_unreachable_scheduler_is_one_line_within_seconds_and_the_graph_stays(tmp_path):
    out = tmp_path / "graph.json"
    save_graph(make_graph(), out)
    before = out.read_bytes()
    address = f"tcp://127.0.0.1:{free_port()}"
    started = time.monotonic()

    result = build(str(FIXTURE_NOTES), "--no-cache", "--out", str(out), "--scheduler", address, timeout=60)

    assert time.monotonic() - started < 30
    assert result.returncode == 2
    assert result.stderr == f"error: cannot reach the Dask scheduler at {address} (no answer within 5 s)\n"
    assert out.read_bytes() == before


def test_a_build_from_the_cache_needs_no_cluster(tmp_path, capsys):
    out = tmp_path / "graph.json"
    assert main(["build", str(FIXTURE_NOTES), "--out", str(out), "--quiet"]) == 0
    unreachable = f"tcp://127.0.0.1:{free_port()}"
    assert main(["build", str(FIXTURE_NOTES), "--out", str(out), "--scheduler", unreachable]) == 0
    assert "reusing the extraction cached" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "argument --workers: 0 is less than 1"),
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"], "argument --scheduler: not allowed with argument --workers"),
    (["--scheduler", "udp://127.0.0.1:8786"], "not a Dask scheduler address: udp://127.0.0.1:8786 (expected tcp://host:port)"),
])
def test_a_bad_cluster_option_is_one_line_and_status_2(tmp_path, capsys, args, message):
    assert main(["build", str(FIXTURE_NOTES), "--no-cache", "--out", str(tmp_path / "g.json"), "--quiet", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "g.json").exists()


def test_the_shipped_dask_yaml_holds_the_settings_of_the_local_cluster():
    import yaml

    def flat(tree: dict, prefix: str = "") -> dict:
        return {key: value for name, branch in tree.items()
                for key, value in (flat(branch, f"{prefix}{name}.") if isinstance(branch, dict)
                                   else {f"{prefix}{name}": branch}).items()}
    assert flat(yaml.safe_load((ROOT / "dask.yaml").read_text())) == DASK_SETTINGS
