"""`signalwatch doctor`: every enabled sink and source checked before the first alert.

What the rules and the config route to each sink (channels, owner DMs, CRM actions) is gathered
here into a `SinkUse`, then each sink's `preflight` checks its own remote, and each source's
connector `preflight` makes the one request its first poll would. The sinks and connectors are
found through the plugin registries, so a third party's plugin is checked the same way.
Nothing is sent and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from signalwatch.accounts import Account
from signalwatch.config import Settings
from signalwatch.connectors import REGISTRY
from signalwatch.connectors.base import FetchContext
from signalwatch.http import HttpClient, HttpSettings
from signalwatch.preflight import Destination, Finding, Owner, SinkUse, passed, problem, used_by
from signalwatch.rules.ruleset import RuleSet
from signalwatch.sinks import SINKS
from signalwatch.store import Store

__all__ = ["Doctor", "sink_uses", "run_doctor"]

_DEFAULT_AGENT = HttpSettings.model_fields["user_agent"].default


@dataclass(frozen=True)
class Doctor:
    """The findings, in the order they were made."""

    findings: tuple[Finding, ...]

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]


def run_doctor(settings: Settings, ruleset: RuleSet, store: Store, now: datetime) -> Doctor:
    """Check the config's politeness, the accounts, every enabled sink, then every enabled source."""
    accounts = store.list_accounts()
    findings = [*_general(settings, accounts), *_sinks(settings, sink_uses(settings, ruleset, accounts))]
    # One request per source and no retries: a doctor reports what it meets, it does not insist.
    http = HttpClient(settings.http.model_copy(update={"max_attempts": 1}))
    try:
        findings += _sources(settings, store, accounts, http, now)
    finally:
        http.close()
    return Doctor(tuple(findings))


def sink_uses(settings: Settings, ruleset: RuleSet, accounts: Iterable[Account]) -> dict[str, SinkUse]:
    """Per sink, where the enabled rules, the source-health notices and the digest send through it."""
    routes: dict[str, list[Destination]] = {}
    for rule in ruleset.rules:
        for route, _ in rule.routes:
            routes.setdefault(route.sink, []).append(Destination(
                route.channel, route.to == "owner", tuple(route.action) if route.action else None, (f"rule {rule.id}",)))
    if settings.source_health.enabled:
        for notify in settings.source_health.notify:
            routes.setdefault(notify.sink, []).append(Destination(notify.channel, used_by=("source_health",)))
    if settings.digest.enabled:
        routes.setdefault("slack", []).extend(Destination(channel, used_by=("digest",)) for channel in settings.digest.channels)
    owned: dict[tuple[str | None, str | None], list[str]] = {}
    for account in accounts:
        if account.owner_email or account.owner_slack_id:
            owned.setdefault((account.owner_email, account.owner_slack_id), []).append(account.name)
    owners = tuple(Owner(email, chat_id, tuple(sorted(names)))
                   for (email, chat_id), names in sorted(owned.items(), key=lambda item: (item[0][0] or "", item[0][1] or "")))
    return {sink: SinkUse(tuple(destinations), owners) for sink, destinations in routes.items()}


def _general(settings: Settings, accounts: Sequence[Account]) -> list[Finding]:
    findings = []
    if settings.http.user_agent == _DEFAULT_AGENT:
        findings.append(problem("http", "the User-Agent names no operator: sites cannot tell who polls them, and some block it",
                                "set http.user_agent to name your company and a contact address, e.g. \"signalwatch (Acme RevOps; ops@acme.com)\""))
    if accounts:
        findings.append(passed("accounts", f"{len(accounts)} target account(s) imported"))
    else:
        findings.append(problem("accounts", "no target accounts: events match no account, so no account-based rule can fire",
                                "run `signalwatch accounts import accounts.csv` or `signalwatch crm sync`"))
    return findings


def _sinks(settings: Settings, uses: dict[str, SinkUse]) -> list[Finding]:
    findings = []
    for name, config in settings.sink_configs.items():
        if not config.enabled:
            if name in uses and uses[name].destinations:
                findings.append(problem(name, f"disabled, but routed to{used_by(_names(uses[name]))}: those alerts are not sent (not queued)",
                                        f"set sinks.{name}.enabled: true, or change those routes"))
            continue
        try:
            sink = SINKS[name].from_config(config, settings.secret, None)
        except ValueError as exc:
            unset = [env for env in config.required_env() if f"${env}" in str(exc)]
            findings.append(problem(name, str(exc), f"export {', '.join('$' + env for env in unset)} where signalwatch runs"
                                    if unset else f"fix sinks.{name} in the config file"))
            continue
        try:
            found = sink.preflight(uses.get(name) or SinkUse())
        except Exception as exc:  # a plugin's bug must not hide the other checks
            found = [problem(name, f"its preflight check failed: {type(exc).__name__}: {exc}", "report this to the sink's authors")]
        findings += found or [passed(name, "enabled; this sink offers no preflight check")]
    return findings


def _sources(settings: Settings, store: Store, accounts: list[Account], http: HttpClient, now: datetime) -> list[Finding]:
    findings = []
    for source in settings.sources:
        if not source.enabled:
            continue
        connector = REGISTRY[source.type](source.name, settings.connector_options[source.name])
        ctx = FetchContext(http, store.load_cursor(source.name), accounts, now, store.cursor_parts(source.name))
        try:
            findings += connector.preflight(ctx)
        except Exception as exc:  # as above: one connector's bug, reported, and the next source is checked
            findings.append(problem(f"source {source.name} ({source.type})", f"its preflight check failed: {type(exc).__name__}: {exc}",
                                    "run `signalwatch run --once -v` for the traceback, and report it to the connector's authors"))
    return findings


def _names(use: SinkUse) -> list[str]:
    return sorted({name for d in use.destinations for name in d.used_by})
