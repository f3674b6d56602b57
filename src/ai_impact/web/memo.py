"""A small cache of rendered bodies keyed by the identity of the report objects they came from.

The facade caches reports, so the same code returns the same object: keying on ``id()`` (while
holding a reference, so an id is never reused) reuses the JSON or HTML made from it, and a new
report object (new data, a test's fake) can never be served stale output.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Memo"]

T = TypeVar("T")


class Memo(Generic[T]):
    """Least-recently-used memo of ``make()`` keyed by the objects it was made from."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Hashable, ...], tuple[tuple[object, ...], T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, sources: tuple[object, ...], extra: Hashable, make: Callable[[], T]) -> T:
        """The value for these source objects and ``extra``, made once."""
        key = (*(id(s) for s in sources), extra)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit[1]
        value = make()
        with self._lock:
            self._items[key] = (sources, value)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
