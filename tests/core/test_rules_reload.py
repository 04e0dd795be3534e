"""A rules reload while polls commit: the new engine continues from every committed alert."""

from __future__ import annotations

import threading
from datetime import timedelta

from signalwatch.config import load_settings
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import build_app
from signalwatch.runtime.pipeline import commit_events
from signalwatch.timeutil import utcnow
from tests.conftest import SLACK_TOKEN, Workspace


def funding(n: int, now: object) -> SignalEvent:
    return SignalEvent(
        type=EventType.FUNDING, change="raised", source="news", source_kind="rss", source_id=f"f{n}",
        title=f"Acme Robotics raises ${n}0M", occurred_at=now, detected_at=now, company_name="Acme Robotics",  # type: ignore[arg-type]
        attributes={"amount": n * 1e7, "currency": "USD", "round": "series_b"}, dedupe_key=make_dedupe_key("reload", n),
    )


def test_a_reload_waiting_on_a_poll_keeps_the_cooldown_that_poll_started(workspace: Workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    rules = workspace.root / "rules" / "signals.yaml"
    rules.write_text(rules.read_text().replace("    priority: P1\n    max_age: 14d\n", "    priority: P1\n    max_age: 14d\n    cooldown: 30d\n", 1))
    app = build_app(load_settings(workspace.config))
    accounts = {a.id: a for a in app.store.list_accounts()}
    acme = next(a for a in accounts.values() if a.name == "Acme Robotics")
    now = utcnow()

    def poll(n: int) -> int:
        event = funding(n, now + timedelta(minutes=n)).model_copy(update={"account_id": acme.id})
        return commit_events(app.store, app.engine, accounts, "news", [event], {}, now + timedelta(minutes=n)).new_alerts

    reload = threading.Thread(target=app.swap_rules, args=(load_ruleset(workspace.root / "rules"),))
    with app.engine_lock:  # a poll is committing when the reload starts
        reload.start()
        reload.join(0.5)
        assert reload.is_alive()  # the reload waits for the poll instead of warming up beside it
        assert poll(1) > 0  # funding-round alerts and starts its 30-day cooldown
    reload.join(10)
    assert not reload.is_alive()
    assert poll(2) == 0  # the reloaded engine knows the cooldown the racing poll started
    app.close()
