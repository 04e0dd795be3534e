"""Sinks: where alerts go. Registry of sink classes, and building them from settings."""

from __future__ import annotations

from typing import TextIO

from signalwatch.config import Settings
from signalwatch.sinks.base import Sink, SinkError
from signalwatch.sinks.console import ConsoleSink
from signalwatch.sinks.slack import SlackSink

__all__ = ["Sink", "SinkError", "SINKS", "build_sinks"]

SINKS: dict[str, type[Sink]] = {cls.name: cls for cls in (ConsoleSink, SlackSink)}


def build_sinks(settings: Settings, stream: TextIO | None = None) -> dict[str, Sink]:
    """The enabled sinks. Secrets are read from the environment here and nowhere else."""
    sinks: dict[str, Sink] = {}
    if settings.sinks.console.enabled:
        sinks["console"] = ConsoleSink(stream)
    slack = settings.sinks.slack
    if slack.enabled:
        token = settings.secret(slack.token_env)
        if not token:
            raise ValueError(f"slack is enabled but ${slack.token_env} is not set")
        sinks["slack"] = SlackSink(token, default_channel=slack.default_channel, base_url=slack.base_url, timeout=slack.timeout)
    return sinks
