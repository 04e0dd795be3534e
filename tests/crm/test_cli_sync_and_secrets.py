"""The real CLI (in the test process: tests/inprocess.py) against the fake HubSpot: what `crm sync` keeps, `--dry-run`, and
a token an upstream error echoes never reaching the database or any output."""

from __future__ import annotations

import sqlite3

import pytest

from signalwatch.devtools.fake_hubspot import FakeHubSpot, Scripted
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.store import Store
from tests.conftest import Workspace
from tests.crm.conftest import HUBSPOT_TOKEN
from tests.crm.test_cli import configure

pytestmark = pytest.mark.slow


def echoing(message: str, status: int = 502) -> Scripted:
    """An error whose body quotes the request's credentials back, as some upstream proxies do."""
    return Scripted("", status=status, body={"status": "error", "message": f"{message}; request had Authorization: Bearer {HUBSPOT_TOKEN}",
                                              "category": "VALIDATION_ERROR"})


def scripted(path: str, answer: Scripted) -> Scripted:
    answer.path = path
    return answer


def database_text(workspace: Workspace) -> str:
    """Every row of every table, and the raw bytes of the database files, as text."""
    with sqlite3.connect(workspace.root / "signalwatch.db") as db:
        rows = "\n".join(db.iterdump())
    raw = b"".join(path.read_bytes() for path in workspace.root.glob("signalwatch.db*"))
    return rows + raw.decode("latin-1")


def test_crm_sync_keeps_tier_a_owners_and_shows_a_dry_run_first(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, hubspot, monkeypatch)
    sam = hubspot.add_owner("sam@yourco.example")
    # The CSV gave Acme Robotics its owner (dana, U01DANA001); HubSpot has no owner for it.
    hubspot.add_company("Acme Robotics", "acmerobotics.example", industry="COMPUTER_SOFTWARE", numberofemployees="850")
    hubspot.add_company("Nova Ledger", "novaledger.example", industry="COMPUTER_SOFTWARE", numberofemployees="600", hubspot_owner_id=sam)
    hubspot.add_company("Quanta Soft", "quantasoft.example", industry="COMPUTER_SOFTWARE", numberofemployees="300")
    workspace.slack.users = {"sam@yourco.example": "U01SAM0001"}

    preview = workspace.cli("crm", "sync", "hubspot", "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert "dry run, nothing written: 2 to add, 1 to change, 0 to remove" in preview.stdout
    assert "  + Nova Ledger (novaledger.example)" in preview.stdout and "  + Quanta Soft (quantasoft.example)" in preview.stdout
    assert "  ~ Acme Robotics (acmerobotics.example)" in preview.stdout and "      crm_id: - -> 'hubspot:" in preview.stdout
    assert "owner" not in preview.stdout  # an empty CRM owner changes nothing
    assert "Nova Ledger" not in workspace.cli("accounts", "list").stdout  # nothing was written

    sync = workspace.cli("crm", "sync", "hubspot")
    assert sync.returncode == 0, sync.stderr
    tier_a = workspace.cli("accounts", "list", "--tier", "A").stdout
    assert all(name in tier_a for name in ("Acme Robotics", "Nova Ledger", "Quanta Soft")), tier_a  # COMPUTER_SOFTWARE is software
    unknown = workspace.cli("accounts", "list", "--tier", "Z")  # printed an empty table and exit 0
    assert unknown.returncode == 2 and "no tier 'Z'" in unknown.stderr and "tiers: A," in unknown.stderr, unknown.stderr
    accounts = {a.name: a for a in Store(f"sqlite:///{workspace.root / 'signalwatch.db'}").list_accounts()}
    assert (accounts["Acme Robotics"].owner_email, accounts["Acme Robotics"].owner_slack_id) == ("dana@yourco.example", "U01DANA001")
    assert (accounts["Nova Ledger"].industry, accounts["Nova Ledger"].owner_slack_id) == ("software", "U01SAM0001")
    again = workspace.cli("crm", "sync", "hubspot", "--dry-run")
    assert "0 to add, 0 to change, 0 to remove" in again.stdout  # a second sync would change nothing


def test_a_token_echoed_in_an_upstream_error_is_never_stored_nor_printed(
    workspace: Workspace, feeds: FixtureServer, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(workspace, feeds, hubspot, monkeypatch)
    hubspot.add_company("Acme Robotics", "acmerobotics.example")

    hubspot.scripted.append(scripted("/properties/companies", echoing("Bad gateway", 500)))
    setup_failed = workspace.cli("crm", "setup", "hubspot")
    assert setup_failed.returncode == 1 and "Bad gateway" in setup_failed.stderr
    assert workspace.cli("crm", "setup", "hubspot").returncode == 0
    hubspot.scripted.append(scripted("/crm/v3/owners", echoing("Bad gateway", 502)))
    sync_failed = workspace.cli("crm", "sync", "hubspot")
    assert sync_failed.returncode == 1 and "not synced" in sync_failed.stderr

    hubspot.scripted += [scripted("/objects/tasks", echoing("Upstream failed", 502)),  # retried …
                         scripted("/objects/tasks", echoing("Invalid input", 400))]  # … then a dead letter
    run = workspace.cli("run", "--once")
    assert run.returncode == 1, run.stderr  # a dead letter in this run: cron must notice
    dead = workspace.cli("outbox", "list", "--status", "dead")
    assert "hubspot" in dead.stdout and "Invalid input; request had Authorization: Bearer ***" in dead.stdout
    outputs = [setup_failed.stdout, setup_failed.stderr, sync_failed.stdout, sync_failed.stderr, run.stdout, run.stderr,
               dead.stdout, workspace.cli("outbox", "list").stdout]
    assert not [text for text in outputs if HUBSPOT_TOKEN in text]
    assert HUBSPOT_TOKEN not in database_text(workspace)

    # A row an older release stored with the token in it: `outbox list` still does not print it.
    store = Store(f"sqlite:///{workspace.root / 'signalwatch.db'}")
    [row] = store.list_outbox(status="dead")
    store.mark_dead(row.id, f"HubSpot said: Bearer {HUBSPOT_TOKEN}")
    listed = workspace.cli("outbox", "list", "--status", "dead")
    assert "HubSpot said: Bearer ***" in listed.stdout and HUBSPOT_TOKEN not in listed.stdout
