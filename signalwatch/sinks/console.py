"""Console sink: alerts and notices printed as readable text, digests as their Markdown, to a stream (stdout by default)."""

from __future__ import annotations

import sys
import threading
from typing import Any, TextIO

from signalwatch.alerts.payload import DIGEST, kind_of, read_digest
from signalwatch.alerts.render import render_text
from signalwatch.preflight import Finding, SinkUse, passed
from signalwatch.sinks.base import SecretLookup, Sink, SinkConfig

__all__ = ["ConsoleSink", "ConsoleConfig"]


class ConsoleConfig(SinkConfig):
    enabled: bool = True


class ConsoleSink(Sink):
    name = "console"
    Config = ConsoleConfig

    @classmethod
    def from_config(cls, config: Any, secret: SecretLookup, stream: TextIO | None) -> ConsoleSink:
        return cls(stream)

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stdout
        self._lock = threading.Lock()

    def send(self, payload: dict[str, Any], target: str | None, alert_key: str) -> str | None:
        text = read_digest(payload).markdown.rstrip("\n") if kind_of(payload) == DIGEST else render_text(payload)
        with self._lock:
            self._stream.write(text + "\n\n")
            self._stream.flush()
        return None

    def preflight(self, use: SinkUse) -> list[Finding]:
        """Nothing remote to reach: alerts are printed to the process's output."""
        return [passed("console", "prints alerts to standard output")]
