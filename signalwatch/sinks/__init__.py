"""Sinks: where alerts go. A sink is one file plus one `signalwatch.sinks` entry point."""

from __future__ import annotations

from signalwatch.plugins import Registry
from signalwatch.sinks.base import Sink, SinkConfig, SinkError

__all__ = ["Sink", "SinkConfig", "SinkError", "SINKS"]

SINKS: Registry[Sink] = Registry("signalwatch.sinks", Sink, lambda cls: cls.name)  # type: ignore[type-abstract]
