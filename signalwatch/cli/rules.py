"""Rule commands: check, test, backtest; and `explain EVENT_ID`."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from signalwatch.cli import command_group
from signalwatch.cli.common import migrated_store, print_table, settings_or_exit
from signalwatch.timeutil import parse_duration, utcnow

if TYPE_CHECKING:  # each command imports what it needs: `rules check` needs no engine, store or sinks
    from signalwatch.alerts.draft import AlertDraft
    from signalwatch.rules.ruleset import RuleSet
    from signalwatch.store import Store
    from signalwatch.store.outbox import OutboxItem
    from signalwatch.yamlload import Issue

__all__ = ["register"]

EXIT_ERRORS, EXIT_WARNINGS = 1, 3


def register(subparsers: argparse._SubParsersAction) -> None:
    group = command_group(subparsers, "rules", "ICP and alert rules: check, test, backtest, explain, report")
    check = group.add_parser("check", help="validate and lint the ICP, policy and rule files; every problem as file:line: message")
    check.add_argument("directory", nargs="?", help="rules folder (default: rules_dir from the config, else ./rules)")
    check.add_argument("--strict", action="store_true", help="exit 3 when there are warnings")
    check.add_argument("--format", choices=["text", "json"], default="text")
    check.set_defaults(func=cmd_check)
    test = group.add_parser("test", help="run rule test files: events at relative times, expected alerts per rule"
                              " (and whom they name among the accounts' contacts)")
    test.add_argument("files", nargs="*", help="rule test YAML files (default: the rules folder's tests/*.yaml)")
    test.add_argument("--rules", help="rules folder (default: rules_dir from the config, else ./rules)")
    test.set_defaults(func=cmd_test)
    backtest = group.add_parser("backtest", help="replay stored events and print what the rules would have sent")
    backtest.add_argument("--since", default="30d", help="how far back (default 30d)")
    backtest.add_argument("--rules", help="rules folder to try (default: the configured one)")
    backtest.set_defaults(func=cmd_backtest)
    for parent in (subparsers, group):  # `signalwatch explain` and `signalwatch rules explain`
        explain = parent.add_parser("explain", help="for a stored event, why it is tied to its account (or to none), and per"
                                    " rule what the engine did: fired, held by a delivery"
                                    " window (until when), blocked (cooldown, daily cap, suppression), or the first failing condition;"
                                    " for an alert, whom it names among the account's CRM contacts")
        explain.add_argument("event_id", type=int, help="id from `signalwatch events list`")
        explain.set_defaults(func=cmd_explain)


def _context(args: argparse.Namespace, explicit: str | None) -> tuple[Path, frozenset[str] | None]:
    """The rules folder (`explicit`, else rules_dir from the config, else ./rules) and the sinks the
    config enables (None without a readable config). Read without loading connectors or sink
    clients: rule commands are what an admin runs after each edit, so they must start quickly."""
    from signalwatch.config import default_config_path, load_rules_context
    from signalwatch.yamlload import AdminInputError

    config = Path(args.config) if args.config else default_config_path()
    context = None
    problem = None
    if config.exists():
        try:
            context = load_rules_context(config)
        except AdminInputError as exc:  # the rules can still be checked, but not against this config
            problem = next((str(i) for i in exc.issues if i.severity == "error"), str(exc))
    folder = Path(explicit) if explicit else context.rules_path if context else Path("rules")
    if problem is not None:
        print(f"warning: {config} does not load, so its rules_dir and enabled sinks are not used here "
              f"(reading {folder}); `signalwatch run` would refuse it: {problem}", file=sys.stderr)
    return folder, None if context is None else context.enabled_sinks


def _print_issues(issues: list[Issue], fmt: str, folder: Path, summary: str) -> None:
    if fmt == "json":
        out = [{"file": i.file, "line": i.line, "severity": i.severity, "message": i.message} for i in issues]
        print(json.dumps({"folder": str(folder), "issues": out, "summary": summary}, indent=2))
        return
    for issue in issues:
        print(issue, file=sys.stderr)
    print(summary, file=sys.stderr if any(i.severity == "error" for i in issues) else sys.stdout)


def cmd_check(args: argparse.Namespace) -> int:
    from signalwatch.rules.ruleset import load_ruleset
    from signalwatch.yamlload import AdminInputError

    folder, enabled_sinks = _context(args, args.directory)
    try:
        ruleset = load_ruleset(folder, now=utcnow(), enabled_sinks=enabled_sinks)
    except AdminInputError as exc:
        errors = [i for i in exc.issues if i.severity == "error"]
        _print_issues(list(exc.issues), args.format, folder, f"{len(errors)} error(s) in {folder}")
        return EXIT_ERRORS
    from signalwatch.feedback.check import check_warnings  # rules reps mostly call not useful (feedback in the store)

    warnings = [*ruleset.warnings, *check_warnings(args.config, ruleset, utcnow())]
    kinds = Counter(rule.kind for rule in ruleset.rules)
    summary = (f"{folder}: ok — {len(ruleset.icp.tiers)} ICP tiers, {len(ruleset.icp.exclusions)} exclusions, "
               f"{len(ruleset.rules)} rules ({kinds['single']} single, {kinds['composite']} composite), "
               f"{len(ruleset.suppressions)} suppressions, {len(warnings)} warning(s)")
    _print_issues(warnings, args.format, folder, summary)
    return EXIT_WARNINGS if args.strict and warnings else 0


def _load_or_exit(folder: Path) -> RuleSet | None:
    from signalwatch.rules.ruleset import load_ruleset
    from signalwatch.yamlload import AdminInputError

    try:
        return load_ruleset(folder)
    except AdminInputError as exc:
        print(exc, file=sys.stderr)
        return None


def cmd_test(args: argparse.Namespace) -> int:
    from signalwatch.rules.testing import run_rule_tests
    from signalwatch.yamlload import AdminInputError

    folder, _ = _context(args, args.rules)
    ruleset = _load_or_exit(folder)
    if ruleset is None:
        return EXIT_ERRORS
    files = [Path(path) for path in args.files] or [_shown(path) for path in sorted((folder / "tests").glob("*.yaml"))]
    if not files:
        print(f"signalwatch rules test: no rule test files in {_shown(folder / 'tests')} (*.yaml); name them, e.g."
              f" `signalwatch rules test my_tests.yaml`", file=sys.stderr)
        return EXIT_ERRORS
    failures = unreadable = 0
    for path in files:
        try:
            results = run_rule_tests(path, ruleset)
        except AdminInputError as exc:
            print(exc, file=sys.stderr)
            unreadable += 1
            continue
        for result in results:
            mark = "ok  " if result.ok else "FAIL"
            print(f"{mark} {path}: {result.name}")
            for line in result.problems:
                print(f"       {line}")
            failures += not result.ok
    said = [f"{failures} rule test(s) failed"] if failures else []
    said += [f"{unreadable} rule test file{'s' if unreadable > 1 else ''} could not be read"] if unreadable else []
    print("; ".join(said) or "all rule tests passed")
    return 1 if failures or unreadable else 0


def _shown(path: Path) -> Path:
    """`path` relative to the working folder when it is inside it, as the admin would type it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def cmd_backtest(args: argparse.Namespace) -> int:
    from signalwatch.rules.testing import run_backtest

    settings = settings_or_exit(args)
    folder = Path(args.rules) if args.rules else settings.rules_path
    ruleset = _load_or_exit(folder)
    if ruleset is None:
        return EXIT_ERRORS
    store = migrated_store(settings)
    now = utcnow()
    report = run_backtest(store, ruleset, now - parse_duration(args.since), now)
    print(f"Backtest of {folder} over {report.events} stored events since {args.since}: {len(report.alerts)} alerts would have been sent")
    rows = [(rule, sink, target or "-", count) for (rule, sink, target), count in sorted(report.by_route.items())]
    print_table(["rule", "sink", "channel", "alerts"], rows)
    for rule_id in sorted({r.id for r in ruleset.rules} - {rule for rule, _, _ in report.by_route}):
        print(f"  {rule_id}: would not have fired")
    if report.skipped:
        print("\nHeld back:")
        for reason, count in report.skipped.most_common():
            print(f"  {count:>4}  {reason}")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """What the engine did with a stored event, per rule, replayed through the daemon's own
    `evaluate` as the engine stood then; the outbox says what became of each alert since."""
    from signalwatch.resolve import AccountIndex
    from signalwatch.rules.testing import explain_event
    from signalwatch.runtime.retie import tied_at
    from signalwatch.stories import retold, told

    settings = settings_or_exit(args)
    ruleset = _load_or_exit(settings.rules_path)
    if ruleset is None:
        return EXIT_ERRORS
    store = migrated_store(settings)
    found = explain_event(store, ruleset, args.event_id)
    if found is None:
        print(f"no event with id {args.event_id}", file=sys.stderr)
        return 1
    event, engine, at, outcomes = found
    accounts = {a.id: a for a in store.list_accounts()}
    account = accounts.get(event.account_id) if event.account_id is not None else None
    print(f"event {args.event_id}: {event.type}/{event.change} — {event.title}")
    if account is None:
        print(f"account: unmatched ({event.match_method or 'none'}; company as named: {event.company_name!r})")
    else:
        fit = engine.fit(account)
        tier = f"excluded by {fit.excluded_by!r}" if fit.excluded_by else f"tier {fit.tier or 'none'}"
        heat = f"heat {engine.heat(account, at):.1f} before this event"
        used = next((d.payload["heat"] for o in outcomes for d in o.drafts if isinstance(d.payload.get("heat"), (int, float))), None)
        if used is not None:
            heat += f", {used:.1f} with it (the alert's)"
        # an event stored with its account already set (a hand-made or rule-test event) was never resolved: no method
        how = f"matched by {event.match_method}" if event.match_method else "given with the event, not matched by name or domain"
        print(f"account: {account.name} ({tier}, {how}, {heat})")
    if account is None or event.match_method:  # resolved by the daemon: say why, as the resolver would decide it now
        print(f"  why: {AccountIndex(accounts.values()).explain(event).reason} (the accounts as they stand now)")
    later = tied_at(event)
    if later is not None:
        print(f"  tied later: stored {event.detected_at:%Y-%m-%d %H:%M} UTC without an account, tied {later:%Y-%m-%d %H:%M} UTC"
              " when accounts were added (backfill: quiet unless a rule says `backfill: alert`)")
    first_report = retold(event)
    if first_report:
        after = "no report of it had alerted, so this one could" if first_report != told(event) else "it alerted then, so this one never does"
        print(f"another report of a story the account already has ({first_report}): {after}; it adds no heat")
    print(f"evaluated at {at:%Y-%m-%d %H:%M} UTC:")
    outbox = {item.alert_key: item for item in store.list_outbox(limit=1_000_000)}
    labels = {"fired": "FIRED", "held": "HELD", "blocked": "BLOCKED", "no route": "NO ROUTE", "not matched": "no"}
    for outcome in outcomes:
        print(f"  {labels[outcome.outcome]:<8} {outcome.rule_id}" + (f": {outcome.detail}" if outcome.detail else ""))
        own = [draft for draft in outcome.drafts if draft.rule_id == outcome.rule_id]  # a joined alert: under its first rule
        for draft in own:
            item = outbox.get(draft.alert_key)
            state = "not in the outbox (the rules changed since?)" if item is None else item.status + (
                f" ({item.last_error})" if item.last_error and item.status != "sent" else "")
            sink_config = settings.sink_configs.get(draft.sink)
            if item is None and (sink_config is None or not sink_config.enabled):
                state = "not queued: the sink is not enabled in the config"
            print(f"           {draft.sink} {draft.target or ''}".rstrip() + f": {state}")
        if own:
            _print_whom(store, ruleset, own[0], outbox.get(own[0].alert_key))
    return 0


def _print_whom(store: Store, ruleset: RuleSet, draft: AlertDraft, item: OutboxItem | None) -> None:
    """Whom the alert names: as stored with it when it was enqueued, else as the pipeline would
    choose them now from the stored CRM contacts; or why no one. One alert's routes share them."""
    from signalwatch.rules.whom import choose_now, named, nobody_fits, persona_of

    if item is not None:
        payload, contacts, how = item.payload, named(item.payload), "as stored with the alert"
    else:
        payload, contacts, how = draft.payload, choose_now(store, draft, ruleset.rules), "chosen now from the stored CRM contacts"
    if not contacts:
        print(f"           whom to reach: {nobody_fits(store, payload, persona_of(payload, ruleset.rules))}")
        return
    print(f"           whom to reach ({how}):")
    for contact in contacts:
        extra = "".join(f", {value}" for value in (contact.get("email"), "the new leader" if contact.get("new_leader") else None) if value)
        print(f"             {contact['name']} ({contact.get('title') or 'no title'}{extra})")
