"""The outbox keeps no secret: error texts are redacted by the store's writes, before they are cut."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from signalwatch.devtools.fake_hubspot import FakeHubSpot
from signalwatch.runtime.delivery import secret_redactor
from signalwatch.sinks.hubspot import HubSpotConfig, HubSpotSink, build_hubspot_api
from signalwatch.store import Store
from tests.crm.conftest import HUBSPOT_TOKEN, Clock, enqueue


def test_every_outbox_error_write_cuts_out_the_secrets_the_sinks_hold(hubspot: FakeHubSpot, store: Store, tmp_path: Path,
                                                                      clock: Clock) -> None:
    config = HubSpotConfig(enabled=True, host=hubspot.host)
    sinks = {"hubspot": HubSpotSink(build_hubspot_api(config, HUBSPOT_TOKEN), config)}
    redact = secret_redactor(sinks, lambda text: text.replace("hunter22", "***"))  # plus the caller's own secrets
    for n in range(3):
        enqueue(store, clock.now, [("hubspot", "task")], source_id=f"secret-{n}")
    first, second, third = store.due_outbox(clock.now)
    store.mark_retry(first.id, f"HubSpot: Bearer {HUBSPOT_TOKEN} and hunter22", clock.now, redact=redact)
    store.mark_unknown(second.id, f"reset, Bearer {HUBSPOT_TOKEN}", clock.now, redact=redact)
    store.mark_dead(third.id, "x" * 1990 + HUBSPOT_TOKEN, redact=redact)  # a cut at 2000 would leave a fragment

    errors = {row.id: row.last_error or "" for row in store.list_outbox()}
    assert errors[first.id] == "HubSpot: Bearer *** and ***"
    assert errors[second.id] == "unknown outcome: reset, Bearer ***"
    assert errors[third.id].endswith("***") and len(errors[third.id]) <= 2000
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        dump = "\n".join(db.iterdump())
    assert HUBSPOT_TOKEN[:12] not in dump and "hunter22" not in dump
