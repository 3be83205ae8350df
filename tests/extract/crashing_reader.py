"""A batch reader for the fault tests that kills its worker process, as a crash in spaCy
would. Dask sends a task's function by reference, so the workers import it from here.

A note named ``crash-once...`` kills the worker the first time it is read (a file named
after it in ``markers`` remembers that), so the scheduler's retry reads it; a note named
``crash-always...`` kills every worker that reads it.
"""
import os
from pathlib import Path

from extract.distributed import read_batch


def read_or_crash(jobs, vocabulary, version, *, markers: Path):
    """:func:`extract.distributed.read_batch`, unless a note of ``jobs`` says to crash."""
    for note, _ in jobs:
        if note.doc.startswith("crash-always"):
            os._exit(70)
        marker = Path(markers) / note.doc
        if note.doc.startswith("crash-once") and not marker.exists():
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
            os._exit(70)
    return read_batch(jobs, vocabulary, version)
