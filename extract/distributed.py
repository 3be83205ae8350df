"""Reading notes on a Dask cluster: the per-note stages (parse, mentions, relations) mapped
over batches of notes on the workers; assembly stays with the caller.

Reading a note depends on nothing but the note and the vocabulary
(:func:`extract.reading.read_note`), so a worker needs only those: it loads spaCy once,
keeps one :class:`~extract.reading.NoteReader` per vocabulary, and returns plain findings.
``distributed`` is imported only when a cluster is used: a build on one machine never pays for it.

>>> with DaskCluster(workers=2) as cluster:                       # doctest: +SKIP
...     extraction = extract_folder("content/notes", cluster=cluster)
"""
from __future__ import annotations

import functools
import hashlib
import logging
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .findings import SectionFindings
from .model import Note
from .vocabulary import Vocabulary

if TYPE_CHECKING:
    from distributed import Client

    from .reading import NoteReader

__all__ = ["DASK_SETTINGS", "BATCH_CHARACTERS", "ClusterError", "DaskCluster", "NoteJob", "read_batch"]

NoteJob = tuple[Note, tuple[int, ...]]  # a note and the positions of the sections to read
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
BATCH_CHARACTERS = 200_000  # at most about this much text in one task (a larger note is a task alone)
CONNECT_TIMEOUT = 5.0  # seconds to reach a scheduler before saying it cannot be reached
WORKERS_TIMEOUT = 60.0  # seconds for a scheduler with no worker to get one


class ClusterError(RuntimeError):
    """A Dask cluster that cannot be reached, started or kept; the message names its address."""


def read_batch(jobs: list[NoteJob], vocabulary: Vocabulary, version: str) -> list[list[SectionFindings]]:
    """On a worker: for each ``(note, positions)`` job, the findings of those sections of the
    note, read with this process's reader of vocabulary ``version``."""
    from .parse import parse_passages
    from .reading import section_passages

    reader = _reader(vocabulary, version)
    texts = [p for note, todo in jobs for position in todo for p in section_passages(note.sections[position])]
    docs = reader.docs(parse_passages(reader.nlp, texts))
    return [[reader.read_section(note, note.sections[position], docs) for position in todo] for note, todo in jobs]


_READERS: dict[str, NoteReader] = {}


def _reader(vocabulary: Vocabulary, version: str) -> NoteReader:
    """This process's reader of one vocabulary: the name matchers built once per vocabulary
    version, on the spaCy pipeline loaded once per process."""
    if version not in _READERS:
        from .reading import NoteReader
        _READERS.clear()  # one vocabulary at a time: a cluster's workers outlive builds
        _READERS[version] = NoteReader(_pipeline(), vocabulary)
    return _READERS[version]


@functools.cache
def _pipeline():
    from .parse import load_pipeline
    return load_pipeline()


def _vocabulary_version(vocabulary: Vocabulary) -> str:
    """A key for ``vocabulary``'s content, for the workers' readers."""
    return hashlib.sha256(pickle.dumps(vocabulary, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()[:16]


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
        self._started: list = []  # what this object started, closed by close()

    @property
    def where(self) -> str:
        """Where notes are read, for messages."""
        if self.workers is not None:
            return f"{self.workers} local Dask worker(s)"
        return f"the Dask cluster at {self.scheduler or self._client.scheduler.address}"

    @property
    def client(self) -> Client:
        """The client, once the cluster is started or reached (within ``timeout`` seconds)."""
        if self._client is None:
            import dask
            import distributed  # noqa: F401 - its defaults first: leaving set() would drop those it adds

            _silence_dask()
            with dask.config.set(DASK_SETTINGS):  # the scheduler and workers read it as they start
                self._client = self._start_local() if self.workers is not None else self._connect()
        return self._client

    def _start_local(self) -> Client:
        from distributed import Client, LocalCluster

        try:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"cannot start {self.where}: {error}") from None
        self._started.append(cluster)
        client = Client(cluster, set_as_default=False)
        self._started.append(client)
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
        self._started.append(client)
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
        from distributed import KilledWorker, as_completed

        client = self.client
        version = _vocabulary_version(vocabulary)
        # The vocabulary (about 120 kB) goes with each task: data scattered once lives only on
        # workers, and a note that kills them would take it along.
        futures = {client.submit(self.read_function, [jobs[p] for p in batch], vocabulary, version, pure=False): batch
                   for batch in batches}
        for future in as_completed(futures, loop=client.loop):
            try:
                found = future.result()
            except KilledWorker:
                found = None
            yield futures[future], found

    def close(self) -> None:
        """Close what this object started: the client, then the local cluster."""
        for started in reversed(self._started):
            started.close()
        self._started.clear()

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
