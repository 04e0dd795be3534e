"""`signalwatch digest`: render the sales managers' digest on demand, or post it to Slack."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta

from signalwatch.cli.common import migrated_store, ruleset_or_exit, settings_or_exit
from signalwatch.config import Settings
from signalwatch.digest.build import Digest
from signalwatch.digest.config import digest_config
from signalwatch.digest.page import render_html, render_markdown, render_slack_digest
from signalwatch.digest.send import build_digest_slack, build_period
from signalwatch.sinks import SinkError
from signalwatch.timeutil import parse_duration, utcnow

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    digest = subparsers.add_parser("digest", help="the accounts that heated up recently, ranked (Markdown, HTML or Slack)")
    digest.add_argument("--since", default="24h", help="how far back (e.g. 24h, 7d; default 24h)")
    digest.add_argument("--format", choices=["md", "html", "slack"], default="md", help="output format (slack: Block Kit JSON)")
    digest.add_argument("--output", help="write to this file instead of standard output")
    digest.add_argument("--send", action="store_true", help="post it to Slack (the digest channels, or --channel)")
    digest.add_argument("--channel", action="append", help="Slack channel to post to (repeatable)")
    digest.set_defaults(func=cmd_digest)


def cmd_digest(args: argparse.Namespace) -> int:
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
    if args.send:
        return _send(settings, digest, args.channel or config.channels)
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


def _send(settings: Settings, digest: Digest, channels: list[str]) -> int:
    """Post an on-demand digest. Not recorded in the digest ledger: the scheduled digest is unaffected."""
    if not channels:
        print("signalwatch digest --send: no channel (use --channel or set digest.channels)", file=sys.stderr)
        return 2
    try:
        slack = build_digest_slack(settings)
    except ValueError as exc:
        print(f"signalwatch digest: {exc}", file=sys.stderr)
        return 2
    failed = 0
    for channel in channels:
        try:
            slack.post_digest(channel, digest, f"adhoc:{digest.period_end.isoformat()}:{channel}")
            print(f"posted to {channel}")
        except SinkError as exc:
            print(f"{channel}: not posted: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0
