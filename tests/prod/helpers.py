"""Small helpers for the production tests: free ports, HTTP GETs, waiting, Prometheus text parsing."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from signalwatch.config import DATABASE_ENV
from tests import waiting
from tests.conftest import Workspace

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = 5.0) -> tuple[int, str, str]:
    """(status, content type, body) of a GET; error statuses are answers, not exceptions."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode()


def get_json(url: str) -> tuple[int, Any]:
    status, _, body = get(url)
    return status, json.loads(body)


def wait_for(condition: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
    """`tests.waiting.wait_for`, where a refused connection or a half-written answer means "not yet"."""
    return waiting.wait_for(condition, timeout, what, ignoring=(OSError, ValueError))


def parse_metrics(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text exposition; fails on a malformed line."""
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            assert line == "" or line.startswith(("# HELP ", "# TYPE ")), line
            continue
        match = SAMPLE.match(line)
        assert match, f"not a valid sample line: {line!r}"
        labels = tuple(sorted(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', match.group(2) or "")))
        samples[(match.group(1), labels)] = float(match.group(3))
    return samples


def metric(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


def start_daemon(workspace: Workspace, log: Path) -> subprocess.Popen[bytes]:
    """`signalwatch run` in the workspace as its own process, stderr (the log) to `log`; the database a test chose with
    `DATABASE_ENV` (a Postgres variant) goes with it."""
    env = {**workspace.env(), **{k: v for k, v in os.environ.items() if k == DATABASE_ENV}}
    with open(log, "wb") as handle:
        return subprocess.Popen([sys.executable, "-m", "signalwatch", "run"], cwd=workspace.root, env=env,
                                stdout=subprocess.DEVNULL, stderr=handle)
