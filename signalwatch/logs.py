"""Logging setup: one readable (or JSON) line per event, secrets redacted from every record."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterable
from datetime import datetime, timezone

__all__ = ["configure_logging", "RedactSecrets", "JsonFormatter"]


class RedactSecrets(logging.Filter):
    """Replace any known secret value in a log record with ***."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s and len(s) >= 6]

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secrets:
            message = record.getMessage()
            for secret in self._secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
            if record.exc_info and record.exc_info[1] is not None:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
                for secret in self._secrets:
                    record.exc_text = record.exc_text.replace(secret, "***")
                record.exc_info = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line (for log shippers): time, level, logger, message, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[1] is not None:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(level: str, secrets: Iterable[str] = (), fmt: str = "text") -> None:
    handler = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        text = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%SZ")
        text.converter = time.gmtime  # the Z in the stamp promises UTC
        handler.setFormatter(text)
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("apscheduler", "httpx", "httpcore", "slack_sdk"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
