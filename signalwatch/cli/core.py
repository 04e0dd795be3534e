"""Core commands: init, run, status."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from signalwatch.cli.common import (
    app_or_exit,
    migrated_store,
    print_table,
    redact,
    settings_or_exit,
    when,
)

if TYPE_CHECKING:  # the application is imported by the command that needs it, not to build the parser
    from signalwatch.config import Settings
    from signalwatch.runtime.app import App
    from signalwatch.runtime.delivery import DeliveryReport
    from signalwatch.runtime.pipeline import PollReport
    from signalwatch.store import Store
    from signalwatch.store.upkeep import SinkSummary

__all__ = ["register", "run_once", "poll_and_deliver", "write_starter"]


def register(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help="write a starter config, rules/ and a sample accounts CSV into a folder")
    init.add_argument("directory", nargs="?", default=".", help="target folder (default: current)")
    init.add_argument("--force", action="store_true", help="overwrite existing files")
    init.set_defaults(func=cmd_init)

    run = subparsers.add_parser("run", help="start the daemon (or poll once with --once)")
    run.add_argument("--once", action="store_true", help="poll every source once, deliver, and exit (for cron and tests)")
    run.set_defaults(func=cmd_run)

    status = subparsers.add_parser("status", help="per source: health, last poll, last success, last error, events, alerts; "
                                   "per sink: delivery health, sent, pending, held by a delivery window (until when), dead, "
                                   "last error (exit 1 if a source fails, wholly or for some targets, or a sink has dead letters)")
    status.set_defaults(func=cmd_status)


def write_starter(directory: Path, force: bool = False) -> list[Path]:
    """Copy the starter config, default rules and sample accounts into `directory`."""
    from importlib import resources

    directory.mkdir(parents=True, exist_ok=True)
    templates = resources.files("signalwatch.templates")
    rules = resources.files("signalwatch.bundled_rules")
    plan = [(templates / "signalwatch.yaml", directory / "signalwatch.yaml"),
            (templates / "accounts.csv", directory / "accounts.csv")]
    plan += [(item, directory / "rules" / item.name) for item in rules.iterdir() if item.name.endswith(".yaml")]
    plan += [(item, directory / "rules" / "tests" / item.name) for item in rules.joinpath("tests").iterdir() if item.name.endswith(".yaml")]
    existing = [dest for _, dest in plan if dest.exists()]
    if existing and not force:
        raise FileExistsError(", ".join(str(p) for p in existing))
    (directory / "rules" / "tests").mkdir(parents=True, exist_ok=True)
    for source, dest in plan:
        with resources.as_file(source) as src:
            shutil.copyfile(src, dest)
    return [dest for _, dest in plan]


def cmd_init(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    try:
        written = write_starter(directory, args.force)
    except FileExistsError as exc:
        print(f"signalwatch init: refusing to overwrite {exc} (use --force)", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"\nNext: cd {directory} && signalwatch accounts import accounts.csv && signalwatch rules check"
          " && signalwatch rules test rules/tests/*.yaml && signalwatch run --once")
    return 0


def run_once(app: App) -> tuple[list[PollReport], int]:
    """Poll every source once (concurrently), then deliver. Returns the poll reports and alerts sent."""
    reports, delivered = poll_and_deliver(app)
    return reports, delivered.sent + delivered.recovered


def poll_and_deliver(app: App) -> tuple[list[PollReport], DeliveryReport]:
    """`run_once`, with the whole delivery report: poll every source, record source-health
    incidents and their admin notices as the daemon does, then deliver everything due."""
    from concurrent.futures import ThreadPoolExecutor

    from signalwatch.runtime.delivery import deliver
    from signalwatch.runtime.pipeline import poll_source
    from signalwatch.runtime.source_health import check_once
    from signalwatch.timeutil import utcnow

    now = utcnow()
    workers = max(1, min(8, len(app.sources)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        reports = list(pool.map(lambda source: poll_source(app, source, now), app.sources))
    check_once(app.store, {source.name: source.interval for source in app.sources}, app.settings.source_health, utcnow())
    return reports, deliver(app.store, app.sinks, app.settings.delivery, recover_all=True)


def cmd_run(args: argparse.Namespace) -> int:
    from signalwatch.runtime.scheduler import run_daemon

    app = app_or_exit(args, daemon=not args.once)
    try:
        if not args.once:
            return run_daemon(app)
        reports, delivered = poll_and_deliver(app)
        failed = [r for r in reports if not r.ok]
        new_events = sum(r.new_events for r in reports)
        sent = delivered.sent + delivered.recovered
        print(f"polled {len(reports)} sources ({len(failed)} failed): {new_events} new events, {sent} alerts delivered")
        for report in failed:
            print(f"  source {report.source} failed: {redact(report.error or '', app.settings)}", file=sys.stderr)
        if delivered.dead:  # cron sees the exit status: a dead letter needs an operator
            print(f"  {delivered.dead} alert(s) became dead letters: see `signalwatch outbox list --status dead`", file=sys.stderr)
        if delivered.pending:  # not a failure (the next run or the daemon sends them), but not delivered either
            print(f"  {delivered.pending} alert(s) still wait{_next_try(delivered)}: see `signalwatch status`", file=sys.stderr)
        return 1 if failed or delivered.dead else 0
    finally:
        app.close()


def _next_try(delivered: DeliveryReport) -> str:
    """` (…; next try at HH:MM:SS UTC)` when delivery knows when a waiting row is due again, else nothing."""
    due = delivered.next_due_at
    return f" (a rate limit, retry or delivery window; next try at {due:%H:%M:%S} UTC)" if due is not None else ""


def cmd_status(args: argparse.Namespace) -> int:
    from signalwatch.store.tables import OutboxStatus
    from signalwatch.store.upkeep import sink_summaries

    settings = settings_or_exit(args)
    store = migrated_store(settings)
    configured = {source.name for source in settings.sources}
    rows = []
    failing = 0
    for state in store.source_status():
        error = state.last_error if state.consecutive_failures else None
        if state.target_errors:
            error = (error + "; " if error else "") + f"{len(state.target_errors)} failing: " + "; ".join(
                f"{target}: {reason}" for target, reason in sorted(state.target_errors.items())
            )
        health = _failing(state.consecutive_failures, settings) if state.consecutive_failures else (
            "DEGRADED" if state.target_errors else "ok")
        failing += health != "ok"
        name = state.source if state.source in configured else f"{state.source} (not configured)"
        rows.append((name, health, when(state.last_poll_at), when(state.last_success_at), state.events,
                     f"{state.alerts_sent}/{state.alerts_pending}/{state.alerts_dead}", redact(error or "", settings)))
    for name in sorted(configured - {state.source for state in store.source_status()}):
        rows.append((name, "never polled", "-", "-", 0, "0/0/0", ""))
    print_table(["source", "health", "last poll", "last success", "events", "alerts sent/pending/dead", "last error"], rows)
    sinks = sink_summaries(store)
    dead = sum(summary.counts.get(OutboxStatus.DEAD, 0) for summary in sinks)
    if sinks:
        held = _held_by_sink(store, settings)
        print()
        print_table(["sink", "delivery", "sent", "pending", "held (delivery window)", "dead", "oldest unsent",
                     "last error (unsent or dead)"], [
            (summary.sink, _delivery_health(summary), summary.counts.get(OutboxStatus.SENT, 0),
             summary.unsent, held.get(summary.sink, "-"),
             summary.counts.get(OutboxStatus.DEAD, 0), when(summary.oldest_unsent_at), redact(summary.last_error or "", settings))
            for summary in sinks])
    return 1 if failing or dead else 0


def _failing(polls: int, settings: Settings) -> str:
    """"FAILING", with how far the failures in a row are from the source-health alert when one is configured."""
    health = settings.source_health
    if not health.enabled:
        return f"FAILING ({polls} in a row)"
    return f"FAILING ({polls} in a row; source-health alert at {health.failures})"


def _held_by_sink(store: Store, settings: Settings) -> dict[str, str]:
    """Per sink, its rows a delivery window holds: "2, held until Mon 09:00 Europe/London" (the soonest)."""
    from signalwatch.runtime.holds import held_rows, held_text, rules_zone_finder
    from signalwatch.timeutil import utcnow

    now = utcnow()
    holds = held_rows(store, now)  # soonest first
    if not holds:
        return {}
    zone = rules_zone_finder(settings.rules_path)
    counts: dict[str, int] = {}
    for hold in holds:
        counts[hold.sink] = counts.get(hold.sink, 0) + 1
    soonest = {hold.sink: hold for hold in reversed(holds)}
    return {sink: f"{counts[sink]}, {held_text(hold.until, zone(hold), now)}" for sink, hold in soonest.items()}


def _delivery_health(summary: SinkSummary) -> str:
    """DEAD LETTERS (need `outbox retry-dead` once fixed), RETRYING (unsent rows that failed), or ok."""
    from signalwatch.store.tables import OutboxStatus

    if summary.counts.get(OutboxStatus.DEAD):
        return "DEAD LETTERS"
    return "RETRYING" if summary.unsent and summary.last_error else "ok"
