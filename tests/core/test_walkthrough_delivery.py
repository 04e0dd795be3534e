"""Fixes from a walk-through of delivery and failure, as a new RevOps admin meets them: what
`run --once` says about alerts it could not deliver yet, a token Slack or Salesforce refuses, a
daemon killed with SIGKILL mid-delivery and restarted, a database whose disk refuses writes. The
real commands and daemons against the fake Slack, the fake Salesforce and fixture feeds on 127.0.0.1."""

from __future__ import annotations

import logging
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from signalwatch.config import DeliveryConfig, load_settings
from signalwatch.devtools.fake_salesforce import FakeSalesforce
from signalwatch.devtools.fake_slack import Failure
from signalwatch.devtools.fixture_server import FixtureServer
from signalwatch.runtime.app import build_app
from signalwatch.runtime.delivery import deliver
from signalwatch.runtime.operations import Operations
from signalwatch.sinks.salesforce import SalesforceConfig, SalesforceSink, build_salesforce_api
from signalwatch.store import Store
from tests.conftest import SF_FIXTURES, SLACK_TOKEN, Workspace
from tests.core.test_delivery import Clock
from tests.crm.conftest import enqueue
from tests.e2e.test_run_once import EXPECTED, received, standard_sources
from tests.waiting import wait_for


def test_run_once_says_which_alerts_still_wait_behind_a_rate_limit(workspace: Workspace, feeds: FixtureServer) -> None:
    # Slack answers the first post with 429 and a Retry-After longer than run --once waits inline
    # (20 s in the test config): the alerts stay queued. Before, the run printed only "N alerts
    # delivered" and exited 0, so a cron user could not tell that Slack had received nothing.
    workspace.slack.failures = [Failure(429, "ratelimited", {"Retry-After": "120"})]
    workspace.write_config(standard_sources(feeds))
    result = workspace.cli("run", "--once")
    assert workspace.slack.messages == []
    assert "alert(s) still wait" in result.stderr and "next try at" in result.stderr, result.stderr
    assert "signalwatch status" in result.stderr
    assert result.returncode == 0  # not a failure: the next run (or the daemon) sends them, in order


def _no_file_growth() -> None:
    """In the child: any write that grows a file fails (EFBIG), as on a full disk, for this user too."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def test_a_database_on_a_disk_that_refuses_writes_exits_1_so_systemd_restarts(workspace: Workspace) -> None:
    # The SQLite file's folder exists and is writable; the disk refuses to grow the file. Before,
    # this was "cannot open the SQLite file ... (does its folder exist, and may signalwatch write
    # there?)" with exit 2, the status the systemd unit does not restart on: a daemon that met a
    # full disk at start stayed down after the space was freed.
    workspace.write_config([], database="fresh.db")
    result = subprocess.run([sys.executable, "-m", "signalwatch", "status"], cwd=workspace.root, env=workspace.env(),
                            capture_output=True, text=True, timeout=60, preexec_fn=_no_file_growth)
    assert result.returncode == 1, result.stderr
    assert "the disk holding it refused a write" in result.stderr and "KiB free" in result.stderr
    assert "may signalwatch write there" not in result.stderr
    again = workspace.cli("status", process=True)  # the space is back: it starts
    assert again.returncode == 0, again.stderr


def _daemon(workspace: Workspace, log: Path) -> subprocess.Popen[bytes]:
    """`signalwatch run` as a real process, its log lines in `log` (read while it runs)."""
    with open(log, "wb") as handle:
        return subprocess.Popen([sys.executable, "-m", "signalwatch", "run"], cwd=workspace.root, env=workspace.env(),
                                stdout=subprocess.DEVNULL, stderr=handle)


def test_a_daemon_restarted_after_kill_9_polls_at_once_instead_of_waiting_for_its_own_dead_lease(
        workspace: Workspace, feeds: FixtureServer) -> None:
    # One instance, killed with SIGKILL (OOM killer, `kill -9`, a crashed container) and restarted.
    # Before, the new process found the dead one's polling lease unexpired and logged "another
    # instance schedules polls; this one delivers and stands by" although there is no other
    # instance, and polled nothing until the lease ran out (here 10 minutes, by default 40 s).
    workspace.write_config(standard_sources(feeds), cluster={"lease_ttl": "10m"}, server={"enabled": False})
    first_log, second_log = workspace.root / "first.log", workspace.root / "second.log"
    first = _daemon(workspace, first_log)
    try:
        wait_for(lambda: "now schedules polls" in first_log.read_text(encoding="utf-8"), what="the first daemon to lead")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    second = _daemon(workspace, second_log)
    try:
        wait_for(lambda: "lease:" in second_log.read_text(encoding="utf-8"), what="the restarted daemon's lease line")
        text = second_log.read_text(encoding="utf-8")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)
    assert "now schedules polls" in text, text
    assert "another instance schedules polls" not in text


def test_a_revoked_slack_token_dead_letters_one_alert_and_the_rest_wait_for_a_working_token(
        workspace: Workspace, feeds: FixtureServer) -> None:
    # The bot token was revoked (the app reinstalled, a rotated secret): Slack answers invalid_auth.
    # Before, every queued alert was posted once to fail and became a dead letter, although the
    # docs promise that an auth error pauses the sink. Now the first one dies (its hint says to fix
    # the token) and the others wait, pending and in order, for a run with a working token.
    workspace.write_config(standard_sources(feeds))
    workspace.slack.token = "xoxb-the-reinstalled-app-token"
    refused = workspace.cli("run", "--once")
    assert "1 alert(s) became dead letters" in refused.stderr and "refused its credentials" in refused.stderr
    assert refused.returncode == 1
    outbox = workspace.cli("outbox", "list").stdout
    assert outbox.count(" dead ") == 1 and outbox.count(" pending ") == len(EXPECTED) - 1, outbox

    workspace.slack.token = SLACK_TOKEN  # the admin exports the new token; the next run sends the rest
    fixed = workspace.cli("run", "--once")
    assert fixed.returncode == 0, fixed.stderr
    assert workspace.cli("outbox", "retry-dead").returncode == 0
    assert workspace.cli("run", "--once").returncode == 0
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)
    assert SLACK_TOKEN not in refused.stderr + fixed.stderr


def test_an_expired_salesforce_session_holds_the_sinks_other_rows(salesforce: FakeSalesforce, tmp_path: Path) -> None:
    # Salesforce session ids expire (two hours by default): a daemon running overnight meets
    # INVALID_SESSION_ID. Its other CRM alerts must wait for the new token, not each die.
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite'}")
    store.migrate()
    clock = Clock()
    salesforce.add("Account", Name="Acme", Website="http://acme.com")
    for number in range(3):
        enqueue(store, clock.now, [("salesforce", "task")], source_id=str(number))
    config = SalesforceConfig(enabled=True, instance_url=salesforce.instance_url, timeout=2,
                              ca_bundle=str(SF_FIXTURES / "loopback-cert.pem"))
    expired = SalesforceSink(build_salesforce_api(config, "00Dxx0000000001!expired-session"), config)
    report = deliver(store, {"salesforce": expired}, DeliveryConfig(), clock=clock, sleep=clock.sleep)
    assert report.dead == 1 and report.pending == 2
    again = deliver(store, {"salesforce": expired}, DeliveryConfig(), clock=clock, sleep=clock.sleep)  # the next pass
    assert again.dead == 0 and again.pending == 2
    renewed = SalesforceSink(build_salesforce_api(config, salesforce.token), config)  # restarted with a new session
    assert deliver(store, {"salesforce": renewed}, DeliveryConfig(), clock=clock, sleep=clock.sleep).sent == 2
    assert len(salesforce.records["Task"]) == 2
    store.close()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rpartition(")")[2].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="the kernel's parent-death signal (prctl) is Linux's")
def test_the_delivery_worker_stops_with_a_daemon_killed_mid_delivery(workspace: Workspace, feeds: FixtureServer) -> None:
    # `kill -9` of the daemon while its delivery worker (a child process) is posting to Slack.
    # Before, the orphaned worker went on with its whole run after the daemon was dead (beside the
    # restarted daemon's own worker) and died on a BrokenPipeError traceback when it reported back.
    workspace.write_config(standard_sources(feeds), server={"enabled": False})
    workspace.slack.post_delay = 2.0  # each post is answered two seconds after Slack has it
    log = workspace.root / "daemon.log"
    daemon = _daemon(workspace, log)
    try:
        worker = int(wait_for(lambda: re.search(r"worker ready \(process (\d+)\)", log.read_text(encoding="utf-8")),
                              what="the delivery worker").group(1))
        wait_for(lambda: len(workspace.slack.messages) == 1, what="the first post")
    finally:
        daemon.send_signal(signal.SIGKILL)
        daemon.wait(timeout=10)
    wait_for(lambda: not _alive(worker), what="the orphaned worker to stop")
    assert len(workspace.slack.messages) == 1  # the post in flight finished; nothing more was sent after the kill
    assert "BrokenPipeError" not in log.read_text(encoding="utf-8")

    workspace.slack.post_delay = 0
    result = workspace.cli("run", "--once", process=True)  # the next start delivers the rest, each once
    assert result.returncode == 0, result.stderr
    assert sorted(received(workspace.slack)) == sorted(EXPECTED)


def test_a_lease_renewal_the_database_refuses_is_not_blamed_on_another_instance(
        workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # The disk under the database filled up while the daemon ran (seen on a full tmpfs): the lease
    # renewal failed and the log said "lease: lost to another instance; polls paused here", sending
    # the admin to look for a second instance that does not exist.
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    workspace.write_config([], server={"enabled": False})
    app = build_app(load_settings(workspace.config))
    ops = Operations(app)
    try:
        ops.renew_lease()
        assert ops.leader
        healthy = app.store
        app.store = Store(f"sqlite:///{tmp_path / 'unmounted-volume' / 'signalwatch.db'}")  # every write now fails
        with caplog.at_level(logging.WARNING, logger="signalwatch.runtime.operations"):
            ops.renew_lease()
        assert not ops.leader  # polls pause: it cannot prove it still holds the lease
        text = caplog.text
        assert "another instance" not in text, text
        assert "the database refused the write" in text
        app.store.close()
        app.store = healthy
    finally:
        app.close()
