"""Connector registry: kind name → connector class. A connector is one file plus one line here."""

from __future__ import annotations

from signalwatch.connectors.base import Connector

__all__ = ["REGISTRY", "register", "get_connector_class"]

REGISTRY: dict[str, type[Connector]] = {}


def register(cls: type[Connector]) -> type[Connector]:
    """Class decorator that makes a connector available under its `kind`."""
    if cls.kind in REGISTRY and REGISTRY[cls.kind] is not cls:
        raise ValueError(f"connector kind {cls.kind!r} registered twice")
    REGISTRY[cls.kind] = cls
    return cls


def get_connector_class(kind: str) -> type[Connector]:
    """The connector class for `kind`; KeyError lists the known kinds."""
    try:
        return REGISTRY[kind]
    except KeyError:
        raise KeyError(f"unknown source type {kind!r}; known: {', '.join(sorted(REGISTRY))}") from None


# Registration lines: one import per connector module.
from signalwatch.connectors import rss  # noqa: E402,F401
from signalwatch.connectors import edgar  # noqa: E402,F401
from signalwatch.connectors import jobboards  # noqa: E402,F401
from signalwatch.connectors import techstack  # noqa: E402,F401
