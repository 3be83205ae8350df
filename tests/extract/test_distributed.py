"""Reading notes on a Dask cluster (a real local one, two worker processes): the same
findings as on one machine, only the notes the cache lacks sent to the workers, a worker
killed mid-build replaced and its note read, a note that kills every worker named and
skipped, an unreachable scheduler one clear error within a bounded time."""
import functools
import shutil
import socket
import threading
import time

import pytest

from extract.cache import FindingsCache
from extract.distributed import ClusterError, DaskCluster, cluster as cluster_module
from extract.distributed.cluster import _batches
from extract.model import Problem
from extract.pipeline import KILLED_WORKERS, extract_folder

from . import crashing_reader

GLUE = "# Data preparation\n\nAWS Glue crawls training data in Amazon S3 and writes a Data Catalog.\n"


def within(seconds: float, work):
    """``work()``'s result, or a failed test once ``seconds`` have passed: it runs in a daemon
    thread, so a cluster that hangs can never hang the test run."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # noqa: BLE001 - raised again below, in the test's thread
            outcome["error"] = error
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"not done within {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    with DaskCluster(workers=2) as local:
        within(120, lambda: local.client)
        yield local


@pytest.fixture
def notes(tmp_path, fixture_notes):
    folder = tmp_path / "notes"
    shutil.copytree(fixture_notes, folder)
    return folder


def same_extraction(one, other) -> bool:
    return (one.entities, one.triples, one.notes) == (other.entities, other.triples, other.notes)


class Recording(DaskCluster):
    """A cluster that remembers which notes and sections it was asked to read."""

    jobs = None

    def read(self, jobs, vocabulary):
        self.jobs = [(note.doc, todo) for note, todo in jobs]
        return super().read(jobs, vocabulary)


@pytest.mark.parametrize("sizes, parts, batches", [
    ([], 4, []),
    ([5, 5, 5, 5], 2, [[0, 1], [2, 3]]),  # about a half each
    ([10, 300_000, 50], 2, [[1], [2, 0]]),  # largest first; a large note is a batch alone
    ([10, 20, 30], 8, [[2], [1], [0]]),  # more parts than notes: a note each
    ([150_000] * 3, 1, [[0], [1], [2]]),  # never more than BATCH_CHARACTERS together
])
def test_batches(sizes, parts, batches):
    assert _batches(sizes, parts) == batches


@pytest.mark.parametrize("options, message", [
    ({}, "exactly one of"),
    ({"workers": 2, "scheduler": "tcp://127.0.0.1:8786"}, "exactly one of"),
    ({"workers": 0}, "workers must be at least 1, not 0"),
])
def test_a_cluster_is_asked_for_one_way(options, message):
    with pytest.raises(ValueError, match=message):
        DaskCluster(**options)


def test_workers_run_without_the_profiler_and_a_task_is_retried_once(cluster):
    import dask

    profiling = cluster.client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert list(profiling.values()) == [False, False]
    assert cluster.client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures) == 1
    assert dask.config.get("distributed.worker.profile.enabled")  # this process's settings are left alone


def test_the_cluster_reads_what_the_cache_lacks_and_the_same_findings_as_one_machine(cluster, notes, tmp_path, nlp,
                                                                                       vocabulary):
    cache = FindingsCache(tmp_path / "cache", "v1")
    extract_folder(notes, vocabulary=vocabulary, nlp=nlp, cache=cache)  # every note cached
    monitoring = notes / "monitoring.md"
    monitoring.write_text(monitoring.read_text() + "\n## Alerts\n\nAmazon CloudWatch sends alerts to Amazon SNS.\n")
    (notes / "glue.md").write_text(GLUE)
    recording = Recording(client=cluster.client)

    extraction = within(120, lambda: extract_folder(notes, vocabulary=vocabulary, cache=cache, cluster=recording))

    assert same_extraction(extraction, extract_folder(notes, vocabulary=vocabulary, nlp=nlp))
    sent = dict(recording.jobs)
    assert sent.keys() == {"monitoring.md", "glue.md"}  # the unchanged notes are not sent
    assert len(sent["monitoring.md"]) == 1  # only the new section of the edited note
    warm = Recording(client=cluster.client)
    assert same_extraction(extract_folder(notes, vocabulary=vocabulary, cache=cache, cluster=warm), extraction)
    assert warm.jobs is None  # what the workers read went into the cache


def test_a_worker_killed_mid_build_is_replaced_and_its_note_read(cluster, notes, tmp_path, nlp, vocabulary):
    (notes / "crash-once.md").write_text(GLUE)
    markers = tmp_path / "markers"
    crashing = DaskCluster(client=cluster.client, read=functools.partial(crashing_reader.read_or_crash, markers=markers))

    extraction = within(180, lambda: extract_folder(notes, vocabulary=vocabulary, cluster=crashing))

    assert (markers / "crash-once.md").exists()  # a worker died reading it
    assert not extraction.problems
    assert same_extraction(extraction, extract_folder(notes, vocabulary=vocabulary, nlp=nlp))
    assert any(source.doc == "crash-once.md" for triple in extraction.triples for evidence in triple.evidence
               for source in evidence.sources)


@pytest.mark.parametrize("one_batch", [False, True], ids=["a task of its own", "in a batch with the others"])
def test_a_note_that_kills_every_worker_is_named_and_skipped(cluster, notes, tmp_path, nlp, vocabulary, monkeypatch,
                                                             one_batch):
    expected = extract_folder(notes, vocabulary=vocabulary, nlp=nlp)
    (notes / "crash-always.md").write_text(GLUE)
    if one_batch:
        monkeypatch.setattr(cluster_module, "_batches", lambda sizes, parts: [list(range(len(sizes)))])
    crashing = DaskCluster(client=cluster.client, read=functools.partial(crashing_reader.read_or_crash,
                                                                         markers=tmp_path / "markers"))

    extraction = within(240, lambda: extract_folder(notes, vocabulary=vocabulary, cluster=crashing))

    assert extraction.problems == [Problem("crash-always.md", KILLED_WORKERS)]
    assert same_extraction(extraction, expected)  # a batch's other notes are read again, one at a time


def test_an_unreachable_scheduler_is_one_clear_error_within_the_timeout(notes, vocabulary):
    address = f"tcp://127.0.0.1:{free_port()}"
    unreachable = DaskCluster(scheduler=address, timeout=2)
    started = time.monotonic()
    with pytest.raises(ClusterError, match=f"^cannot reach the Dask scheduler at {address} \\(no answer within 2 s\\)$"):
        within(60, lambda: extract_folder(notes, vocabulary=vocabulary, cluster=unreachable))
    assert time.monotonic() - started < 30


def test_a_cluster_left_with_no_worker_is_an_error_not_a_hang(notes, vocabulary, monkeypatch):
    from distributed import Client, LocalCluster

    monkeypatch.setattr(cluster_module, "WORKERS_TIMEOUT", 1.0)
    monkeypatch.setattr(cluster_module, "_POLL", 0.2)
    no_workers = LocalCluster(n_workers=0, processes=False, dashboard_address=None,
                              scheduler_kwargs=cluster_module._ANY_PORT)
    with no_workers, Client(no_workers, set_as_default=False) as client:
        workerless = DaskCluster(client=client)
        message = f"^the Dask cluster at {no_workers.scheduler_address} has had no worker for 1 s$"
        with pytest.raises(ClusterError, match=message):
            within(60, lambda: extract_folder(notes, vocabulary=vocabulary, cluster=workerless))
