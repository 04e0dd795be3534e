"""A PostgreSQL server that answers but refuses the configured database or login is a config error
(exit 2: the systemd unit stops restarting), unlike a server that cannot be reached (exit 1, retried;
tests/core/test_walkthrough_fixes.py). Needs the server of $SIGNALWATCH_TEST_POSTGRES (tests/prod/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from signalwatch.cli.core import write_starter
from tests.inprocess import run_signalwatch


def _status(tmp_path: Path, url: str) -> tuple[int, str]:
    write_starter(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SIGNALWATCH_"))}
    result = run_signalwatch(["-c", str(tmp_path / "signalwatch.yaml"), "status"], tmp_path,
                             {**env, "SIGNALWATCH_DATABASE_URL": url})
    return result.returncode, result.stderr


def test_the_test_database_itself_opens(pg_url: str, tmp_path: Path) -> None:
    code, stderr = _status(tmp_path, pg_url)
    assert code == 0, stderr


@pytest.mark.parametrize("change", ["database", "username"])
def test_a_database_or_role_the_server_does_not_have_exits_2(pg_url: str, tmp_path: Path, change: str) -> None:
    url = make_url(pg_url).set(password="hunter2-secret", **{change: "no_such_thing_here"})
    code, stderr = _status(tmp_path, url.render_as_string(hide_password=False))
    assert code == 2, stderr
    assert "$SIGNALWATCH_DATABASE_URL" in stderr and "the server refused it" in stderr and "no_such_thing_here" in stderr
    assert "hunter2-secret" not in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
