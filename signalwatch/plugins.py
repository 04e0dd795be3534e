"""Extension points found through entry points, the bundled ones included.

    signalwatch.connectors   kind name  → a `signalwatch.connectors.base.Connector` subclass
    signalwatch.sinks        sink name  → a `signalwatch.sinks.base.Sink` subclass
    signalwatch.event_types  type name  → a `signalwatch.eventtypes.EventKind`

Our own connectors and sinks are declared in pyproject.toml exactly as a third party's
would be, so there is one way in (see docs/extending.md). A registry loads its group on
first use: importing signalwatch costs no plugin imports, and a broken plugin is reported
by name when it is first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib.metadata import entry_points
from threading import Lock
from typing import Generic, TypeVar

__all__ = ["PluginError", "Registry"]

T = TypeVar("T")


class PluginError(Exception):
    """An entry point that does not load, or names the wrong kind of object."""


class Registry(Mapping[str, type[T]], Generic[T]):
    """Classes of one entry-point group by name; a read-only mapping loaded on first use."""

    def __init__(self, group: str, base: type[T], name_of: Callable[[type[T]], str]) -> None:
        self.group = group
        self._base = base
        self._name_of = name_of
        self._classes: dict[str, type[T]] | None = None
        self._lock = Lock()

    def _loaded(self) -> dict[str, type[T]]:
        if self._classes is None:
            with self._lock:
                if self._classes is None:
                    self._classes = self._scan()
        return self._classes

    def _scan(self) -> dict[str, type[T]]:
        found: dict[str, type[T]] = {}
        for entry in entry_points(group=self.group):
            try:
                cls = entry.load()
            except Exception as exc:  # a third party's import error, reported with its name
                raise PluginError(f"{self.group} plugin {entry.name!r} ({entry.value}) failed to load: {exc}") from exc
            if not (isinstance(cls, type) and issubclass(cls, self._base)):
                raise PluginError(f"{self.group} plugin {entry.name!r} ({entry.value}) is not a {self._base.__name__}")
            if self._name_of(cls) != entry.name:
                raise PluginError(f"{self.group} plugin {entry.name!r} names a class whose own name is {self._name_of(cls)!r}")
            if entry.name in found and found[entry.name] is not cls:
                raise PluginError(f"{self.group} plugin {entry.name!r} is declared by two packages")
            found[entry.name] = cls
        return found

    def add(self, cls: type[T]) -> type[T]:
        """Make `cls` available without an entry point (for embedding and tests)."""
        name = self._name_of(cls)
        classes = self._loaded()
        if name in classes and classes[name] is not cls:
            raise PluginError(f"{self.group} name {name!r} is taken by {classes[name].__module__}")
        classes[name] = cls
        return cls

    def __getitem__(self, name: str) -> type[T]:
        return self._loaded()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())
