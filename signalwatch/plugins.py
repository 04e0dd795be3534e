"""Extension points found through entry points, the bundled ones included.

    signalwatch.connectors   kind name  → a `signalwatch.connectors.base.Connector` subclass
    signalwatch.sinks        sink name  → a `signalwatch.sinks.base.Sink` subclass
    signalwatch.event_types  type name  → a `signalwatch.eventtypes.EventKind`

Our own connectors and sinks are declared in pyproject.toml exactly as a third party's
would be, so there is one way in (see docs/extending.md). A registry reads its group's
names from the installed metadata on first use and imports a plugin only when it is looked
up by name: a config with RSS sources imports no EDGAR or job-board code, and `name in
registry` or `registry.names()` imports nothing. Iterating (or `len`) imports every plugin of the group. A broken
plugin is reported by name when it is first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib.metadata import EntryPoint, entry_points
from threading import RLock
from typing import Generic, TypeVar

__all__ = ["PluginError", "Registry"]

T = TypeVar("T")


class PluginError(Exception):
    """An entry point that does not load, or names the wrong kind of object."""


class Registry(Mapping[str, type[T]], Generic[T]):
    """Classes of one entry-point group by name; a read-only mapping that imports each class on first lookup."""

    def __init__(self, group: str, base: type[T], name_of: Callable[[type[T]], str]) -> None:
        self.group = group
        self._base = base
        self._name_of = name_of
        self._declared: dict[str, list[EntryPoint]] | None = None
        self._classes: dict[str, type[T]] = {}
        self._lock = RLock()  # one import per plugin even when poll threads look it up together

    def _entries(self) -> dict[str, list[EntryPoint]]:
        """Entry points by name, read from the installed metadata (nothing is imported)."""
        if self._declared is None:
            with self._lock:
                if self._declared is None:
                    declared: dict[str, list[EntryPoint]] = {}
                    for entry in entry_points(group=self.group):
                        declared.setdefault(entry.name, []).append(entry)
                    self._declared = declared
        return self._declared

    def _load(self, name: str) -> type[T]:
        with self._lock:
            if name in self._classes:
                return self._classes[name]
            entries = self._entries().get(name)
            if not entries:
                raise KeyError(name)
            found = [self._load_entry(entry) for entry in entries]
            if any(cls is not found[0] for cls in found):
                raise PluginError(f"{self.group} plugin {name!r} is declared by two packages")
            self._classes[name] = found[0]
            return found[0]

    def _load_entry(self, entry: EntryPoint) -> type[T]:
        try:
            cls = entry.load()
        except Exception as exc:  # a third party's import error, reported with its name
            raise PluginError(f"{self.group} plugin {entry.name!r} ({entry.value}) failed to load: {exc}") from exc
        if not (isinstance(cls, type) and issubclass(cls, self._base)):
            raise PluginError(f"{self.group} plugin {entry.name!r} ({entry.value}) is not a {self._base.__name__}")
        if self._name_of(cls) != entry.name:
            raise PluginError(f"{self.group} plugin {entry.name!r} names a class whose own name is {self._name_of(cls)!r}")
        return cls

    def names(self) -> list[str]:
        """Declared names, then names added in this process, each once; imports nothing."""
        declared = self._entries()
        return [*declared, *(name for name in self._classes if name not in declared)]

    def add(self, cls: type[T]) -> type[T]:
        """Make `cls` available without an entry point (for embedding and tests)."""
        name = self._name_of(cls)
        with self._lock:
            existing = self._load(name) if name in self else None
            if existing is not None and existing is not cls:
                raise PluginError(f"{self.group} name {name!r} is taken by {existing.__module__}")
            self._classes[name] = cls
        return cls

    def __getitem__(self, name: str) -> type[T]:
        cls = self._classes.get(name)
        return cls if cls is not None else self._load(name)

    def __contains__(self, name: object) -> bool:
        """Whether `name` is declared or added; imports nothing (a broken plugin fails on lookup)."""
        return isinstance(name, str) and (name in self._classes or name in self._entries())

    def __iter__(self) -> Iterator[str]:
        names = self.names()
        for name in names:
            self._load(name)
        return iter(names)

    def __len__(self) -> int:
        return len(list(iter(self)))
