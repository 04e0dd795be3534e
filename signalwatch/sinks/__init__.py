"""Sinks: where alerts go. A sink is one file plus one registration line here."""

from __future__ import annotations

from signalwatch.sinks.base import Sink, SinkConfig, SinkError

__all__ = ["Sink", "SinkConfig", "SinkError", "SINKS", "register"]

SINKS: dict[str, type[Sink]] = {}


def register(cls: type[Sink]) -> type[Sink]:
    """Make a sink class available under its `name` (in `sinks:` config and rule routes)."""
    if cls.name in SINKS and SINKS[cls.name] is not cls:
        raise ValueError(f"sink {cls.name!r} registered twice")
    SINKS[cls.name] = cls
    return cls


# Registration lines: one per sink module.
from signalwatch.sinks.console import ConsoleSink  # noqa: E402

register(ConsoleSink)
from signalwatch.sinks.slack import SlackSink  # noqa: E402

register(SlackSink)
from signalwatch.sinks.hubspot import HubSpotSink  # noqa: E402

register(HubSpotSink)
from signalwatch.sinks.salesforce import SalesforceSink  # noqa: E402

register(SalesforceSink)
