"""CLI start-up stays cheap: building the parser (`signalwatch --help`, and the first step of every
command) imports no database, HTTP, feed or CRM/Slack client code. Checked on `sys.modules` in a
fresh interpreter rather than by timing, so it holds on a slow or busy machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from signalwatch.cli import build_parser
from signalwatch.cli.core import write_starter

HEAVY = [
    "sqlalchemy", "sqlmodel", "httpx", "httpcore", "requests", "slack_sdk", "hubspot", "simple_salesforce",
    "feedparser", "bs4", "apscheduler", "tenacity", "pydantic", "yaml",
    "signalwatch.config", "signalwatch.store", "signalwatch.runtime", "signalwatch.rules.engine",
    "signalwatch.rules.ruleset", "signalwatch.connectors", "signalwatch.sinks", "signalwatch.crm", "signalwatch.http",
    "signalwatch.extract", "signalwatch.digest",
]

PROBE = """
import json, sys
import signalwatch.cli
signalwatch.cli.build_parser()
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(code: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_building_the_parser_imports_no_heavy_module() -> None:
    loaded = _modules_after(PROBE)
    assert "signalwatch.cli.rules" in loaded  # the command modules themselves are imported
    heavy = sorted(name for name in loaded for prefix in HEAVY if name == prefix or name.startswith(prefix + "."))
    assert heavy == [], f"imported just to build the parser: {heavy}"


def test_help_runs_without_heavy_modules() -> None:
    code = PROBE.replace("signalwatch.cli.build_parser()", """
try:
    signalwatch.cli.main(["--help"])
except SystemExit:
    pass
sys.stdout.flush()
print()""")
    loaded = _modules_after(code)
    assert not {"sqlalchemy", "httpx", "pydantic", "signalwatch.config"} & loaded


def test_parser_constants_match_the_modules_they_stand_in_for() -> None:
    """The CLI spells a few names itself (so the parser needs no heavy import); they must stay in step."""
    from signalwatch.accounts.csv_import import COLUMNS
    from signalwatch.cli import accounts, crm, data
    from signalwatch.crm.run import CRMS
    from signalwatch.store import OutboxStatus

    assert tuple(crm.CRMS) == tuple(CRMS)
    assert data.OUTBOX_STATUSES == [OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SENT, OutboxStatus.DEAD, OutboxStatus.DISCARDED]
    assert accounts.COLUMNS == COLUMNS


@pytest.mark.parametrize("argv", [["outbox", "list", "--status", "bogus"], ["crm", "sync", "bogus"]])
def test_choices_still_reject_unknown_values(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(argv)
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_rules_check_imports_no_engine_scheduler_or_runtime(tmp_path: Path) -> None:
    """`rules check` loads the config and the rules; it needs no engine, rule tests, scheduler or app."""
    write_starter(tmp_path)
    code = """
import json, sys
from signalwatch.cli import main
code = main(["rules", "check"])
print(json.dumps([code, sorted(sys.modules)]))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=True,
                            env={k: v for k, v in os.environ.items() if k != "SIGNALWATCH_CONFIG"})
    exit_code, modules = json.loads(result.stdout.splitlines()[-1])
    assert exit_code == 0, result.stderr
    unwanted = ["signalwatch.rules.engine", "signalwatch.rules.testing", "signalwatch.runtime", "apscheduler"]
    assert sorted(m for m in modules for u in unwanted if m == u or m.startswith(u + ".")) == []


CLIENTS = ["slack_sdk", "hubspot", "simple_salesforce", "requests", "feedparser", "bs4", "signalwatch.extract",
           "signalwatch.connectors.rss", "signalwatch.connectors.edgar", "signalwatch.connectors.jobboards",
           "signalwatch.sinks.slack", "signalwatch.sinks.hubspot", "signalwatch.sinks.salesforce"]


def _modules_in(directory: Path, code: str) -> tuple[object, list[str]]:
    result = subprocess.run([sys.executable, "-c", code], cwd=directory, capture_output=True, text=True, timeout=120,
                            check=True, env={k: v for k, v in os.environ.items() if k != "SIGNALWATCH_CONFIG"})
    value, modules = json.loads(result.stdout.splitlines()[-1])
    return value, modules


def _matching(modules: list[str], prefixes: list[str]) -> list[str]:
    return sorted(m for m in modules for p in prefixes if m == p or m.startswith(p + "."))


def test_rules_check_imports_no_connector_or_sink_client_and_still_knows_the_enabled_sinks(tmp_path: Path) -> None:
    """The edit-check loop of an admin: the config is read for the rules folder and the enabled sinks
    without importing Slack/CRM clients, feed parsers or extraction (about half of its start-up)."""
    write_starter(tmp_path)
    code = """
import contextlib, io, json, sys
from signalwatch.cli import main
err = io.StringIO()
with contextlib.redirect_stderr(err):
    code = main(["rules", "check"])
print(json.dumps([[code, err.getvalue()], sorted(sys.modules)]))
"""
    (exit_code, stderr), modules = _modules_in(tmp_path, code)  # type: ignore[misc]
    assert exit_code == 0
    assert "sink 'slack' is not enabled in the config" in stderr  # the starter config leaves Slack off
    assert _matching(modules, CLIENTS) == []


def test_settings_import_only_the_connectors_their_sources_name(tmp_path: Path) -> None:
    """A connector is imported when a source uses it: the starter config's RSS feeds load no EDGAR
    (BeautifulSoup, 8-K patterns) or job-board code."""
    write_starter(tmp_path)
    code = """
import json, sys
from signalwatch.config import load_settings
settings = load_settings("signalwatch.yaml")
print(json.dumps([sorted({s.type for s in settings.sources}), sorted(sys.modules)]))
"""
    types, modules = _modules_in(tmp_path, code)
    assert types == ["rss"]
    assert "signalwatch.connectors.rss" in modules
    assert _matching(modules, ["signalwatch.connectors.edgar", "signalwatch.connectors.jobboards",
                               "signalwatch.connectors.techstack"]) == []


SINK_BLOCKS = {
    "starter": None,
    "no sinks block": "",
    "slack on by a yes, console left to its default": "sinks:\n  slack:\n    enabled: yes\n    default_channel: '#x'\n",
    "console off": "sinks:\n  console: {enabled: false}\n",
}


@pytest.mark.parametrize("sinks", list(SINK_BLOCKS.values()), ids=list(SINK_BLOCKS))
def test_the_rule_commands_light_config_read_agrees_with_the_full_one(tmp_path: Path, sinks: str | None) -> None:
    from signalwatch.config import load_rules_context, load_settings

    write_starter(tmp_path)
    config = tmp_path / "signalwatch.yaml"
    if sinks is not None:
        config.write_text("rules_dir: my-rules\n" + sinks, encoding="utf-8")
    full = load_settings(config)
    light = load_rules_context(config)
    assert light.rules_path == full.rules_path
    assert light.enabled_sinks == {name for name, sink in full.sink_configs.items() if sink.enabled}


def test_the_light_config_read_rejects_a_non_boolean_enabled_with_its_line(tmp_path: Path) -> None:
    from signalwatch.config import load_rules_context
    from signalwatch.yamlload import AdminInputError

    config = tmp_path / "signalwatch.yaml"
    config.write_text("rules_dir: rules\nsinks:\n  slack:\n    enabled: sometimes\n", encoding="utf-8")
    with pytest.raises(AdminInputError) as caught:
        load_rules_context(config)
    assert [(issue.line, "sinks.slack.enabled" in issue.message) for issue in caught.value.issues] == [(4, True)]
