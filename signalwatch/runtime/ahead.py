"""An iterator's next item produced on a worker thread while the caller works on the current one.

A poll in chunks (`Connector.fetch_chunks`) commits each chunk before it takes the next; done in
turn, the fetch waits for every commit (an fsync each) and the commit for every fetch. Fetching
one chunk ahead overlaps the two and keeps at most two chunks alive: the caller's and the next.
Once the caller has taken every item, the allocator's free pages are handed back to the system
(`memory.release_free_memory`): a large poll otherwise leaves the daemon resident at its size
until the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from signalwatch.runtime.memory import release_free_memory

__all__ = ["one_ahead"]

T = TypeVar("T")
_END = object()


def one_ahead(items: Iterator[T]) -> Iterator[T]:
    """`items` in order, each next one produced on a worker thread while the caller holds the
    current one. An exception producing an item is raised where the caller takes that item. When
    the caller stops early, the item in progress is finished and dropped, and `items` is closed.
    When the caller asks for an item past the last (it is done with them all), the C allocator's
    free memory is given back to the system."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ahead")
    try:
        pending: Future[object] | None = pool.submit(next, items, _END)
        while pending is not None:
            box = [pending.result()]
            pending = None  # a future keeps its result: no reference to the item may outlive the yield
            if box[0] is _END:
                release_free_memory()  # what the items' work freed; a few ms, once per poll
                return
            pending = pool.submit(next, items, _END)
            yield box.pop()  # type: ignore[misc]
    finally:
        pool.shutdown(wait=True)  # `items` must not be running when it is closed
        close = getattr(items, "close", None)
        if close is not None:
            close()
