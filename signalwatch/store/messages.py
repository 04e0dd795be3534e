"""Outbox messages: the payload every delivery of one alert shares, stored compactly and read back exactly.

An outbox row is one delivery (sink, target, state); what it sends is a *message* (`MessageRow`)
shared by every delivery of the same alert. A message's payload is stored as a document:

    {"payload": P}                                   P as enqueued
    {"payload": P with "event": null, "event": E}    P's event part is rebuilt from the events row

The second form is used when P carries a copy of the event the message cites (every alert does,
`alerts.payload.event_part`): `event_copy` rebuilds it from the stored columns and E patches what
differed (`set`: keys whose value differs or that the copy lacks, `drop`: keys P did not have), so the
payload read back equals the payload enqueued whatever the engine puts there. An event is never
changed or deleted under a message that leaves it out: an amendment or a prune first writes the
copy into the message (`materialize`).

The document is then deflated against a dictionary trained from the messages stored before it:
one alert's rule, ICP and account wording repeats in the next, so ~1,000 bytes of JSON pack into
~70 (`benchmarks/bench_growth.py`). A dictionary is a row of its own, never changed; each message
names the one it was packed with, and a new one is trained as messages accumulate (`train_due`).

The document format and `event_copy` are part of the schema: change them only by adding a version.
"""

from __future__ import annotations

import json
import threading
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import sqlalchemy as sa

from signalwatch.store.tables import DictionaryRow, MessageRow
from signalwatch.timeutil import as_utc

__all__ = ["Codec", "Packed", "event_copy", "split", "join", "encode", "needs_event", "dictionary_from", "add_dictionary",
           "train", "train_due", "materialize", "EVENT_COLUMNS"]

_MESSAGES = MessageRow.__table__  # type: ignore[attr-defined]
_DICTIONARIES = DictionaryRow.__table__  # type: ignore[attr-defined]
DICTIONARY_BYTES = 32 * 1024  # deflate's window: a longer dictionary would not be reached
TRAIN_AT = (32, 512)  # message ids at which the first dictionaries are trained ...
RETRAIN_EVERY = 5000  # ... and then every this many messages, so new rule wording is learnt
_TRAIN_MAX_DOCUMENT = 4096  # a digest (rendered blocks) would crowd the alerts out of a dictionary
# The events columns `event_copy` reads (what a message's reader selects with it).
EVENT_COLUMNS = ("type", "change", "title", "summary", "url", "source", "occurred_at", "company_name", "attributes", "dedupe_key")


class Executor(Protocol):
    """A Session or a Connection: what these functions run their statements on."""

    def execute(self, statement: Any, parameters: Any = ..., /) -> Any: ...


def event_copy(columns: Mapping[str, Any]) -> dict[str, Any]:
    """The copy of an event an alert payload carries (version 1, as `alerts.payload.event_part`
    builds it today; a test holds them equal), from the event's stored column values."""
    return {
        "type": str(columns["type"]), "change": columns["change"], "title": columns["title"],
        "summary": (columns["summary"] or "")[:500], "url": columns["url"], "source": columns["source"],
        "occurred_at": as_utc(columns["occurred_at"]).isoformat(), "company_name": columns["company_name"],
        "attributes": columns["attributes"], "dedupe_key": columns["dedupe_key"],
    }


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def split(payload: dict[str, Any], copy: Mapping[str, Any] | None) -> dict[str, Any]:
    """The document of `payload`, leaving its event part out when `copy` (the cited event's
    `event_copy`) rebuilds most of it."""
    given = payload.get("event")
    if copy is None or not isinstance(given, dict):
        return {"payload": payload}
    changed = {key: value for key, value in given.items() if key not in copy or _canonical(value) != _canonical(copy[key])}
    dropped = [key for key in copy if key not in given]
    if len(changed) + len(dropped) > len(copy) // 2:
        return {"payload": payload}  # not that event's copy: keep it whole
    patch: dict[str, Any] = {}
    if changed:
        patch["set"] = changed
    if dropped:
        patch["drop"] = dropped
    return {"payload": {**payload, "event": None}, "event": patch}  # null keeps the key's place


def join(document: dict[str, Any], copy: Mapping[str, Any] | None) -> dict[str, Any]:
    """The payload a document holds; `copy` is its event's `event_copy` (None: the event is gone,
    which prune and amendments never let happen to a message that needs it)."""
    payload: dict[str, Any] = document["payload"]
    patch = document.get("event")
    if patch is None:
        return payload
    event = {key: value for key, value in (copy or {}).items() if key not in patch.get("drop", ())}
    event.update(patch.get("set", {}))
    payload["event"] = event
    return payload


def needs_event(document: Mapping[str, Any]) -> bool:
    return "event" in document


def encode(document: Mapping[str, Any]) -> bytes:
    """A document's bytes before packing (compact JSON); equal documents encode equal."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Packed:
    dictionary_id: int | None
    body: bytes


@dataclass(frozen=True)
class _Dictionary:
    id: int
    trained_upto: int
    data: bytes


class Codec:
    """Packs documents with the newest dictionary it has read from the database and unpacks with
    any. One per Store, shared by its threads. It only ever uses dictionaries read back from the
    database, never one it has just written: a dictionary whose transaction rolled back must not
    be named by a message."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: dict[int, bytes] = {}
        self._newest: _Dictionary | None = None
        self._loaded = False
        self._compressors: dict[int | None, Any] = {}
        self.training = threading.Lock()  # one thread of this process trains at a time (`train_due`)

    def pack(self, conn: Executor, encoded: bytes) -> Packed:
        """Deflate an `encode`d document with the newest dictionary."""
        newest = self._newest_dictionary(conn)
        key = newest.id if newest else None
        with self._lock:
            primed = self._compressors.get(key)
            if primed is None:
                primed = self._compressors[key] = _compressor(newest.data if newest else None)
        compressor = primed.copy()
        return Packed(key, compressor.compress(encoded) + compressor.flush())

    def unpack(self, conn: Executor, dictionary_id: int | None, body: bytes) -> dict[str, Any]:
        data = self._dictionary(conn, dictionary_id) if dictionary_id is not None else None
        inflater = zlib.decompressobj(-15, zdict=data) if data is not None else zlib.decompressobj(-15)
        document: dict[str, Any] = json.loads(inflater.decompress(body) + inflater.flush())
        return document

    def next_training_at(self, conn: Executor) -> int:
        """The message id from which a new dictionary is due."""
        newest = self._newest_dictionary(conn)
        upto = newest.trained_upto if newest else 0
        for threshold in TRAIN_AT:
            if upto < threshold:
                return threshold
        return upto + RETRAIN_EVERY

    def refresh(self, conn: Executor) -> None:
        """Read the newest dictionary again (another process, or this one, may have trained one)."""
        row = conn.execute(sa.select(_DICTIONARIES.c.id, _DICTIONARIES.c.trained_upto, _DICTIONARIES.c.data)
                           .order_by(_DICTIONARIES.c.id.desc()).limit(1)).first()
        with self._lock:
            self._loaded = True
            if row is not None and (self._newest is None or row.id > self._newest.id):
                self._newest = _Dictionary(row.id, row.trained_upto, bytes(row.data))
                self._known[row.id] = self._newest.data

    def _newest_dictionary(self, conn: Executor) -> _Dictionary | None:
        if not self._loaded:
            self.refresh(conn)
        return self._newest

    def _dictionary(self, conn: Executor, dictionary_id: int) -> bytes:
        with self._lock:
            found = self._known.get(dictionary_id)
        if found is None:
            data = conn.execute(sa.select(_DICTIONARIES.c.data).where(_DICTIONARIES.c.id == dictionary_id)).scalar_one()
            found = bytes(data)
            with self._lock:
                self._known[dictionary_id] = found
        return found


def _compressor(dictionary: bytes | None) -> Any:
    """A raw deflate stream (no header or checksum: the database keeps the bytes) primed with the dictionary."""
    if dictionary is None:
        return zlib.compressobj(9, zlib.DEFLATED, -15)
    return zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionary)


def dictionary_from(documents: Iterable[bytes]) -> bytes:
    """A dictionary from encoded documents, newest first: the newest go last, where deflate finds
    their strings soonest; documents too long to be typical (digests) are left out."""
    pieces: list[bytes] = []
    size = 0
    for encoded in documents:
        if len(encoded) > _TRAIN_MAX_DOCUMENT:
            continue
        pieces.append(encoded)
        size += len(encoded)
        if size >= DICTIONARY_BYTES:
            break
    return b"".join(reversed(pieces))[-DICTIONARY_BYTES:]


def add_dictionary(conn: Executor, data: bytes, trained_upto: int, now: datetime) -> int:
    key = conn.execute(_DICTIONARIES.insert().values(trained_upto=trained_upto, created_at=now, data=data)).inserted_primary_key
    assert key is not None
    return int(key[0])


def train(conn: Executor, codec: Codec, now: datetime, sample: int = 128) -> int | None:
    """Store a dictionary made of the newest messages' documents; return its id, or None without messages."""
    rows = conn.execute(sa.select(_MESSAGES.c.id, _MESSAGES.c.dictionary_id, _MESSAGES.c.body)
                        .order_by(_MESSAGES.c.id.desc()).limit(sample)).all()
    data = dictionary_from(encode(codec.unpack(conn, row.dictionary_id, bytes(row.body))) for row in rows)
    return add_dictionary(conn, data, rows[0].id, now) if data else None


def train_due(engine: sa.Engine, codec: Codec, newest_message: int, now: datetime) -> None:
    """Train a new dictionary, in a transaction of its own, when messages up to `newest_message`
    make one due and no other process has trained it meanwhile. The codec uses it from the next pack."""
    with engine.connect() as conn:
        if newest_message < codec.next_training_at(conn):
            return
    if not codec.training.acquire(blocking=False):
        return  # another poll of this process is training it
    try:
        with engine.connect() as conn:
            codec.refresh(conn)
            if newest_message < codec.next_training_at(conn):
                return
        with engine.begin() as conn:
            train(conn, codec, now)
        with engine.connect() as conn:
            codec.refresh(conn)
    finally:
        codec.training.release()


def materialize(conn: Executor, codec: Codec, event_ids: Iterable[int], events: Mapping[int, Mapping[str, Any]]) -> int:
    """Write the copy of each event in `event_ids` into the messages that leave it out, before the
    event row changes or goes (`events`: id -> the row's current columns). Returns messages rewritten."""
    ids = list(event_ids)
    if not ids:
        return 0
    rewritten = 0
    query = sa.select(_MESSAGES.c.id, _MESSAGES.c.event_id, _MESSAGES.c.dictionary_id, _MESSAGES.c.body).where(
        _MESSAGES.c.event_id.in_(ids))
    for row in conn.execute(query).all():
        document = codec.unpack(conn, row.dictionary_id, bytes(row.body))
        if not needs_event(document):
            continue
        columns = events.get(row.event_id)
        payload = join(document, event_copy(columns) if columns is not None else None)
        packed = codec.pack(conn, encode({"payload": payload}))
        conn.execute(_MESSAGES.update().where(_MESSAGES.c.id == row.id).values(dictionary_id=packed.dictionary_id, body=packed.body))
        rewritten += 1
    return rewritten
