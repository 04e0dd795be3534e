"""`signalwatch doctor`'s checks of the buttons' setup: in Socket Mode, that the app-level token
opens a connection URL (the call the daemon makes at start); in HTTP mode, that the signing
secret is set (Slack's signature cannot be checked without a request from Slack)."""

from __future__ import annotations

import socket
import urllib.error

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from signalwatch.feedback.config import SlackActions
from signalwatch.preflight import Finding, passed, problem

__all__ = ["check_actions"]

_SUBJECT = "slack buttons"
_TOKEN_FIX = ("generate an app-level token with the scope connections:write (api.slack.com/apps → your app → Basic Information → "
              "App-Level Tokens), put it (xapp-…) into ${env}, and enable Socket Mode (deploy/slack-app-manifest.yaml does)")


def check_actions(actions: SlackActions, base_url: str, timeout: float, app_token: str | None, signing_secret: str | None) -> list[Finding]:
    if actions.mode == "off":
        return []
    if actions.mode == "http":
        if not signing_secret:
            return [problem(_SUBJECT, f"HTTP mode, but ${actions.signing_secret_env} is empty",
                            f"put the app's Signing Secret (Basic Information → App Credentials) into ${actions.signing_secret_env}")]
        return [passed(_SUBJECT, f"HTTP mode: requests to {actions.path} on {actions.listen_host}:{actions.listen_port} are "
                                 "checked with the signing secret; Slack's interactivity request URL must reach it over https")]
    fix = _TOKEN_FIX.replace("${env}", f"${actions.app_token_env}")
    if not app_token:
        return [problem(_SUBJECT, f"Socket Mode, but ${actions.app_token_env} is empty", fix)]
    client = WebClient(base_url=base_url, timeout=int(max(1, timeout)), retry_handlers=[])
    try:
        client.apps_connections_open(app_token=app_token)
    except SlackApiError as exc:
        error = str(exc.response.get("error", "unknown_error"))
        if error == "not_allowed_token_type":
            return [problem(_SUBJECT, f"${actions.app_token_env} is not an app-level token (xapp-…)", fix)]
        return [problem(_SUBJECT, f"Socket Mode refused the app-level token: {error}", fix)]
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, SlackClientError) as exc:
        return [problem(_SUBJECT, f"Slack could not be reached for Socket Mode: {type(exc).__name__}",
                        "check the network path to slack.com (or sinks.slack.base_url)")]
    return [passed(_SUBJECT, "Socket Mode: the app-level token opens a connection; button clicks will reach signalwatch")]
