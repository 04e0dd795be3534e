"""Settings of the feedback loop: `sinks.slack.actions` (the buttons and how Slack reaches us)
and the top-level `feedback:` block (how `rules check` and `rules report` judge a rule)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from signalwatch.timeutil import coerce_duration

__all__ = ["SlackActions", "FeedbackConfig", "CRM_LINK_EXAMPLES"]

# What `crm_links` looks like for each CRM ({id} is the record id signalwatch keeps in crm_id).
CRM_LINK_EXAMPLES = {
    "hubspot": "https://app.hubspot.com/contacts/<portal id>/record/0-2/{id}",
    "salesforce": "https://<your domain>.lightning.force.com/lightning/r/Account/{id}/view",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SlackActions(_Strict):
    """Buttons on every Slack alert (Useful, Not useful, Snooze, Claim, the CRM record) and how
    Slack tells signalwatch that one was clicked.

    `socket_mode`: signalwatch opens a websocket to Slack with an app-level token (xapp-…, scope
    connections:write) from `app_token_env`; no public URL is needed. `http`: Slack posts each
    click to a request URL that reaches `listen_host:listen_port` + `path` (behind a TLS proxy);
    requests are verified with the app's signing secret from `signing_secret_env`. `off`: no
    buttons (the default, so an app without interactivity shows none that fail)."""

    mode: Literal["off", "socket_mode", "http"] = "off"
    app_token_env: str = "SLACK_APP_TOKEN"
    signing_secret_env: str = "SLACK_SIGNING_SECRET"
    listen_host: str = "127.0.0.1"
    listen_port: int = Field(default=3000, ge=0, le=65535)
    path: str = Field(default="/slack/actions", pattern=r"^/[A-Za-z0-9/_.-]*$")
    claim_days: int = Field(default=14, ge=1, le=365, description="how long a claim makes the clicking rep the account's owner")
    crm_links: dict[Literal["hubspot", "salesforce"], str] = Field(
        default_factory=dict,
        description="CRM → the URL of an account's record, with {id} for its id, e.g. " + CRM_LINK_EXAMPLES["hubspot"])

    @field_validator("mode", mode="before")
    @classmethod
    def _bare_off(cls, value: Any) -> Any:
        # Admin files read `off` as a word (yamlload: YAML 1.2 booleans); a YAML 1.1 reader, or `false`, gives False.
        word = str(value).lower() if isinstance(value, (bool, str)) else None
        if word in ("false", "no"):
            return "off"
        if word in ("true", "on", "yes"):
            raise ValueError(f"mode must be off, socket_mode or http ({value!r} names no mode)")
        return value

    @field_validator("crm_links")
    @classmethod
    def _templates(cls, value: dict[str, str]) -> dict[str, str]:
        for crm, template in value.items():
            if "{id}" not in template or not template.startswith(("https://", "http://")):
                raise ValueError(f"crm_links.{crm} must be an http(s) URL with {{id}}, e.g. {CRM_LINK_EXAMPLES[crm]}")
        return value

    @property
    def enabled(self) -> bool:
        return self.mode != "off"

    def required_env(self) -> list[str]:
        if self.mode == "socket_mode":
            return [self.app_token_env]
        if self.mode == "http":
            return [self.signing_secret_env]
        return []

    def missing_secret(self, env_name: str) -> str:
        """What to tell a user who has not set `env_name`, which this mode needs."""
        what = ("the app-level token (xapp-..., scope connections:write)" if self.mode == "socket_mode"
                else "the app's signing secret")
        return f"${env_name} is not set; export {what}, or set `mode: off` for alerts without buttons"


class FeedbackConfig(_Strict):
    """How rules are judged from feedback: `rules check` warns about a rule whose share of
    not-useful votes over `window` is above `not_useful_above`, once it has `min_votes` votes."""

    not_useful_above: float = Field(default=0.5, ge=0.0, le=1.0)
    min_votes: int = Field(default=5, ge=1)
    window: timedelta = Field(default=timedelta(days=90), gt=timedelta(0))

    _window = field_validator("window", mode="before")(coerce_duration)
