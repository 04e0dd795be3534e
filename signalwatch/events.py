"""The normalized signal event every connector produces, and its deterministic dedupe key."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from signalwatch.eventtypes import KINDS
from signalwatch.timeutil import as_utc

__all__ = ["EventType", "SignalEvent", "make_dedupe_key", "key_part", "key_of", "CHANGES", "strip_controls"]

# Bidirectional overrides and isolates, and zero-width characters: invisible in Slack, the CRM
# and the digest, they let web text reorder or hide what a rep reads ("evil.com" shown as
# "moc.live"). Dropped from every text a source gives us.
_CONTROLS = dict.fromkeys([0x061C, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF])


def strip_controls(text: str) -> str:
    """`text` without bidi controls and zero-width characters (joiners inside words are kept)."""
    return text.translate(_CONTROLS) if not text.isascii() else text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    return value


class EventType(StrEnum):
    """The bundled trigger families (see docs/design.md); each is declared in `signalwatch.eventtypes`.

    A SignalEvent's `type` is a plain string naming any registered kind, so a plugin can add
    one; these members are the bundled names, and compare equal to those strings.
    """

    FUNDING = "funding"
    HIRING = "hiring"
    LEADERSHIP = "leadership"
    TECH_STACK = "tech_stack"
    ACQUISITION = "acquisition"
    LAYOFFS = "layoffs"


class _Changes(Mapping[str, frozenset[str]]):
    """The allowed `change` values per event type, read from the declarations (plugins included)."""

    def __getitem__(self, name: str) -> frozenset[str]:
        return frozenset(KINDS[str(name)].changes)

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


# A connector emitting a change not listed for its type is a bug.
CHANGES: Mapping[str, frozenset[str]] = _Changes()


_quote = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]


def make_dedupe_key(*parts: object) -> str:
    """A stable key from the parts that identify one real-world event.

    Connectors pass what identifies the *fact* (source kind, item id, type, change),
    never fetch-time values, so the same item polled twice yields the same key.
    """
    return key_of(",".join(map(key_part, parts)))


def key_part(value: object) -> str:
    """One part of a key in canonical form; `key_of` of parts joined by "," equals
    `make_dedupe_key` of the values (callers making many keys reuse shared parts)."""
    return _quote(str(value).strip().lower())


def key_of(joined_parts: str) -> str:
    # Byte for byte the hash of json.dumps(parts, separators=(",", ":")), without its
    # overhead: keys already stored must keep their value.
    return hashlib.sha256(f"[{joined_parts}]".encode("utf-8")).hexdigest()[:32]


class SignalEvent(BaseModel):
    """One normalized trigger event. Frozen: resolution returns a copy with the account set."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str = Field(description="a registered event type, e.g. 'funding' (see signalwatch.eventtypes)")
    change: str
    source: str = Field(description="configured source name, e.g. 'techcrunch'")
    source_kind: str = Field(description="connector kind, e.g. 'rss', 'greenhouse'")
    source_id: str = Field(description="the item's id at the source (guid, job id, accession no.)")
    url: str | None = None
    title: str
    summary: str = ""
    occurred_at: datetime
    detected_at: datetime
    company_name: str | None = None
    company_domain: str | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    dedupe_key: str
    account_id: int | None = None
    match_confidence: float | None = None
    match_method: str | None = None

    @field_validator("occurred_at", "detected_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return as_utc(value)

    @field_validator("title", "summary", "company_name", "company_domain", "url", "attributes")
    @classmethod
    def _no_controls(cls, value: Any) -> Any:
        return _clean(value)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if str(value) not in KINDS:
            raise ValueError(f"unknown event type {value!r}: use one of {', '.join(KINDS)}")
        return str(value)

    @field_validator("change")
    @classmethod
    def _known_change(cls, value: str, info: Any) -> str:
        event_type = info.data.get("type")
        if event_type is not None and value not in CHANGES[event_type]:
            allowed = ", ".join(sorted(CHANGES[event_type]))
            raise ValueError(f"change {value!r} is not valid for {event_type}: use one of {allowed}")
        return value
