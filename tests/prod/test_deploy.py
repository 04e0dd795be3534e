"""deploy/: the Slack manifest asks for exactly the scopes the code needs; the container and the
unit run unprivileged, restart, and check health."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"

# Slack's documented bot scopes per Web API method we call (api.slack.com/methods/<method>).
SCOPES_PER_METHOD = {
    "chat_postMessage": {"chat:write"},
    "conversations_open": {"im:write"},
    "conversations_list": {"channels:read", "groups:read"},
    "conversations_history": {"channels:history", "groups:history", "im:history"},
    "users_lookupByEmail": {"users:read", "users:read.email"},
}


def test_slack_manifest_has_exactly_the_scopes_of_the_methods_the_sink_calls() -> None:
    source = (ROOT / "signalwatch" / "sinks" / "slack.py").read_text()
    called = set(re.findall(r"self\._client\.(\w+)", source))
    assert called <= set(SCOPES_PER_METHOD), f"map the scopes of {called - set(SCOPES_PER_METHOD)}"
    needed = set().union(*(SCOPES_PER_METHOD[m] for m in called))
    manifest = yaml.safe_load((DEPLOY / "slack-app-manifest.yaml").read_text())
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(needed)


def test_dockerfile_runs_unprivileged_with_a_health_check_and_a_data_volume() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim$", text, re.M)
    final_stage = text.rsplit("FROM ", 1)[1]
    assert re.search(r"^USER signalwatch", final_stage, re.M)
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", final_stage, re.M)
    assert 'VOLUME ["/data"]' in final_stage and "[postgres]" in final_stage


def test_compose_has_a_volume_for_sqlite_and_postgres_behind_a_profile() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app = compose["services"]["signalwatch"]
    assert any(v.startswith("signalwatch-data:/data") for v in app["volumes"])
    assert "profiles" not in app
    assert compose["services"]["postgres"]["profiles"] == ["postgres"]
    assert "SIGNALWATCH_DATABASE_URL" in app["environment"]


def test_systemd_unit_restarts_and_is_hardened() -> None:
    lines = [line.strip() for line in (DEPLOY / "signalwatch.service").read_text().splitlines()]
    keys = {line.split("=", 1)[0]: line.split("=", 1)[1] for line in lines if "=" in line and not line.startswith("#")}
    assert keys["Restart"] == "always" and keys["RestartPreventExitStatus"] == "2"
    assert keys["DynamicUser"] == "yes" and keys["ProtectSystem"] == "strict"
    assert keys["NoNewPrivileges"] == "yes" and keys["PrivateTmp"] == "yes"
    assert keys["ReadWritePaths"] == "/var/lib/signalwatch" and keys["CapabilityBoundingSet"] == ""
    assert keys["ExecStart"].endswith(" run")
