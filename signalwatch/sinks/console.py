"""Console sink: alerts printed as readable text to a stream (stdout by default)."""

from __future__ import annotations

import sys
import threading
from typing import Any, TextIO

from signalwatch.alerts.render import render_text
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
        with self._lock:
            self._stream.write(render_text(payload) + "\n\n")
            self._stream.flush()
        return None
