"""The running daemon as an operator sees it: /healthz, /metrics, and one admin alert per source incident."""

from __future__ import annotations

import signal
import subprocess
from typing import Any

from signalwatch.devtools.fixture_server import FixtureServer, Reply
from tests.conftest import Workspace
from tests.e2e.test_run_once import EXPECTED, received, standard_sources
from tests.prod.helpers import free_port, get, get_json, metric, parse_metrics, wait_for


def admin_messages(workspace: Workspace, what: str) -> list[dict[str, Any]]:
    return [m for m in workspace.slack.messages if f"Source erroring-feed is {what}" in m["text"]]


def start(workspace: Workspace, port: int) -> subprocess.Popen[str]:
    process = workspace.popen("run")
    wait_for(lambda: get(f"http://127.0.0.1:{port}/healthz")[0] == 200, what="/healthz to answer 200")
    return process


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    return err


def test_health_metrics_and_one_admin_alert_per_incident_across_a_restart(workspace: Workspace, feeds: FixtureServer) -> None:
    port = free_port()
    sources = standard_sources(feeds)
    feeds.route("error.xml", Reply(b"<h1>Internal Server Error</h1>", 500, "text/html"))
    sources.append({"name": "erroring-feed", "type": "rss", "url": feeds.url("error.xml"), "interval": "1s", "jitter": 0})
    workspace.write_config(
        sources, delivery={"interval": "1s", "backoff_base": "1s"},
        server={"enabled": True, "host": "127.0.0.1", "port": port},
        source_health={"failures": 2, "notify": [{"sink": "slack", "channel": "#signals-test"}]},
        http={"allow_private_addresses": True, "per_host_interval": 0, "timeout": 2, "total_timeout": 5, "max_attempts": 1},
    )
    base = f"http://127.0.0.1:{port}"
    process = start(workspace, port)
    try:
        status, body = get_json(f"{base}/healthz")
        assert status == 200 and body["status"] == "ok" and body["reasons"] == [] and body["role"] == "leader"
        wait_for(lambda: admin_messages(workspace, "failing"), what="the admin alert")
        wait_for(lambda: len([m for m in workspace.slack.messages if m["channel_arg"] != "#signals-test"]) == len(EXPECTED))

        status, content_type, text = get(f"{base}/metrics")
        assert status == 200 and content_type.startswith("text/plain; version=0.0.4")
        samples = parse_metrics(text)
        assert metric(samples, "signalwatch_up") == 1
        assert (metric(samples, "signalwatch_polls_total", source="erroring-feed", outcome="failed") or 0) >= 2
        assert metric(samples, "signalwatch_polls_total", source="funding-news", outcome="ok") == 1
        stored = metric(samples, "signalwatch_source_events", source="funding-news")
        assert stored and metric(samples, "signalwatch_events_total", source="funding-news") == stored
        assert metric(samples, "signalwatch_source_consecutive_failures", source="erroring-feed") >= 2
        assert 0 <= metric(samples, "signalwatch_source_freshness_seconds", source="funding-news") < 60
        assert metric(samples, "signalwatch_source_last_success_timestamp_seconds", source="erroring-feed") is None
        assert metric(samples, "signalwatch_outbox_rows", status="dead") == 0
        assert metric(samples, "signalwatch_scheduler_leader") == 1
        assert "# TYPE signalwatch_alerts_total counter" in text
    finally:
        stop(process)

    process = start(workspace, port)  # still failing after a restart: the incident is remembered
    try:
        wait_for(lambda: (metric(parse_metrics(get(f"{base}/metrics")[2]), "signalwatch_polls_total",
                                 source="erroring-feed", outcome="failed") or 0) >= 3, what="more failed polls")
        feeds.route("error.xml", Reply(b'<rss version="2.0"><channel><title>Back</title></channel></rss>'))
        wait_for(lambda: admin_messages(workspace, "healthy again"), what="the recovery alert")
    finally:
        err = stop(process)
    assert len(admin_messages(workspace, "failing")) == 1
    assert len(admin_messages(workspace, "healthy again")) == 1
    assert sorted(r for r in received(workspace.slack) if r[0] != "#signals-test") == sorted(EXPECTED)
    assert "source health: erroring-feed recovered" in err
