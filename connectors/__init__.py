"""Connector registry: kind name → connector class, found through the `signalwatch.connectors`
entry points (ours are declared in pyproject.toml like anyone else's)."""

from __future__ import annotations

from signalwatch.connectors.base import Connector
from signalwatch.plugins import Registry

__all__ = ["REGISTRY", "get_connector_class"]

REGISTRY: Registry[Connector] = Registry("signalwatch.connectors", Connector, lambda cls: cls.kind)  # type: ignore[type-abstract]


def get_connector_class(kind: str) -> type[Connector]:
    """The connector class for `kind`; KeyError lists the known kinds."""
    try:
        return REGISTRY[kind]
    except KeyError:
        raise KeyError(f"unknown source type {kind!r}; known: {', '.join(sorted(REGISTRY))}") from None
