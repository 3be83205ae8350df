"""Where notes are read when not in this process: a Dask cluster, local or reached at its
scheduler's address. Batches of notes go to the workers (:func:`.tasks.read_batch`), findings
come back as they are done; a note that kills workers is found and reported, and a cluster
that cannot be reached, or is left with no worker, is a :class:`ClusterError`, never a hang.
"""
from __future__ import annotations

import contextlib
import logging
import queue
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..findings import SectionFindings
from ..vocabulary import Vocabulary
from .tasks import NoteJob, read_batch, vocabulary_version

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["DASK_SETTINGS", "BATCH_CHARACTERS", "ClusterError", "DaskCluster"]

BatchReader = Callable[[list[NoteJob], Vocabulary, str], list[list[SectionFindings]]]
Readings = Iterator[tuple[int, list[SectionFindings] | None]]  # (job's position, findings or None)

DASK_SETTINGS = {
    # Dask's statistical profiler samples every worker thread's stack every 10 ms. spaCy makes
    # many short calls, and the sampling starved it: 9.4 s instead of 4.1 s for the same notes
    # (measured). Workers of an existing cluster should run with this too (README, dask.yaml).
    "distributed.worker.profile.enabled": False,
    # A task whose worker dies is tried once more elsewhere; a second death makes it a
    # KilledWorker, and the batch's notes are read one at a time to find the one at fault.
    "distributed.scheduler.allowed-failures": 1,
}
_LOCAL_SETTINGS = {
    # A local worker that dies is restarted by its nanny, but the cluster also closes for good
    # any worker not back 15 s after it left: one that died again meanwhile (a note that kills
    # every worker) was closed, and the cluster could be left with none. Read while it runs.
    "distributed.deploy.lost-worker-timeout": "1 day",
}
_ANY_PORT = {"dashboard_address": "127.0.0.1:0"}  # the scheduler's HTTP server, not 8787 (another build may hold it)
BATCH_CHARACTERS = 200_000  # at most about this much text in one task (a larger note is a task alone)
CONNECT_TIMEOUT = 5.0  # seconds to reach a scheduler before saying it cannot be reached
WORKERS_TIMEOUT = 60.0  # seconds a cluster may have no worker before the build gives up
_POLL = 5.0  # seconds between looks at the workers while waiting for findings


class ClusterError(RuntimeError):
    """A Dask cluster that cannot be reached, started or kept; the message names its address."""


class DaskCluster:
    """Dask workers to read notes on: a local cluster of ``workers`` processes of one thread
    each, the cluster of the scheduler at ``scheduler`` (``tcp://host:port``), or a ``client``'s.

    Nothing starts or connects until notes must be read, so a build from the cache needs no
    cluster; from then on Dask logs only its critical messages. ``read`` is what each task
    runs (:func:`read_batch`); Dask sends it by reference, so the workers must be able to
    import it. Use it as a context manager, or :meth:`close` it.
    """

    def __init__(self, *, workers: int | None = None, scheduler: str | None = None, client: Client | None = None,
                 read: BatchReader = read_batch, timeout: float = CONNECT_TIMEOUT):
        if sum(given is not None for given in (workers, scheduler, client)) != 1:
            raise ValueError("give exactly one of workers, scheduler or client")
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers, self.scheduler, self.read_function, self.timeout = workers, scheduler, read, timeout
        self._client = client
        self._started = contextlib.ExitStack()  # what this object started, undone by close()

    @property
    def where(self) -> str:
        """Where notes are read, for messages."""
        if self.workers is not None:
            return f"a local Dask cluster of {self.workers} worker{'s' if self.workers > 1 else ''}"
        return f"the Dask cluster at {self.scheduler or self._client.scheduler.address}"

    @property
    def client(self) -> Client:
        """The client, once the cluster is started or reached (within ``timeout`` seconds)."""
        if self._client is None:
            import dask
            import distributed  # noqa: F401 - its defaults first: leaving set() would drop those it adds

            _silence_dask()
            with dask.config.set(DASK_SETTINGS):  # the scheduler and workers read them as they start
                self._client = self._start_local() if self.workers is not None else self._connect()
        return self._client

    def _start_local(self) -> Client:
        import dask
        from distributed import Client, LocalCluster

        self._started.enter_context(dask.config.set(_LOCAL_SETTINGS))  # read while the cluster runs
        try:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   scheduler_kwargs=_ANY_PORT, silence_logs=logging.CRITICAL)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot start {self.where}: {error}") from None
        self._started.callback(cluster.close)
        client = Client(cluster, set_as_default=False)
        self._started.callback(client.close)
        return client

    def _connect(self) -> Client:
        from distributed import Client

        try:
            client = Client(self.scheduler, timeout=self.timeout, set_as_default=False)
        except ValueError:
            raise ClusterError(f"not a Dask scheduler address: {self.scheduler} (expected tcp://host:port)") from None
        except (OSError, TimeoutError):
            raise ClusterError(f"cannot reach the Dask scheduler at {self.scheduler} "
                               f"(no answer within {self.timeout:g} s)") from None
        self._started.callback(client.close)
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except (OSError, TimeoutError):
            raise ClusterError(f"the Dask scheduler at {self.scheduler} has no worker "
                               f"(none joined within {WORKERS_TIMEOUT:g} s)") from None
        return client

    def read(self, jobs: Sequence[NoteJob], vocabulary: Vocabulary) -> Readings:
        """``(position, findings)`` for each job, in the order workers finish them: the findings
        of the job's sections, or None for a note whose reading killed a worker twice.

        Raises :class:`ClusterError` when the cluster cannot be reached or is lost, or cannot
        run this code (its scheduler or workers lack the project or its packages).
        """
        from distributed import CancelledError

        try:
            yield from self._read(jobs, vocabulary)
        except (OSError, CancelledError):
            raise ClusterError(f"lost the connection to {self.where} during the build") from None
        except (ImportError, RuntimeError) as error:
            if isinstance(error, ClusterError) or not _foreign(error):
                raise
            reason = str(error) if isinstance(error, ImportError) else "its scheduler cannot unpickle the tasks"
            raise ClusterError(f"{self.where} cannot run the extractor ({reason}): start its scheduler and "
                               "workers with this project's packages and PYTHONPATH=. (README)") from None

    def _read(self, jobs: Sequence[NoteJob], vocabulary: Vocabulary) -> Readings:
        """All batches at once; then the notes of batches that killed workers one at a time,
        alone on the cluster. A worker holds more than the task it runs, and all its tasks are
        suspected when it dies: only a note read alone is known to be at fault."""
        sizes = [sum(len(note.sections[position].text) for position in todo) for note, todo in jobs]
        suspects: list[int] = []
        threads = self.workers or max(1, sum(self.client.nthreads().values()))
        for batch, found in self._run(_batches(sizes, 4 * threads), jobs, vocabulary):
            if found is None:
                suspects += batch
            else:
                yield from zip(batch, found)
        for position in suspects:
            [(_, found)] = self._run([[position]], jobs, vocabulary)
            yield position, None if found is None else found[0]

    def _run(self, batches: list[list[int]], jobs: Sequence[NoteJob],
             vocabulary: Vocabulary) -> Iterator[tuple[list[int], list | None]]:
        """Each batch with its findings as it finishes, or None if it killed workers twice."""
        from distributed import KilledWorker

        client = self.client
        version = vocabulary_version(vocabulary)
        # The vocabulary (about 120 kB) goes with each task: data scattered once lives only on
        # workers, and a note that kills them would take it along.
        futures = {client.submit(self.read_function, [jobs[p] for p in batch], vocabulary, version, pure=False): batch
                   for batch in batches}
        finished: queue.Queue = queue.Queue()
        for future in futures:
            future.add_done_callback(finished.put)
        for _ in range(len(futures)):
            future = self._next(finished)
            batch = futures.pop(future)
            try:
                found = future.result()
            except KilledWorker:
                found = None
            future.release()  # the client keeps no copy of a batch's findings once they are handed on
            del future
            yield batch, found

    def _next(self, finished: queue.Queue):
        """The next future to finish; a ClusterError if the cluster has no worker meanwhile for
        longer than WORKERS_TIMEOUT (its workers gone, the tasks would wait for ever)."""
        alone_since = time.monotonic()
        while True:
            try:
                return finished.get(timeout=_POLL)
            except queue.Empty:
                if self.client.nthreads():
                    alone_since = time.monotonic()
                elif time.monotonic() - alone_since > WORKERS_TIMEOUT:
                    raise ClusterError(f"{self.where} has had no worker for {WORKERS_TIMEOUT:g} s") from None

    def close(self) -> None:
        """Close what this object started: the client, then the local cluster."""
        self._started.close()

    def __enter__(self) -> DaskCluster:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _silence_dask() -> None:
    """Only Dask's critical messages: what goes wrong comes back as a :class:`ClusterError` or
    a skipped note, and a lost connection or a dead worker would print tracebacks."""
    for name in ["distributed", *(name for name in logging.root.manager.loggerDict if name.startswith("distributed."))]:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _foreign(error: Exception) -> bool:
    """Whether ``error`` says the cluster lacks this code: a module its scheduler or a worker
    cannot import, or a task graph its scheduler cannot unpickle."""
    return isinstance(error, ImportError) or str(error).startswith("Error during deserialization")


def _batches(sizes: Sequence[int], parts: int) -> list[list[int]]:
    """Job positions in batches of about ``sum(sizes) / parts`` characters (at most
    :data:`BATCH_CHARACTERS`), largest jobs first, so that a large note is not left to the end."""
    target = min(BATCH_CHARACTERS, max(1, sum(sizes) // max(1, parts)))
    batches: list[list[int]] = []
    size = 0
    for position in sorted(range(len(sizes)), key=lambda p: -sizes[p]):
        if batches and size + sizes[position] <= target:
            batches[-1].append(position)
            size += sizes[position]
        else:
            batches.append([position])
            size = sizes[position]
    return batches
