"""Queue the digest once per period and audience, deliver it through the outbox, and wire it into the daemon.

Audiences are the configured team channels (the whole ranking) and each account owner (a DM
with their own accounts). A digest is an outbox row like any alert (built by
`signalwatch.alerts.payload.digest_message`, rendered when queued) under a key made of the
period and the audience: the outbox's unique key sends it once however often it is queued,
and delivery's usual path (claim, Slack sink `send`, settle; the sink's `confirm` for a row a
crash left `sending`) posts it. Nothing here talks to Slack; outcomes are read from the rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from signalwatch.accounts import Account
from signalwatch.alerts.payload import DIGEST_SINK, DigestMessage, digest_message
from signalwatch.config import DeliveryConfig
from signalwatch.digest.build import Ranking, build_ranking
from signalwatch.digest.claims import with_claimed_owners
from signalwatch.digest.config import DigestConfig, digest_config
from signalwatch.digest.history import account_history, unmatched_funding
from signalwatch.digest.markdown import render_markdown
from signalwatch.digest.model import Digest, RuleBlock
from signalwatch.digest.outbox import alert_priorities, digest_state, last_period_end
from signalwatch.digest.schedule import latest_occurrence
from signalwatch.digest.slack import render_slack_digest
from signalwatch.digest.weekly import WeeklyRules
from signalwatch.matching.candidates import candidates, icp_industries
from signalwatch.rules.ruleset import RuleSet
from signalwatch.runtime.delivery import dead_letter_hint, deliver
from signalwatch.sinks import Sink
from signalwatch.store import OutboxStatus, Store
from signalwatch.store.upkeep import enqueue_notices
from signalwatch.timeutil import utcnow

__all__ = [
    "Queued", "DigestResult", "digest_key", "queue_digest", "send_digests", "run_due_digest", "deliver_digests",
    "schedule_digest", "digest_for", "build_period", "rank_period", "CHECK_MINUTES",
]

log = logging.getLogger(__name__)
CHECK_MINUTES = 10  # how often the daemon checks whether a digest is due
CATCH_UP = timedelta(hours=20)  # a digest missed while the daemon was down is still sent this late
NEW = "new"


@dataclass(frozen=True)
class Queued:
    """One audience's digest after queueing. `status` is its row's status before delivery (NEW
    when this call queued it), so that a row a crash left `sending` and `confirm` then found
    reads as "recovered", not "sent". `key` is None when nothing was queued (`detail` says why)."""

    audience: str
    key: str | None
    status: str
    claimed_at: datetime | None = None
    detail: str = ""


@dataclass(frozen=True)
class DigestResult:
    audience: str
    outcome: str  # sent, recovered, already-sent, failed, skipped
    accounts: int
    detail: str = ""


def digest_key(period_key: str, audience: str) -> str:
    """The outbox key of a digest: one per period and audience (readable, unlike alert keys)."""
    return f"digest:{period_key}:{audience}"


def rank_period(store: Store, ruleset: RuleSet, start: datetime, end: datetime, known: Sequence[Account] | None = None) -> Ranking:
    """Every account's heat rise over [start, end) (current owners and tiers from the store, or
    `known` when the caller has just listed them, and the ICP), the period's P1 alerts and
    net-new candidates: each audience's digest is cut from it."""
    scoring = ruleset.policy.scoring
    lookback = 4 * max(scoring.half_life.values(), default=timedelta(days=30))
    listed = with_claimed_owners(store, store.list_accounts(), end) if known is None else known  # claims in force: the rep owns it
    accounts = {account.id: account for account in listed}

    def tier_of(account: Account) -> str | None:
        fit = ruleset.icp.fit(account)
        return "excluded" if fit.excluded_by else fit.tier

    industries = icp_industries(ruleset.icp)
    found = candidates(unmatched_funding(store, start, end), industries) if industries else []
    return build_ranking(account_history(store, start, end, lookback), accounts, tier_of, scoring,
                         alert_priorities(store, start, end), start, end, candidates=found, holds=ruleset.suppressions)


def build_period(store: Store, ruleset: RuleSet, start: datetime, end: datetime, max_accounts: int) -> Digest:
    """The team's digest of [start, end)."""
    return rank_period(store, ruleset, start, end).digest(max_accounts)


def digest_for(store: Store, ruleset: RuleSet, config: DigestConfig, audience: str, now: datetime, default_since: timedelta,
               rankings: dict[datetime, Ranking] | None = None, known: Sequence[Account] | None = None) -> Digest:
    """The digest of one audience since its previous digest (or `default_since`). Audiences whose
    periods start at the same moment share one ranking through `rankings`."""
    start = last_period_end(store, audience) or now - default_since
    start = max(start, now - timedelta(days=7))  # after a long outage, a week is plenty
    rankings = {} if rankings is None else rankings
    if start not in rankings:
        rankings[start] = rank_period(store, ruleset, start, now, known)
    owner = audience.split(":", 1)[1] if audience.startswith("owner:") else None
    return rankings[start].digest(config.max_accounts, owner)


def queue_digest(store: Store, digest: Digest, audience: str, key: str, now: datetime) -> Queued:
    """Render `digest` and queue it for `audience` ("kind:channel-or-owner") under `key`; a key
    already queued is left as it is (the outbox's unique key keeps a period to one message)."""
    text, blocks = render_slack_digest(digest)
    message = DigestMessage(audience, digest.period_start, digest.period_end, len(digest.accounts), text, blocks,
                            render_markdown(digest))
    if enqueue_notices(store, [digest_message(key, audience.split(":", 1)[1], message)], now):
        return Queued(audience, key, NEW)
    existing = digest_state(store, key)
    if existing is None:  # queued by another process and already pruned: nothing left to do
        return Queued(audience, key, OutboxStatus.SENT)
    return Queued(audience, key, existing.status, existing.claimed_at)


def _audiences(known: Sequence[Account], config: DigestConfig) -> list[str]:
    audiences = [f"channel:{channel}" for channel in config.channels]
    if config.owners:
        owners = {a.owner_slack_id for a in known if a.owner_slack_id}
        audiences += [f"owner:{owner}" for owner in sorted(owners)]
    return audiences


def send_digests(store: Store, ruleset: RuleSet, config: DigestConfig, period_key: str, now: datetime,
                 default_since: timedelta = timedelta(hours=24), rules: RuleBlock | None = None) -> list[Queued]:
    """Queue this period's digest for every audience that has not had it yet; `deliver_digests` sends them."""
    queued = []
    rankings: dict[datetime, Ranking] = {}
    known = with_claimed_owners(store, store.list_accounts(), now)  # a claiming rep gets the account in their DM
    for audience in _audiences(known, config):
        digest = digest_for(store, ruleset, config, audience, now, default_since, rankings, known)
        if rules is not None and audience.startswith("channel:"):  # the weekly rule effectiveness block: team channels only
            digest = replace(digest, rules=rules)
        if audience.startswith("owner:") and digest.quiet and not config.quiet_owner_notes:
            queued.append(Queued(audience, None, "skipped", detail="no new signals"))
            continue
        queued.append(queue_digest(store, digest, audience, digest_key(period_key, audience), now))
    return queued


def run_due_digest(store: Store, ruleset: RuleSet, config: DigestConfig, now: datetime,
                   weekly: WeeklyRules | None = None) -> list[Queued]:
    """Queue the digest of the latest scheduled time if it is due (idempotent: a queued period stays queued once)."""
    due = latest_occurrence(config, now)
    if due is None or now - due > CATCH_UP:
        return []
    return send_digests(store, ruleset, config, due.date().isoformat(), now, rules=weekly(ruleset, now) if weekly else None)


def deliver_digests(store: Store, sinks: Mapping[str, Sink], delivery: DeliveryConfig, queued: Sequence[Queued], *,
                    recover_all: bool = False, wait_inline: bool = True, clock: Callable[[], datetime] = utcnow) -> list[DigestResult]:
    """Deliver the outbox (the digests with whatever else is due, by the one delivery path) when a
    queued digest is still to send, then read each audience's outcome from its row."""
    if any(q.key is not None and q.status != OutboxStatus.SENT for q in queued):
        deliver(store, sinks, delivery, recover_all=recover_all, wait_inline=wait_inline, clock=clock)
    return [_outcome(store, q) for q in queued]


def _outcome(store: Store, queued: Queued) -> DigestResult:
    if queued.key is None:
        return DigestResult(queued.audience, "skipped", 0, queued.detail)
    row = digest_state(store, queued.key)
    if row is None or queued.status == OutboxStatus.SENT:
        return DigestResult(queued.audience, "already-sent", row.accounts if row else 0)
    if row.status == OutboxStatus.SENT:
        confirmed = queued.status == OutboxStatus.SENDING and row.claimed_at == queued.claimed_at  # settled, not claimed again
        return DigestResult(queued.audience, "recovered" if confirmed else "sent", row.accounts)
    if row.status == OutboxStatus.DEAD:
        detail = f"dead letter ({row.last_error}); {dead_letter_hint(row.last_error)}"
    elif row.status == OutboxStatus.DISCARDED:
        detail = "discarded by `signalwatch outbox discard`: not sent"
    else:
        detail = f"not delivered yet ({row.status}), delivery retries it" + (f": {row.last_error}" if row.last_error else "")
    return DigestResult(queued.audience, "failed", row.accounts, detail)


def schedule_digest(scheduler: Any, app: Any, wake: Callable[[], None] | None = None) -> None:
    """Add the digest job to the daemon's APScheduler (does nothing unless `digest.enabled`).

    The job runs every few minutes and at start: it queues a period's digest once and catches up
    after downtime. With `wake` (the daemon's delivery worker) it only queues, and wakes the worker
    as a poll that queued alerts does: the worker is then the one sender, so a digest goes out
    after the alerts queued before it, never from a second sender racing the worker. Without a
    worker (`wake` None) the job delivers at once itself. A failed post is retried by delivery
    like any row.
    """
    from apscheduler.triggers.interval import IntervalTrigger

    config = digest_config(app.settings)
    if not config.enabled:
        return
    if DIGEST_SINK not in app.sinks:  # the daemon keeps running without its digest; the log says why
        log.error("digest: not scheduled: it is posted through the Slack sink, which is not enabled (sinks.slack)")
        return

    weekly = WeeklyRules(app.store, app.settings, config)

    def job() -> None:
        queued = run_due_digest(app.store, app.rules, config, utcnow(), weekly)
        if wake is not None:
            _queued_for_the_worker(queued, wake)
            return
        for result in deliver_digests(app.store, app.sinks, app.settings.delivery, queued, wait_inline=False):
            if result.outcome == "failed":
                log.warning("digest to %s failed: %s", result.audience, result.detail)
            elif result.outcome in ("sent", "recovered"):
                log.info("digest: %s to %s (%d accounts)", result.outcome, result.audience, result.accounts)

    scheduler.add_job(job, IntervalTrigger(minutes=CHECK_MINUTES), id="digest", next_run_time=utcnow())


def _queued_for_the_worker(queued: Sequence[Queued], wake: Callable[[], None]) -> None:
    """Log what this run queued and wake the delivery worker when a digest waits to be sent
    (also one an earlier run queued: the wake-up costs a run that finds nothing, at worst)."""
    for item in queued:
        if item.status == NEW:
            log.info("digest: queued for %s; the delivery worker sends it", item.audience)
    if any(item.key is not None and item.status != OutboxStatus.SENT for item in queued):
        wake()
