"""`signalwatch doctor` for the Slack sink: the token, its scopes, each routed channel, the owners to DM.

Slack answers every Web API call with the token's granted scopes in the `x-oauth-scopes`
response header (https://api.slack.com/legacy/oauth-scopes#working-with-scopes), so one
`auth.test` tells both who the bot is and what it may do. Channels are found the way the sink
finds them (an id as is, a name through `conversations.list`), then `conversations.info` says
whether the bot is a member: a public channel the bot was never invited to answers
`chat.postMessage` with `not_in_channel`, a private one with `channel_not_found`.
"""

from __future__ import annotations

import re
import socket
import urllib.error
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from signalwatch.preflight import Destination, Finding, Owner, SinkUse, by_email, passed, problem, used_by

__all__ = ["MANIFEST_SCOPES", "check_slack"]

# The bot scopes of deploy/slack-app-manifest.yaml and what each is for (a test keeps them equal).
MANIFEST_SCOPES: Mapping[str, str] = {
    "chat:write": "post alerts (chat.postMessage)",
    "im:write": "open a DM with an account owner (conversations.open)",
    "channels:read": "find a public channel by name (conversations.list)",
    "groups:read": "find a private channel by name (conversations.list)",
    "channels:history": "look up an alert already posted in a public channel after a crash (conversations.history)",
    "groups:history": "look up an alert already posted in a private channel after a crash (conversations.history)",
    "im:history": "look up an alert already sent by DM after a crash (conversations.history)",
    "users:read": "look up account owners (users.lookupByEmail)",
    "users:read.email": "find an owner's Slack user from the account's owner email (users.lookupByEmail)",
}
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{6,}$")
_TOKEN_FIX = ("set the token variable (sinks.slack.token_env, SLACK_BOT_TOKEN by default) to the app's Bot User OAuth Token "
              "(xoxb-…, api.slack.com/apps → your app → OAuth & Permissions); reinstall the app if it was removed")
_AUTH_ERRORS = frozenset({"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type"})
_NETWORK = (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, SlackClientError)


class _Stop(Exception):
    """A call failed in a way that makes the remaining checks pointless (auth, network, rate limit)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def check_slack(client: WebClient, *, default_channel: str | None, use: SinkUse) -> list[Finding]:
    """Every Slack finding for `use`; a failure of the token or the network ends the list early."""
    checker = _Checker(client)
    findings: list[Finding] = []
    try:
        bot = checker.identity(findings)
        findings += checker.channels(_channels(use.destinations, default_channel), bot)
        if use.dms_owners:
            findings += checker.owners(use.owners)
    except _Stop as stop:
        findings.append(stop.finding)
    return findings


def _channels(destinations: Iterable[Destination], default: str | None) -> dict[str, list[str]]:
    """Channel (as written) → who routes there; a destination without a channel uses the default.
    An owner DM without either has no fallback to check (its owners are checked by email)."""
    found: dict[str, list[str]] = {}
    for destination in destinations:
        if destination.owner and not (destination.channel or default):
            continue
        users = found.setdefault(destination.channel or default or "", [])
        users += [user for user in destination.used_by if user not in users]
    return found


class _Checker:
    def __init__(self, client: WebClient) -> None:
        self._client = client
        self._by_name: dict[str, dict[str, Any]] | None = None

    def identity(self, findings: list[Finding]) -> str:
        """auth.test, and the granted scopes against the manifest's; returns the bot's name."""
        auth = self._ask("auth.test", self._client.auth_test)
        bot = str(auth.get("user") or "signalwatch")
        findings.append(passed("slack", f"token accepted: bot @{bot} in workspace {auth.get('team') or auth.get('team_id')}"))
        header = next((v for k, v in (auth.headers or {}).items() if k.lower() == "x-oauth-scopes"), None)
        if header is None:
            findings.append(problem("slack", "Slack did not say which scopes the token has (no x-oauth-scopes header)",
                                    "check sinks.slack.base_url points at https://slack.com/api/"))
            return bot
        granted = {scope.strip() for scope in str(header).split(",") if scope.strip()}
        missing = [scope for scope in MANIFEST_SCOPES if scope not in granted]
        for scope in missing:
            findings.append(problem("slack", f"the token lacks the scope {scope}, needed to {MANIFEST_SCOPES[scope]}",
                                    f"add {scope} under OAuth & Permissions → Bot Token Scopes (or create the app from "
                                    "deploy/slack-app-manifest.yaml), reinstall the app, and update the token variable if the token changed"))
        if not missing:
            findings.append(passed("slack", f"the token has every scope of the app manifest ({len(MANIFEST_SCOPES)})"))
        return bot

    def channels(self, channels: Mapping[str, list[str]], bot: str) -> list[Finding]:
        findings = []
        for channel, names in channels.items():
            users = used_by(names)
            if not channel:
                findings.append(problem("slack", f"no channel to post to{users}",
                                        "give the route a channel, or set sinks.slack.default_channel"))
            elif _USER_ID.match(channel):
                findings.append(self._user(channel, users))
            else:
                findings.append(self._channel(channel, users, bot))
        return findings

    def _channel(self, channel: str, users: str, bot: str) -> Finding:
        name = channel.lstrip("#")
        subject = f"slack {channel}"
        found = {"id": channel} if _CHANNEL_ID.match(channel) else self._named(name)
        invite = f"in Slack, open {channel} and type /invite @{bot}"
        if found is None:
            return problem(subject, f"channel not found: it does not exist, is archived, or is private without the bot{users}",
                           f"create #{name} (or fix the channel name in the route), and if it is private, {invite}")
        try:
            info = self._ask("conversations.info", self._client.conversations_info, channel=found["id"])
        except _Refused as refused:
            if refused.error == "channel_not_found":
                return problem(subject, f"channel {channel} not found, or private without the bot{users}",
                               f"fix the channel id in the route, or {invite}")
            return refused.finding(subject)
        details = info.get("channel") or {}
        if details.get("is_archived"):
            return problem(subject, f"the channel is archived{users}", "unarchive it, or route these alerts to another channel")
        if not details.get("is_member"):
            return problem(subject, f"the bot @{bot} is not a member, so posts fail with not_in_channel{users}", invite)
        return passed(subject, f"exists and the bot is a member{users}")

    def _user(self, user: str, users: str) -> Finding:
        subject = f"slack {user}"
        try:
            found = self._ask("users.info", self._client.users_info, user=user)
        except _Refused as refused:
            if refused.error == "user_not_found":
                return problem(subject, f"no such Slack user{users}", "fix the user id in the route")
            return refused.finding(subject)
        if (found.get("user") or {}).get("deleted"):
            return problem(subject, f"the user is deactivated{users}", "route these alerts to someone else")
        return passed(subject, f"the user exists{users}")

    def owners(self, owners: Iterable[Owner]) -> list[Finding]:
        """users.lookupByEmail for each owner without a Slack id, as the sink resolves `email:` targets."""
        findings: list[Finding] = []
        emails = by_email(owners, looked_up_only=True)
        found = 0
        for email, owner in emails.items():
            try:
                self._ask("users.lookupByEmail", self._client.users_lookupByEmail, email=email)
                found += 1
            except _Refused as refused:
                if refused.error == "users_not_found":
                    findings.append(problem(f"slack owner {email}", f"no Slack user has this email: alerts meant for this owner{owner.owned()} "
                                                                    "go to the route's fallback channel instead",
                                            "correct the owner_email of this owner's accounts (accounts CSV or CRM), or set their owner_slack_id"))
                else:
                    findings.append(refused.finding(f"slack owner {email}"))
        if emails and found:
            findings.append(passed("slack", f"{found} of {len(emails)} account owner(s) found in Slack by email"))
        return findings + self._owner_ids(owners)

    def _owner_ids(self, owners: Iterable[Owner]) -> list[Finding]:
        """users.info for each owner_slack_id the accounts give (a DM to a wrong id fails at send time)."""
        owned: dict[str, set[str]] = {}
        for owner in owners:
            if owner.chat_id:
                owned.setdefault(owner.chat_id, set()).update(owner.accounts)
        findings: list[Finding] = []
        for chat_id, accounts in sorted(owned.items()):
            whose = Owner(None, chat_id, tuple(sorted(accounts))).owned()
            try:
                user = self._ask("users.info", self._client.users_info, user=chat_id).get("user") or {}
            except _Refused as refused:
                if refused.error != "user_not_found":
                    findings.append(refused.finding(f"slack owner {chat_id}"))
                    continue
                user = None
            if user is None or user.get("deleted"):
                what = "no such Slack user" if user is None else "the Slack user is deactivated"
                findings.append(problem(f"slack owner {chat_id}", f"{what}: alerts meant for this owner{whose} go to the route's "
                                                                  "fallback channel instead", "correct the owner_slack_id of these accounts"))
        return findings

    def _named(self, name: str) -> dict[str, Any] | None:
        """The channel called `name`, from one listing of every channel the bot can see (as the sink searches)."""
        if self._by_name is None:
            self._by_name = {}
            cursor = None
            for _ in range(50):  # the sink's own limit: 10,000 channels
                try:
                    page = self._ask("conversations.list", self._client.conversations_list, types="public_channel,private_channel",
                                     exclude_archived=True, limit=200, cursor=cursor)
                except _Refused as refused:
                    raise _Stop(refused.finding("slack")) from None
                for item in page.get("channels") or []:
                    self._by_name.setdefault(str(item.get("name")), item)
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    break
        return self._by_name.get(name)

    def _ask(self, method: str, function: Callable[..., Any], **kwargs: Any) -> Any:
        """Call Slack. Auth failures, network failures and rate limits stop the checks (`_Stop`);
        any other refusal is `_Refused`, for the caller to explain."""
        try:
            return function(**kwargs)
        except SlackApiError as exc:
            response = exc.response
            data = response.data if isinstance(getattr(response, "data", None), dict) else {}
            error = str(data.get("error") or "unknown_error")
            if error in _AUTH_ERRORS:
                raise _Stop(problem("slack", f"Slack refused the token ({method}: {error})", _TOKEN_FIX)) from None
            if getattr(response, "status_code", 0) == 429 or error == "ratelimited":
                raise _Stop(problem("slack", f"rate limited by Slack at {method}; the remaining checks were skipped",
                                    "run `signalwatch doctor` again in a minute")) from None
            raise _Refused(method, error, str(data.get("needed") or "")) from None
        except _NETWORK as exc:
            raise _Stop(problem("slack", f"cannot reach Slack ({method}: {type(exc).__name__}: {exc})",
                                "check the network, any proxy, and sinks.slack.base_url")) from None


class _Refused(Exception):
    """Slack answered `ok: false` with `error` (and, for missing_scope, the scope `needed`)."""

    def __init__(self, method: str, error: str, needed: str) -> None:
        super().__init__(f"{method}: {error}")
        self.method, self.error, self.needed = method, error, needed

    def finding(self, subject: str) -> Finding:
        if self.error == "missing_scope":
            return problem(subject, f"{self.method} refused: the token lacks the scope {self.needed or '(unnamed)'}",
                           f"add {self.needed or 'the scope'} under OAuth & Permissions → Bot Token Scopes and reinstall the app")
        return problem(subject, f"{self.method} refused: {self.error}", f"see https://api.slack.com/methods/{self.method} for {self.error}")
