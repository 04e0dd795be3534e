"""Polling the boards named by accounts: bounded concurrency, conditional GET, body hash, paging.

Each board is fetched on a worker thread through the shared, thread-safe HttpClient (which
already paces per host, honours Retry-After and retries). A board whose body hashes the
same as last time is reported `unchanged` and never parsed; one that fails is reported
with its reason while the others continue. The worker also reads the board's stored job
snapshot (its cursor part's body) when `state.needs_body` says the board needs it.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from signalwatch.accounts import Account
from signalwatch.connectors.base import CursorParts
from signalwatch.connectors.jobboards.model import (
    BoardRef,
    Posting,
    Provider,
    parse_board,
)
from signalwatch.connectors.jobboards.state import needs_body
from signalwatch.http import FetchError, HttpClient

__all__ = ["AccountRef", "BoardPoll", "BoardTarget", "collect_targets", "poll_boards"]


@dataclass(frozen=True)
class AccountRef:
    """The account fields an event needs; `Fetched` carries these to the pure `normalize`."""

    id: int
    name: str
    domain: str | None


@dataclass(frozen=True)
class BoardTarget:
    """One board to poll, the accounts that named it and the URL of its first page."""

    ref: BoardRef
    url: str
    accounts: tuple[AccountRef, ...]


@dataclass(frozen=True)
class BoardPoll:
    """What one board returned. `postings` is None when it did not change (or failed)."""

    key: str
    provider: str
    board_id: str
    accounts: tuple[AccountRef, ...]
    status: str  # "changed", "unchanged" or "failed"
    postings: tuple[Posting, ...] | None = None
    body_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None


def collect_targets(
    accounts: Sequence[Account], providers: Mapping[str, Provider], url_templates: Mapping[str, str]
) -> tuple[list[BoardTarget], dict[str, str]]:
    """The distinct boards named by `accounts`, and a reason for each board string we cannot poll."""
    by_key: dict[str, tuple[BoardRef, list[AccountRef]]] = {}
    errors: dict[str, str] = {}
    for account in accounts:
        for text in account.boards:
            try:
                ref = parse_board(text, frozenset(providers))
            except ValueError as exc:
                errors[text.strip() or f"account {account.id}"] = f"{account.name}: {exc}"
                continue
            refs = by_key.setdefault(ref.key, (ref, []))[1]
            if all(a.id != account.id for a in refs):
                refs.append(AccountRef(account.id, account.name, account.domain))
    targets = [
        BoardTarget(ref, url_templates.get(ref.provider, providers[ref.provider].url).format(id=ref.board_id),
                    tuple(refs))
        for ref, refs in by_key.values()
    ]
    return targets, errors


def poll_boards(
    http: HttpClient,
    targets: Iterable[BoardTarget],
    providers: Mapping[str, Provider],
    parts: CursorParts,
    concurrency: int,
) -> tuple[list[BoardPoll], dict[str, str], dict[str, dict[str, Any]]]:
    """Fetch every target with at most `concurrency` boards in flight; failures become reasons.

    Returns the polls, the failure reasons and the stored snapshots read (by board key)."""
    targets = list(targets)
    heads = parts.heads
    results: list[tuple[BoardPoll, str | None, dict[str, Any] | None] | None] = [None] * len(targets)
    pending = iter(range(len(targets)))
    lock = threading.Lock()
    stop = threading.Event()

    def work() -> None:
        # Each worker takes the next board until none is left: no future and no wake-up of
        # this thread per board, which at thousands of boards costs as much as the requests.
        while not stop.is_set():
            with lock:
                index = next(pending, None)
            if index is None:
                return
            target = targets[index]
            try:
                results[index] = _poll_one(http, target, providers[target.ref.provider],
                                           heads.get(target.ref.key) or {}, parts)
            except BaseException:
                stop.set()  # the poll fails: the other workers stop at their next board
                raise

    workers = max(1, min(concurrency, len(targets)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="jobboards") as pool:
        running = [pool.submit(work) for _ in range(workers)]
        for worker in running:
            worker.result()
    done = [result for result in results if result is not None]
    polls = [poll for poll, _, _ in done]
    errors = {poll.key: reason for poll, reason, _ in done if reason is not None}
    bodies = {poll.key: body for poll, _, body in done if body is not None}
    return polls, errors, bodies


def _poll_one(
    http: HttpClient, target: BoardTarget, provider: Provider, head: Mapping[str, Any], parts: CursorParts
) -> tuple[BoardPoll, str | None, dict[str, Any] | None]:
    read: list[dict[str, Any] | None] = []  # the board's stored snapshot, once read

    def body() -> dict[str, Any] | None:
        if not read:
            read.append(parts.bodies([target.ref.key]).get(target.ref.key))
        return read[0]

    poll, reason = _fetch_board(http, target, provider, head, lambda: (body() or {}).get("jobs"))
    if needs_body(head, poll.status):
        body()  # a store error here fails the poll, not just the board
    return poll, reason, read[0] if read else None


def _fetch_board(
    http: HttpClient, target: BoardTarget, provider: Provider, previous: Mapping[str, Any],
    stored_jobs: Callable[[], Mapping[str, Any] | None],
) -> tuple[BoardPoll, str | None]:
    ref = target.ref
    base = {"key": ref.key, "provider": ref.provider, "board_id": ref.board_id, "accounts": target.accounts}
    known = bool(previous)
    try:
        # A paged board's first page can be unchanged while a later one is not: no conditional GET there.
        conditional = known and provider.next_page is None
        response = http.get(
            target.url,
            etag=previous.get("etag") if conditional else None,
            last_modified=previous.get("last_modified") if conditional else None,
        )
        if response.status == 304:
            return BoardPoll(**base, status="unchanged", body_hash=previous.get("hash"), etag=previous.get("etag"),
                             last_modified=previous.get("last_modified")), None
        pages = [response.content]
        url = target.url
        while provider.next_page is not None and (url := provider.next_page(pages[-1], url) or ""):
            pages.append(http.get(url).content)
        digest = _hash(pages)
        validators = {"etag": response.etag, "last_modified": response.last_modified}
        if known and digest == previous.get("hash"):
            return BoardPoll(**base, status="unchanged", body_hash=digest, **validators), None  # type: ignore[arg-type]
        postings = provider.parse(pages)
        postings = _slim(postings, stored_jobs() if known else None)
        return BoardPoll(**base, status="changed", postings=postings, body_hash=digest, **validators), None  # type: ignore[arg-type]
    except FetchError as exc:
        return BoardPoll(**base, status="failed"), str(exc)
    except Exception as exc:  # noqa: BLE001 - one malformed board must not stop the other boards
        return BoardPoll(**base, status="failed"), f"{type(exc).__name__}: {exc}"


def _slim(postings: list[Posting], known: Mapping[str, Any] | None) -> tuple[Posting, ...]:
    """Drop the text of roles that cannot become "posted" events, so a 2,000-board poll stays small.

    Descriptions matter only for new roles (summary, technologies); on a baseline poll
    (`known` is None) and for roles already in the stored snapshot they are dead weight.
    """
    return tuple(
        replace(posting, markup="") if known is None or posting.job_id in known else posting
        for posting in postings
    )


def _hash(pages: list[bytes]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for page in pages:
        digest.update(len(page).to_bytes(8, "big"))
        digest.update(page)
    return digest.hexdigest()
