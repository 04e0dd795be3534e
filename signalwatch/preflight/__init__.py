"""What `signalwatch doctor` asks of a sink or a source, and what it answers: one finding per check.

    Sink.preflight(SinkUse) -> list[Finding]           the channels, owners and actions the
                                                       rules and config route to this sink
    Connector.preflight(FetchContext) -> list[Finding]  one request, as the first poll would make it

A finding is a check that passed, or a problem together with the fix an operator can act on
("type /invite @signalwatch in #sales-signals"). A plugin reports through the same two types,
so a third party's sink or connector joins `signalwatch doctor` by overriding `preflight`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["Finding", "Destination", "Owner", "SinkUse", "passed", "problem", "routed_actions", "used_by", "by_email", "unrouted"]


@dataclass(frozen=True)
class Finding:
    """One line of the doctor's report. `fix` is None when the check passed."""

    subject: str  # what was checked: "slack", "slack #sales-signals", "source funding-news"
    message: str  # what was found
    fix: str | None = None

    @property
    def ok(self) -> bool:
        return self.fix is None


def passed(subject: str, message: str) -> Finding:
    return Finding(subject, message)


def problem(subject: str, message: str, fix: str) -> Finding:
    return Finding(subject, message, fix)


@dataclass(frozen=True)
class Destination:
    """One place the rules or the config send to through a sink.

    `channel` is as the admin wrote it ("#sales-signals", "C0123ABCD"), None for the sink's
    default; `owner` means the account owner is messaged directly and `channel` is the fallback;
    `actions` are a CRM route's (None: the sink's `default_action`). `used_by` names who routes
    there ("rule funding-round", "digest", "source_health"), for the report.
    """

    channel: str | None = None
    owner: bool = False
    actions: tuple[str, ...] | None = None
    used_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Owner:
    """An account owner as the accounts name them: an email, and a chat user id where one is known."""

    email: str | None
    chat_id: str | None = None
    accounts: tuple[str, ...] = ()  # the names of the accounts they own, so a finding can say whose owner it is

    def owned(self, shown: int = 3) -> str:
        """" (of Acme, Globex and 4 more)": the first `shown` accounts this owner owns, or "" when none is known."""
        more = len(self.accounts) - shown
        names = ", ".join(self.accounts[:shown]) + (f" and {more} more" if more > 0 else "")
        return f" (of {names})" if names else ""


def by_email(owners: Iterable[Owner], looked_up_only: bool = False) -> dict[str, Owner]:
    """One owner per lower-cased email, holding the accounts of every entry with that email, by
    email; `looked_up_only` leaves out owners whose chat user id is already known."""
    owned: dict[str, set[str]] = {}
    for owner in owners:
        if owner.email and not (looked_up_only and owner.chat_id):
            owned.setdefault(owner.email.lower(), set()).update(owner.accounts)
    return {email: Owner(email, None, tuple(sorted(names))) for email, names in sorted(owned.items())}


@dataclass(frozen=True)
class SinkUse:
    """Everything the current rules and config ask of one enabled sink: where it sends, and the
    account owners (each once) that alerts may be addressed to or assigned to."""

    destinations: tuple[Destination, ...] = ()
    owners: tuple[Owner, ...] = field(default=())

    @property
    def dms_owners(self) -> bool:
        return any(d.owner for d in self.destinations)


def unrouted(sink: str, use: SinkUse) -> Finding | None:
    """A note when no rule, notice or digest sends to `sink`: its route-dependent checks did not run."""
    if use.destinations:
        return None
    return passed(sink, "no rule routes alerts here, so only the token and settings were checked (the records, properties and "
                        "owners a route would write are checked once a rule routes to it)")


def routed_actions(use: SinkUse, default: tuple[str, ...]) -> set[str]:
    """The CRM actions (task, note, properties) the destinations ask of a CRM sink, read as the sink
    reads a route's target: its `action` list, else actions named in `channel`, else `default`."""
    from signalwatch.crm.alerttext import parse_actions  # the sink's own reading

    return {action for d in use.destinations
            for action in parse_actions("+".join(d.actions) if d.actions else d.channel, default)}  # type: ignore[arg-type]


def used_by(names: Sequence[str], shown: int = 3) -> str:
    """" (used by rule a, rule b, rule c and 4 more)" for a finding's message; "" for none."""
    if not names:
        return ""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return f" (used by {', '.join(names[:shown])}{more})"
