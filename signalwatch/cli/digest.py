"""`signalwatch digest`: render the sales managers' digest on demand, or post it to Slack."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from signalwatch.cli.common import migrated_store, ruleset_or_exit, settings_or_exit
from signalwatch.timeutil import format_duration, parse_duration, utcnow

if TYPE_CHECKING:
    from signalwatch.config import Settings
    from signalwatch.digest.config import DigestConfig
    from signalwatch.digest.model import Digest
    from signalwatch.store import Store

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    digest = subparsers.add_parser("digest", help="the accounts that heated up recently, ranked (Markdown, HTML or Slack)")
    digest.add_argument("--since", default="24h", help="how far back (e.g. 24h, 7d; default 24h)")
    digest.add_argument("--format", choices=["md", "html", "slack"], default="md", help="output format (slack: Block Kit JSON)")
    digest.add_argument("--output", help="write to this file instead of standard output")
    digest.add_argument("--send", action="store_true",
                        help="post it to Slack through the outbox (the digest channels, or --channel); once per day and --since")
    digest.add_argument("--channel", action="append", help="Slack channel to post to (repeatable)")
    digest.add_argument("--rules", action="store_true",
                        help="add the rule effectiveness block of the last 7 days (the scheduled digest carries it on digest.rules_day)")
    digest.set_defaults(func=cmd_digest)


def cmd_digest(args: argparse.Namespace) -> int:
    from signalwatch.digest.config import digest_config
    from signalwatch.digest.markdown import render_markdown
    from signalwatch.digest.page import render_html
    from signalwatch.digest.send import build_period
    from signalwatch.digest.slack import render_slack_digest

    settings = settings_or_exit(args, require_secrets=args.send)
    try:
        since = parse_duration(args.since)
    except ValueError as exc:
        print(f"signalwatch digest: --since: {exc}", file=sys.stderr)
        return 2
    config = digest_config(settings)
    ruleset = ruleset_or_exit(settings)
    store = migrated_store(settings)
    now = utcnow()
    digest = build_period(store, ruleset, now - min(since, timedelta(days=90)), now, config.max_accounts)
    if args.rules:
        from dataclasses import replace

        from signalwatch.digest.weekly import rule_block

        digest = replace(digest, rules=rule_block(store, settings, ruleset, now))
    if args.send:
        return _send(settings, store, config, digest, args.channel or config.channels, _adhoc_period(config, since, now))
    if args.format == "html":
        text = render_html(digest)
    elif args.format == "slack":
        fallback, blocks = render_slack_digest(digest)
        text = json.dumps({"text": fallback, "blocks": blocks}, indent=2, ensure_ascii=False)
    else:
        text = render_markdown(digest)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"wrote {args.output} ({len(digest.accounts)} accounts)")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _adhoc_period(config: DigestConfig, since: timedelta, now: datetime) -> str:
    """The period of an on-demand digest: the day (in the digest's time zone) and the window, so
    sending the same digest twice (a retry, a second cron run) posts it once."""
    return f"{now.astimezone(ZoneInfo(config.timezone)).date().isoformat()}/{format_duration(since)}"


def _send(settings: Settings, store: Store, config: DigestConfig, digest: Digest, channels: list[str], period: str) -> int:
    """Post an on-demand digest through the outbox, as the daemon posts the scheduled one. Its
    audience is `adhoc:<channel>`, so the scheduled digest's periods are unaffected."""
    from signalwatch.alerts.payload import DIGEST_SINK
    from signalwatch.digest.send import deliver_digests, digest_key, queue_digest
    from signalwatch.rules.ruleset import slack_channel_problem
    from signalwatch.runtime.app import build_sinks

    if not channels:
        print("signalwatch digest --send: no channel (use --channel or set digest.channels)", file=sys.stderr)
        return 2
    problems = [problem for channel in channels if (problem := slack_channel_problem(channel))]
    for problem in problems:  # the check `rules check` makes of route channels: nothing is queued for a name that cannot exist
        print(f"signalwatch digest --send: {problem}", file=sys.stderr)
    if problems:
        return 2
    try:
        sinks = build_sinks(settings)
    except ValueError as exc:
        print(f"signalwatch digest: {exc}", file=sys.stderr)
        return 2
    if DIGEST_SINK not in sinks:
        print("signalwatch digest --send: the digest is posted through the Slack sink; enable sinks.slack", file=sys.stderr)
        return 2
    now = utcnow()
    queued = [queue_digest(store, digest, f"adhoc:{channel}", digest_key(period, f"adhoc:{channel}"), now) for channel in channels]
    failed = 0
    for result in deliver_digests(store, sinks, settings.delivery, queued, recover_all=True):
        channel = result.audience.split(":", 1)[1]
        if result.outcome == "failed":
            print(f"{channel}: not posted: {result.detail}", file=sys.stderr)
            failed += 1
        else:
            print(_SAID[result.outcome].format(channel=channel))
    return 1 if failed else 0


_SAID = {
    "sent": "posted to {channel}",
    "recovered": "posted to {channel} (by an earlier run that was interrupted)",
    "already-sent": "{channel}: already posted today with this --since; nothing sent",
}
