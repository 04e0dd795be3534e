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
    assert data.OUTBOX_STATUSES == [OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.SENT, OutboxStatus.DEAD]
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
