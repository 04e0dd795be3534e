"""`rules check`'s word on feedback: a warning for each rule whose alerts reps mostly called not
useful (`feedback.not_useful_above` of at least `feedback.min_votes` votes within
`feedback.window`). Read only when the configured database exists and holds feedback, so the
edit-check loop on a fresh folder opens no database."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from signalwatch.feedback.actions import REASONS
from signalwatch.rules.ruleset import RuleSet
from signalwatch.yamlload import Issue

__all__ = ["check_warnings", "feedback_warnings", "vote_warnings"]


def check_warnings(config: str | None, ruleset: RuleSet, now: datetime) -> list[Issue]:
    """`feedback_warnings` for the config file `rules check` was given (or finds); none without one."""
    from signalwatch.config import default_config_path, load_rules_context
    from signalwatch.yamlload import AdminInputError

    path = Path(config) if config else default_config_path()
    try:
        context = load_rules_context(path) if path.exists() else None
    except AdminInputError:
        return []
    return feedback_warnings(context.settings if context else None, ruleset, now)


def feedback_warnings(settings: Any, ruleset: RuleSet, now: datetime) -> list[Issue]:
    """Warnings from the feedback stored in `settings`' database (none without one)."""
    if settings is None:
        return []
    url = settings.database_url
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return []
    import sqlalchemy as sa

    from signalwatch.feedback import ledger
    from signalwatch.store import Store, StoreError

    store = Store(url)
    try:
        if not sa.inspect(store.engine).has_table(ledger.ACTIONS.name):
            return []
        config = settings.feedback
        actions = ledger.actions_since(store.engine, now - config.window, kinds=("useful", "not_useful"))
    except (StoreError, sa.exc.SQLAlchemyError):
        return []  # `rules check` is about the files; a database problem is `signalwatch status`'s
    finally:
        store.close()
    votes: dict[str, Counter[str]] = {}
    for action in actions:
        for rule in action.rules:
            key = (action.reason or "unknown") if action.kind == "not_useful" else "useful"
            votes.setdefault(rule, Counter())[key] += 1
    return vote_warnings(ruleset, votes, config.not_useful_above, config.min_votes, config.window.days)


def vote_warnings(ruleset: RuleSet, votes: dict[str, Counter[str]], above: float, least: int, days: int) -> list[Issue]:
    """`votes`: rule → "useful" or a not-useful reason → count."""
    issues = []
    for rule in ruleset.rules:
        counted = votes.get(rule.id)
        total = sum(counted.values()) if counted else 0
        if not counted or total < least:
            continue
        reasons = Counter({reason: n for reason, n in counted.items() if reason != "useful"})
        bad = sum(reasons.values())
        if bad / total <= above:
            continue
        why = ", ".join(f"{REASONS.get(reason, reason)} {n}" for reason, n in reasons.most_common())
        issues.append(Issue(rule.file, _line_of(rule.file, rule.id), (
            f"rule {rule.id!r}: {bad} of {total} votes on its alerts in the last {days} days said not useful "
            f"({100 * bad / total:.0f}%, above {100 * above:.0f}%): {why}; tighten its match or the ICP tiers it fires for "
            "(signalwatch rules report)"),
            "warning"))
    return issues


def _line_of(file: str, rule_id: str) -> int:
    """The line of `id: <rule_id>` in its file (1 when it cannot be found)."""
    pattern = re.compile(rf"^\s*(-\s*)?id:\s*['\"]?{re.escape(rule_id)}['\"]?\s*(#.*)?$")
    try:
        lines = Path(file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if pattern.match(line)), 1)
