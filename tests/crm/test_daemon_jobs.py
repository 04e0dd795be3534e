"""The daemon hooks `schedule_digest` and `schedule_crm_sync` on a real APScheduler."""

from __future__ import annotations

from datetime import timezone

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from signalwatch.config import load_settings
from signalwatch.crm.run import schedule_crm_sync
from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.digest.config import DigestConfig
from signalwatch.digest.send import schedule_digest
from signalwatch.runtime.app import build_app
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN, Workspace
from tests.crm.conftest import HUBSPOT_TOKEN
from tests.waiting import wait_for


def test_the_jobs_sync_accounts_and_send_the_due_digest_at_start(
    workspace: Workspace, hubspot: FakeHubSpot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", HUBSPOT_TOKEN)
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    hubspot.add_company("Brand New Co", "brandnew.example")
    sinks = {"slack": {"enabled": True, "base_url": workspace.slack.base_url},
             "hubspot": {"enabled": False, "host": hubspot.host, "timeout": 2, "sync": {"enabled": True}}}
    workspace.write_config([], sinks=sinks)
    settings = load_settings(workspace.config)
    # Until Settings has a `digest` field, the block is attached the way the loaded config will carry it.
    digest = DigestConfig(enabled=True, days="*", hour=utcnow().hour, minute=0, channels=["#sales-signals"], owners=False)
    settings = settings.model_copy(update={"digest": digest})
    app = build_app(settings)
    scheduler = BackgroundScheduler(timezone=timezone.utc)
    try:
        schedule_crm_sync(scheduler, app)
        schedule_digest(scheduler, app)
        assert {job.id for job in scheduler.get_jobs()} == {"sync:hubspot", "digest"}
        scheduler.start()
        wait_for(lambda: any(a.name == "Brand New Co" for a in app.store.list_accounts()), timeout=10,
                 what="the CRM sync job to import the new company")
        wait_for(lambda: any(((m.get("metadata") or {}).get("event_payload") or {}).get("alert_key", "").startswith("digest:")
                             for m in workspace.slack.messages), timeout=10, what="the digest job to post the digest")
    finally:
        scheduler.shutdown(wait=True)
        app.close()
