"""A new account's job board is downloaded once in its first run, not twice.

The live poll and the first-poll backfill of new accounts (`runtime.first_poll`) both read the
board: the poll first, as its baseline, then the backfill again, unconditionally (it keeps no
validator), so every new account's boards were downloaded in full twice on their first day. Now
the backfill reads first and hands its answer to the poll (`runtime.handover`), and the next run
asks with the validator that answer carried and is told 304. What must
not change: the backfilled roles are stored quietly (no alert storm), the board's open roles are
its baseline, and a role posted later is a live event that alerts.

The boards are a fake Greenhouse API on 127.0.0.1 serving the real recorded Airbnb listing
(`greenhouse_boards`), which counts every request and the validators it carried.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from signalwatch.accounts import Account
from signalwatch.config import load_settings
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import poll_source
from tests.conftest import Workspace
from tests.e2e.greenhouse_boards import GreenhouseBoards, Request, airbnb_listing, etag_of

BOARDS = {"Acme Robotics": "airbnb", "Globex Payments": "airbnbcareers", "Initrode Health": "airbnbtech"}
LATER = 7535699  # the recorded listing's newest role (published 2026-01-13)
NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)  # three recorded roles were published within 30 days of it
RECENT = {"7467432", "7467455", "7456094"}
EVERY_HIRING_EVENT = """rules:
  - id: every-hiring-event
    description: any hiring event of any account
    match:
      event.type: hiring
    priority: P1
    route:
      - sink: console
"""


@pytest.fixture
def boards() -> Iterator[GreenhouseBoards]:
    with GreenhouseBoards() as server:
        yield server


def by_board(requests: list[Request]) -> dict[str, list[tuple[int, str | None, str | None]]]:
    """Per board token: (status, If-None-Match, If-Modified-Since) of each listing request."""
    seen: dict[str, list[tuple[int, str | None, str | None]]] = {}
    for request in requests:
        seen.setdefault(request.path.split("/")[3], []).append(
            (request.status, request.if_none_match, request.if_modified_since))
    return seen


def test_run_once_twice_downloads_each_new_accounts_board_once_then_asks_with_its_etag(
    workspace: Workspace, boards: GreenhouseBoards
) -> None:
    """The new user's walk-through: starter config and accounts, the jobboards source switched on, boards
    named in the accounts CSV, `rules check`, then `run --once` twice."""
    for token in BOARDS.values():
        boards.post(token, airbnb_listing())
    workspace.write_config([{"name": "job-boards", "type": "jobboards", "interval": "6h",
                             "url_templates": {"greenhouse": boards.template}}])
    csv = workspace.root / "accounts.csv"
    header, *rows = csv.read_text(encoding="utf-8").splitlines()
    assert header.endswith(",boards")  # the last column: a row's empty boards cell is its end
    named = [row + (f"greenhouse:{BOARDS[name]}" if (name := row.split(",")[0]) in BOARDS else "") for row in rows]
    csv.write_text("\n".join([header, *named]) + "\n", encoding="utf-8")
    assert workspace.cli("accounts", "import", "accounts.csv").returncode == 0
    assert workspace.cli("rules", "check").returncode == 0

    first = workspace.cli("run", "--once")

    assert first.returncode == 0, first.stderr
    assert "0 alerts delivered" in first.stdout and workspace.slack.messages == []
    run1 = by_board(boards.listings())
    assert run1 == {token: [(200, None, None)] for token in BOARDS.values()}  # once each, in full; was twice

    second = workspace.cli("run", "--once", process=True)  # a new process: the validators come from the database

    assert second.returncode == 0, second.stderr
    assert "0 new events, 0 alerts delivered" in second.stdout
    sent = etag_of(airbnb_listing())  # what each board answered in run 1
    assert by_board(boards.listings()) == {token: [(304, sent, None)] for token in BOARDS.values()}


@pytest.fixture
def app(boards: GreenhouseBoards, tmp_path: Path) -> Iterator[App]:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "hiring.yaml").write_text(EVERY_HIRING_EVENT)
    config = tmp_path / "signalwatch.yaml"
    config.write_text(
        f"database: sw.db\nrules_dir: {tmp_path / 'rules'}\n"
        "http: {allow_private_addresses: true, per_host_interval: 0, max_attempts: 1}\n"
        "sources:\n"
        f"  - name: job-boards\n    type: jobboards\n    interval: 6h\n"
        f"    url_templates: {{greenhouse: \"{boards.template}\"}}\n"
    )
    built = build_app(load_settings(config))
    yield built
    built.http.close()
    built.store.close()


def test_backfill_and_baseline_from_one_download_and_later_roles_still_alert(app: App, boards: GreenhouseBoards) -> None:
    source = app.sources[0]
    before = airbnb_listing(without=(LATER,))  # the board before its newest role was posted
    for token in ("airbnb", "airbnbcareers", "airbnbtech"):
        boards.post(token, before)
    app.store.upsert_accounts([Account(id=0, name="Acme Robotics", domain="acme.example", boards=("greenhouse:airbnb",)),
                               Account(id=0, name="Globex", domain="globex.example", boards=("greenhouse:airbnbcareers",))],
                              NOW)

    first = poll_source(app, source, NOW)

    assert first.ok
    assert by_board(boards.listings()) == {"airbnb": [(200, None, None)], "airbnbcareers": [(200, None, None)]}
    stored = [event for _, event in app.store.list_events(source="job-boards", limit=100)]
    # The roles published in the last 30 days, for each account, as quiet history; the other open roles are the baseline.
    assert Counter((e.company_name, e.attributes["job_id"], e.attributes.get("backfill")) for e in stored) == Counter(
        (name, job, True) for name in ("Acme Robotics", "Globex") for job in RECENT)
    assert app.store.list_outbox(limit=50) == []  # the rule matches every one of them; history never alerts

    app.store.upsert_accounts([Account(id=0, name="Initrode Health", domain="initrode.example",
                                       boards=("greenhouse:airbnbtech",))], NOW + timedelta(hours=6))
    second = poll_source(app, source, NOW + timedelta(hours=6))

    assert second.ok and second.new_alerts == 0
    seen = by_board(boards.listings())
    assert seen["airbnbtech"] == [(200, None, None)]  # the account added later: once too
    assert seen["airbnb"] == seen["airbnbcareers"] == [(304, etag_of(before), None)]

    boards.post("airbnb", airbnb_listing())  # the newest role appears on one board
    third = poll_source(app, source, NOW + timedelta(days=4))

    assert third.ok
    assert [status for status, _, _ in by_board(boards.listings())["airbnb"]] == [200]
    live = [e for _, e in app.store.list_events(source="job-boards", limit=100) if not e.attributes.get("backfill")]
    assert [(e.company_name, e.change, e.attributes["job_id"]) for e in live] == [("Acme Robotics", "posted", str(LATER))]
    assert third.new_alerts == 1 and len(app.store.list_outbox(limit=50)) == 1
