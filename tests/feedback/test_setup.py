"""Setting the feedback loop up: the Slack manifest enables the interactivity mode the starter
config chooses, the secrets each mode needs are demanded at start, and the actions table is
what migration 8 builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from signalwatch.cli.core import write_starter
from signalwatch.config import load_settings
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.feedback import ledger
from signalwatch.store import Store
from signalwatch.store.migrations import MIGRATIONS, migrate
from signalwatch.yamlload import AdminInputError
from tests.conftest import Workspace

ROOT = Path(__file__).resolve().parents[2]


def test_the_manifest_enables_the_interactivity_mode_the_starter_config_chooses(tmp_path: Path) -> None:
    manifest = yaml.safe_load((ROOT / "deploy" / "slack-app-manifest.yaml").read_text(encoding="utf-8"))
    write_starter(tmp_path)
    mode = load_settings(tmp_path / "signalwatch.yaml").sink_configs["slack"].actions.mode  # type: ignore[attr-defined]
    assert mode == "socket_mode"
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert "request_url" not in manifest["settings"]["interactivity"]  # Socket Mode needs none


@pytest.mark.parametrize(("mode", "variable"), [("socket_mode", "SLACK_APP_TOKEN"), ("http", "SLACK_SIGNING_SECRET")])
def test_the_daemon_demands_each_modes_secret_at_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str, variable: str) -> None:
    for name in ("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    config = tmp_path / "signalwatch.yaml"
    config.write_text(yaml.safe_dump({"sinks": {"slack": {"enabled": True, "actions": {"mode": mode}}}}), encoding="utf-8")
    with pytest.raises(AdminInputError, match=f"sinks.slack.actions.mode is {mode}: \\${variable} is not set"):
        load_settings(config, require_secrets=True, daemon=True)
    # a one-shot command (cron's `run --once`, `digest --send`) posts alerts but never listens for clicks
    assert load_settings(config, require_secrets=True).sink_configs["slack"].actions.mode == mode  # type: ignore[attr-defined]
    monkeypatch.setenv(variable, "set")
    assert load_settings(config, require_secrets=True, daemon=True).sink_configs["slack"].actions.mode == mode  # type: ignore[attr-defined]


def test_a_crm_link_needs_an_url_with_the_record_id(tmp_path: Path) -> None:
    config = tmp_path / "signalwatch.yaml"
    config.write_text(yaml.safe_dump({"sinks": {"slack": {"actions": {"crm_links": {"hubspot": "https://app.hubspot.com/x"}}}}}))
    with pytest.raises(AdminInputError, match=r"crm_links.hubspot must be an http\(s\) URL with \{id\}"):
        load_settings(config)


def test_migration_8_builds_the_actions_table_the_ledger_reads(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    engine = sa.create_engine(url)
    assert migrate(engine, MIGRATIONS[:7]) == [1, 2, 3, 4, 5, 6, 7]  # a database of the release before
    assert 8 in Store(url).migrate()
    inspector = sa.inspect(engine)
    columns = {c["name"]: (str(c["type"]), c["nullable"]) for c in inspector.get_columns("feedback_actions")}
    assert columns == {c.name: (str(c.type.compile(engine.dialect)), c.nullable) for c in ledger.ACTIONS.columns}
    assert [u["column_names"] for u in inspector.get_unique_constraints("feedback_actions")] == [["action_key"]]
    assert {i["name"] for i in inspector.get_indexes("feedback_actions")} == {i.name for i in ledger.ACTIONS.indexes}


def test_doctor_checks_the_app_level_token_of_socket_mode(workspace: Workspace, feeds: FixtureServer) -> None:
    from tests.prod.test_doctor import doctor, healthy, problems

    healthy(workspace, feeds, slack={"enabled": True, "base_url": workspace.slack.base_url, "default_channel": "#sales-signals",
                                     "actions": {"mode": "socket_mode"}})
    good = doctor(workspace, SLACK_APP_TOKEN=workspace.slack.app_token)
    assert good.returncode == 0, good.stdout + good.stderr
    assert any(line.startswith("ok") and "slack buttons: Socket Mode: the app-level token opens a connection" in line
               for line in good.stdout.splitlines())
    bot_token = doctor(workspace, SLACK_APP_TOKEN=workspace.env()["SLACK_BOT_TOKEN"])  # the bot token in the wrong variable
    assert bot_token.returncode == 1
    [line] = [p for p in problems(bot_token) if "slack buttons" in p]
    assert "$SLACK_APP_TOKEN is not an app-level token (xapp-…)" in line and "connections:write" in line
    assert workspace.env()["SLACK_BOT_TOKEN"] not in bot_token.stdout + bot_token.stderr
