"""/healthz answers 503 with its reasons when the scheduler is not running or the database does not answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from signalwatch.config import load_settings
from signalwatch.runtime.app import build_app
from signalwatch.runtime.operations import Operations
from signalwatch.store import Store
from tests.conftest import SLACK_TOKEN, Workspace
from tests.prod.helpers import free_port, get, get_json, metric, parse_metrics


def test_healthz_reports_each_reason_for_being_unhealthy(workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    port = free_port()
    workspace.write_config([], server={"enabled": True, "host": "127.0.0.1", "port": port})
    app = build_app(load_settings(workspace.config))
    scheduler = BackgroundScheduler()
    ops = Operations(app)
    ops.start(scheduler)
    url = f"http://127.0.0.1:{port}"
    try:
        status, body = get_json(f"{url}/healthz")
        assert status == 503 and body["reasons"] == ["scheduler is not running"]

        scheduler.start()
        status, body = get_json(f"{url}/healthz")
        assert (status, body["status"], body["role"]) == (200, "ok", "leader")

        app.store = Store(f"sqlite:///{tmp_path / 'unmounted-volume' / 'signalwatch.db'}")  # the data volume went away
        status, body = get_json(f"{url}/healthz")
        assert status == 503 and len(body["reasons"]) == 1 and body["reasons"][0].startswith("database: ")
        assert "unable to open database file" in body["reasons"][0]
        # metrics still answer, saying the database is down, so the scrape itself does not fail
        status, _, text = get(f"{url}/metrics")
        assert status == 200 and metric(parse_metrics(text), "signalwatch_up") == 0
        assert get(f"{url}/nothing-here")[0] == 404
    finally:
        scheduler.shutdown(wait=False) if scheduler.running else None
        ops.stop()
        app.close()
