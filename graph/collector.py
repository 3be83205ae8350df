"""Python's cycle collector paused while a big structure is built, and told about it in one move.

A graph of 100,000 topics, or an index over its 500,000 evidence sentences, is millions of
small objects made at once. The cycle collector walks its young objects each time a few
hundred more appear, so it would walk them again and again while they are made (two thirds of
the load time of a big graph); it is paused instead, and the objects made are then moved to
its oldest generation, where its next full collection looks at them once.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_LOCK = threading.Lock()
_pauses = [0, False]  # how many pauses are under way, and whether the collector ran before the first


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the block (blocks in several threads share one pause).

    After the last block ends, the objects made in it are moved to the collector's oldest
    generation (``gc.freeze()`` then ``gc.unfreeze()``), where the next full collection
    looks at them once, instead of being walked by each younger generation first; then the
    collector is back as it was.

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    """
    with _LOCK:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _LOCK:
            _pauses[0] -= 1
            if _pauses[0] == 0:
                gc.freeze()
                gc.unfreeze()
                if _pauses[1]:
                    gc.enable()
