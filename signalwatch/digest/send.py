"""Post the digest to Slack once per period and audience, and wire it into the daemon.

Audiences are the configured team channels (the whole ranking) and each account owner
(a DM with their own accounts). Each message carries Slack metadata with its digest key,
so a crash between posting and recording is resolved by reading the channel history.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from signalwatch.accounts import Account
from signalwatch.digest.build import Digest, build_digest
from signalwatch.digest.config import DigestConfig, digest_config
from signalwatch.digest.ledger import (
    alert_priorities,
    claim_digest,
    finish_digest,
    last_period_end,
)
from signalwatch.digest.page import render_slack_digest
from signalwatch.digest.schedule import latest_occurrence
from signalwatch.rules.ruleset import RuleSet
from signalwatch.sinks.base import SinkError
from signalwatch.sinks.slack import SlackSink
from signalwatch.store import Store
from signalwatch.timeutil import utcnow

__all__ = [
    "DigestSlack", "DigestResult", "send_digests", "run_due_digest", "schedule_digest", "digest_for", "build_period",
    "build_digest_slack",
    "CHECK_MINUTES",
]

log = logging.getLogger(__name__)
METADATA_EVENT_TYPE = "signalwatch_digest"
CHECK_MINUTES = 10  # how often the daemon checks whether a digest is due (and retries a failed one)
CATCH_UP = timedelta(hours=20)  # a digest missed while the daemon was down is still sent this late


class DigestSlack(SlackSink):
    """The Slack sink's client, channel lookup and error policy, posting digests instead of alerts."""

    def post_digest(self, channel: str, digest: Digest, key: str) -> str | None:
        text, blocks = render_slack_digest(digest)
        metadata = {"event_type": METADATA_EVENT_TYPE, "event_payload": {"digest_key": key}}
        response = self._call("chat.postMessage", self._client.chat_postMessage, channel=channel, text=text, blocks=blocks,
                              unfurl_links=False, unfurl_media=False, metadata=metadata)
        return str(response.get("ts")) if response.get("ts") else None

    def find_digest(self, channel: str, key: str, claimed_at: datetime) -> str | None:
        """The ts of an already posted digest with this key, or None."""
        channel_id = self._resolve_channel(channel)
        if channel_id is None:
            return None
        response = self._call("conversations.history", self._client.conversations_history, channel=channel_id,
                              oldest=f"{claimed_at.timestamp() - 60:.6f}", include_all_metadata=True, limit=200)
        for message in response.get("messages", []):
            meta = message.get("metadata") or {}
            if meta.get("event_type") == METADATA_EVENT_TYPE and (meta.get("event_payload") or {}).get("digest_key") == key:
                return str(message.get("ts"))
        return None


@dataclass(frozen=True)
class DigestResult:
    audience: str
    outcome: str  # sent, recovered, already-sent, failed, skipped
    accounts: int
    detail: str = ""


def build_period(store: Store, ruleset: RuleSet, start: datetime, end: datetime, max_accounts: int) -> Digest:
    """The digest of [start, end) over every account (current owners and tiers from the store and ICP)."""
    scoring = ruleset.policy.scoring
    lookback = 4 * max(scoring.half_life.values(), default=timedelta(days=30))
    events = [e for e in store.events_since(start - lookback) if e.account_id is not None and e.detected_at < end]
    accounts = {account.id: account for account in store.list_accounts()}

    def tier_of(account: Account) -> str | None:
        fit = ruleset.icp.fit(account)
        return "excluded" if fit.excluded_by else fit.tier

    return build_digest(events, accounts, tier_of, scoring, alert_priorities(store, start, end), start, end, max_accounts=max_accounts)


def digest_for(store: Store, ruleset: RuleSet, config: DigestConfig, audience: str, now: datetime, default_since: timedelta) -> Digest:
    """The digest of one audience since its previous digest (or `default_since`)."""
    start = last_period_end(store, audience) or now - default_since
    start = max(start, now - timedelta(days=7))  # after a long outage, a week is plenty
    digest = build_period(store, ruleset, start, now, config.max_accounts)
    accounts = store.list_accounts()
    if audience.startswith("owner:"):
        owner = audience.split(":", 1)[1]
        digest = digest.only({a.id for a in accounts if owner in (a.owner_slack_id, a.owner_email)})
    return digest


def send_digests(store: Store, ruleset: RuleSet, slack: DigestSlack, config: DigestConfig, period_key: str, now: datetime,
                 default_since: timedelta = timedelta(hours=24)) -> list[DigestResult]:
    """Send this period's digest to every audience that has not had it yet."""
    audiences = [f"channel:{channel}" for channel in config.channels]
    if config.owners:
        owners = {a.owner_slack_id for a in store.list_accounts() if a.owner_slack_id}
        audiences += [f"owner:{owner}" for owner in sorted(owners)]
    results = []
    for audience in audiences:
        digest = digest_for(store, ruleset, config, audience, now, default_since)
        if audience.startswith("owner:") and digest.quiet and not config.quiet_owner_notes:
            results.append(DigestResult(audience, "skipped", 0, "no new signals"))
            continue
        results.append(_send_one(store, slack, digest, audience, f"{period_key}:{audience}", now))
    return results


def _send_one(store: Store, slack: DigestSlack, digest: Digest, audience: str, key: str, now: datetime) -> DigestResult:
    channel = audience.split(":", 1)[1]
    claim = claim_digest(store, key, audience, digest.period_start, digest.period_end, now)
    if claim.status == "sent":
        return DigestResult(audience, "already-sent", len(digest.accounts))
    try:
        if claim.status == "sending":  # a crash left this one uncertain: look before posting again
            found = slack.find_digest(channel, key, claim.claimed_at)
            if found is not None:
                finish_digest(store, key, found, now, sent=True)
                return DigestResult(audience, "recovered", len(digest.accounts))
        ts = slack.post_digest(channel, digest, key)
    except SinkError as exc:
        finish_digest(store, key, None, now, sent=False)
        log.warning("digest: %s failed, the next check tries again: %s", audience, exc)
        return DigestResult(audience, "failed", len(digest.accounts), str(exc))
    finish_digest(store, key, ts, now, sent=True)
    log.info("digest: sent to %s (%d accounts)", audience, len(digest.accounts))
    return DigestResult(audience, "sent", len(digest.accounts))


def build_digest_slack(settings: Any) -> DigestSlack:
    """A Slack client for digests from the Slack sink's settings (token from its env variable)."""
    slack_config = settings.sink_configs["slack"]
    token = settings.secret(slack_config.token_env)
    if not token:
        raise ValueError(f"the digest is sent through Slack but ${slack_config.token_env} is not set")
    return DigestSlack(token, default_channel=None, base_url=slack_config.base_url, timeout=slack_config.timeout)


def run_due_digest(store: Store, ruleset: RuleSet, slack: DigestSlack, config: DigestConfig, now: datetime) -> list[DigestResult]:
    """Send the digest of the latest scheduled time if it is due and not sent yet (idempotent)."""
    due = latest_occurrence(config, now)
    if due is None or now - due > CATCH_UP:
        return []
    return send_digests(store, ruleset, slack, config, due.date().isoformat(), now)


def schedule_digest(scheduler: Any, app: Any) -> None:
    """Add the digest job to the daemon's APScheduler (does nothing unless `digest.enabled`).

    The job runs every few minutes and at start: it sends a period's digest once, catches up
    after downtime, and retries a failed post, because the ledger makes re-runs harmless.
    """
    from apscheduler.triggers.interval import IntervalTrigger

    config = digest_config(app.settings)
    if not config.enabled:
        return
    try:
        slack = build_digest_slack(app.settings)
    except ValueError as exc:  # the daemon keeps running without its digest; the log says why
        log.error("digest: not scheduled: %s", exc)
        return

    def job() -> None:
        for result in run_due_digest(app.store, app.rules, slack, config, utcnow()):
            if result.outcome == "failed":
                log.warning("digest to %s failed: %s", result.audience, result.detail)

    scheduler.add_job(job, IntervalTrigger(minutes=CHECK_MINUTES), id="digest", next_run_time=utcnow())
