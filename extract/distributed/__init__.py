"""Reading notes on a Dask cluster: the per-note stages (parse, mentions, relations) mapped
over batches of notes on the workers (:mod:`.tasks`); what needs all notes, assembly and the
cache, stays with the caller (:mod:`.cluster`, used by :func:`extract.extract_folder`).

``distributed`` is imported only when a cluster is used: a build on one machine never pays for it.

>>> with DaskCluster(workers=2) as cluster:                       # doctest: +SKIP
...     extraction = extract_folder("content/notes", cluster=cluster)
"""
from .cluster import BATCH_CHARACTERS, DASK_SETTINGS, ClusterError, DaskCluster
from .tasks import NoteJob, read_batch, vocabulary_version

__all__ = ["BATCH_CHARACTERS", "DASK_SETTINGS", "ClusterError", "DaskCluster", "NoteJob", "read_batch",
           "vocabulary_version"]
