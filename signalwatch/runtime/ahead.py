"""An iterator's next item produced on a worker thread while the caller works on the current one.

A poll in chunks (`Connector.fetch_chunks`) commits each chunk before it takes the next; done in
turn, the fetch waits for every commit (an fsync each) and the commit for every fetch. Fetching
one chunk ahead overlaps the two and keeps at most two chunks alive: the caller's and the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

__all__ = ["one_ahead"]

T = TypeVar("T")
_END = object()


def one_ahead(items: Iterator[T]) -> Iterator[T]:
    """`items` in order, each next one produced on a worker thread while the caller holds the
    current one. An exception producing an item is raised where the caller takes that item. When
    the caller stops early, the item in progress is finished and dropped, and `items` is closed."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ahead")
    try:
        pending: Future[object] | None = pool.submit(next, items, _END)
        while pending is not None:
            box = [pending.result()]
            pending = None  # a future keeps its result: no reference to the item may outlive the yield
            if box[0] is _END:
                return
            pending = pool.submit(next, items, _END)
            yield box.pop()  # type: ignore[misc]
    finally:
        pool.shutdown(wait=True)  # `items` must not be running when it is closed
        close = getattr(items, "close", None)
        if close is not None:
            close()
