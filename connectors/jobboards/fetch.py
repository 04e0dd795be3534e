"""Polling the boards named by accounts: bounded concurrency, conditional GET, body hash, paging.

Each board is fetched on a worker thread through the shared, thread-safe HttpClient (which
already paces per host, honours Retry-After and retries). A board whose body hashes the
same as last time is reported `unchanged` and never parsed; one that fails is reported
with its reason while the others continue. The worker also reads the board's stored job
snapshot (its cursor part's body) when `state.needs_body` says the board needs it, and
settles the board at once (`settle`: diffed, its listing and the decoded snapshot dropped),
so at most `concurrency` boards' bodies, listings and stored snapshots are alive at a time.

A board that may live under several hosts (Personio's `.de` and `.com`) is tried host by
host until one answers with its own document (an unknown board is redirected to the
vendor's home page); the host that answered is tried first next time. For a provider
whose listing carries no descriptions, the detail of each new role is fetched; a detail
that fails leaves that role without text and never fails the board.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from signalwatch.accounts import Account
from signalwatch.connectors.base import CursorParts
from signalwatch.connectors.jobboards.model import (
    BoardRef,
    Posting,
    Provider,
    parse_board,
)
from signalwatch.connectors.jobboards.settle import Settled, settle
from signalwatch.connectors.jobboards.state import needs_body
from signalwatch.http import FetchError, HttpClient, HttpResponse, HttpStatusError

__all__ = ["AccountRef", "BoardPoll", "BoardTarget", "Listed", "board_pool", "collect_targets", "poll_boards", "read_board", "MAX_DETAILS"]

MAX_DETAILS = 200  # new roles whose description one poll fetches per board; the rest post without text


@dataclass(frozen=True)
class AccountRef:
    """The account fields an event needs; `Fetched` carries these to the pure `normalize`."""

    id: int
    name: str
    domain: str | None


@dataclass(frozen=True)
class BoardTarget:
    """One board to poll, the accounts that named it and the URL of its first page (one per
    host the board may live under, in the order they are tried)."""

    ref: BoardRef
    url: str
    accounts: tuple[AccountRef, ...]
    alternates: tuple[str, ...] = ()
    tlds: tuple[str, ...] = ()  # the host suffix of `url` and of each alternate, in that order

    def tld_of(self, url: str | None) -> str | None:
        urls = (self.url, *self.alternates)
        return self.tlds[urls.index(url)] if url in urls and len(self.tlds) == len(urls) else None


Listed = tuple[str, str, str | None, str | None, bool | None]  # job id, title, department, location, remote


@dataclass(frozen=True)
class BoardPoll:
    """What one board returned, and once its worker settled it (`settle`), what the poll keeps of it.

    As fetched, every role the board lists is in `listed` (None when it did not change or
    failed), as the plain tuple a snapshot row needs; the full posting (description, link,
    date) is kept in `new` only for the roles that can become "posted" events: those missing
    from the stored snapshot, none on a baseline. The worker then diffs the board against its
    stored snapshot (`read_snapshot` says whether it read one) and keeps `settled` (the next
    rows and the diff) instead of `listed`, and in `new` only the roles posted, with the part
    of their description an event shows.
    """

    key: str
    provider: str
    board_id: str
    accounts: tuple[AccountRef, ...]
    status: str  # "changed", "unchanged" or "failed"
    listed: tuple[Listed, ...] | None = None
    new: Mapping[str, Posting] = field(default_factory=dict)
    body_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    url: str | None = None  # the first-page URL that answered, when the board may live under several
    tld: str | None = None  # and the host suffix it has (Personio: "de" or "com")
    settled: Settled | None = None
    read_snapshot: bool = False

    @property
    def postings(self) -> tuple[Posting, ...] | None:
        """Every listed role as a posting, None when the board did not change (built on each call;
        the roles not in `new` carry no text)."""
        if self.listed is not None:
            return tuple(self.new.get(job_id) or Posting(job_id, title, None, department, location, remote)
                         for job_id, title, department, location, remote in self.listed)
        if self.status != "changed" or self.settled is None:
            return None
        return tuple(self.new.get(job_id) or Posting(job_id, row[0], None, row[3], row[4], row[5])
                     for job_id, row in self.settled.rows.items() if not row[7])


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
    targets = []
    for ref, refs in by_key.values():
        provider = providers[ref.provider]
        template = url_templates.get(ref.provider, provider.url)
        urls = [template.format(id=ref.board_id, tld=tld) for tld in provider.tlds] if provider.tlds else [
            template.format(id=ref.board_id)]
        targets.append(BoardTarget(ref, urls[0], tuple(refs), tuple(urls[1:]), provider.tlds))
    return targets, errors


def poll_boards(
    http: HttpClient,
    targets: Iterable[BoardTarget],
    providers: Mapping[str, Provider],
    parts: CursorParts,
    concurrency: int,
    pool: ThreadPoolExecutor | None = None,
) -> tuple[list[BoardPoll], dict[str, str]]:
    """Fetch every target with at most `concurrency` boards in flight; failures become reasons.

    Each board is settled (`settle`) by the worker that fetched it, so a poll holds the
    bodies, listings and stored snapshots of at most `concurrency` boards at once. The workers
    run on `pool` when given (a poll in groups keeps one for all of its groups: starting 8
    threads per group of 100 boards cost a few percent of an unchanged poll), else on a pool of
    their own. Returns the settled polls and the failure reasons."""
    targets = list(targets)
    heads = parts.heads
    results: list[tuple[BoardPoll, str | None] | None] = [None] * len(targets)
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
    if pool is None:
        with board_pool(concurrency, len(targets)) as own:
            _run_all(own, work, workers)
    else:
        _run_all(pool, work, workers)
    done = [result for result in results if result is not None]
    polls = [poll for poll, _ in done]
    errors = {poll.key: reason for poll, reason in done if reason is not None}
    return polls, errors


def board_pool(concurrency: int, boards: int) -> ThreadPoolExecutor:
    """A pool for the workers of `poll_boards` over `boards` boards, `concurrency` at a time."""
    return ThreadPoolExecutor(max_workers=max(1, min(concurrency, boards)), thread_name_prefix="jobboards")


def _run_all(pool: ThreadPoolExecutor, work: Callable[[], None], workers: int) -> None:
    """`work` on `workers` threads of `pool`, until every one returned; the first error is raised
    once all have stopped (each stops at its next board once one failed)."""
    running = [pool.submit(work) for _ in range(workers)]
    wait(running)
    for worker in running:
        worker.result()


def _poll_one(
    http: HttpClient, target: BoardTarget, provider: Provider, head: Mapping[str, Any], parts: CursorParts
) -> tuple[BoardPoll, str | None]:
    read: list[dict[str, Any] | None] = []  # the board's stored snapshot, once read
    unreadable: list[Exception] = []  # the store's error reading it, if it failed

    def body() -> dict[str, Any] | None:
        if not read:
            try:
                read.append(parts.bodies([target.ref.key]).get(target.ref.key))
            except Exception as exc:
                unreadable.append(exc)
                raise
        return read[0]

    poll, reason = _fetch_board(http, target, provider, head, lambda: (body() or {}).get("jobs"))
    if unreadable:  # `_fetch_board` took it for the board's failure: the store failed, and with it the poll (as below)
        raise unreadable[0]
    if needs_body(head, poll.status):
        body()  # a store error here fails the poll, not just the board
    stored = read[0] if read else None
    read.clear()
    settled = settle(poll, head, stored)
    # `replace` rebuilds the whole poll (some 10 µs): most boards of a poll (all of them when nothing
    # changed) read no snapshot and keep the default.
    return (replace(settled, read_snapshot=True) if stored is not None else settled), reason


def _fetch_board(
    http: HttpClient, target: BoardTarget, provider: Provider, previous: Mapping[str, Any],
    stored_jobs: Callable[[], Mapping[str, Any] | None],
) -> tuple[BoardPoll, str | None]:
    ref = target.ref
    base = {"key": ref.key, "provider": ref.provider, "board_id": ref.board_id, "accounts": target.accounts}
    known = bool(previous)
    urls = list(dict.fromkeys((target.url, *target.alternates)))
    if previous.get("url") in urls:  # the host that answered last time first
        urls.insert(0, urls.pop(urls.index(previous["url"])))
    reasons: list[str] = []
    for url in urls:
        try:
            poll = _fetch_from(http, url, provider, previous if url == urls[0] else {}, known, stored_jobs, base,
                               several=len(urls) > 1)
            tld = target.tld_of(poll.url)  # None but for boards that may live under several hosts
            return (replace(poll, tld=tld) if tld is not None else poll), None
        except _NotHere as exc:
            reasons.append(str(exc))
        except FetchError as exc:
            return BoardPoll(**base, status="failed"), str(exc)
        except Exception as exc:  # noqa: BLE001 - one malformed board must not stop the other boards
            return BoardPoll(**base, status="failed"), f"{type(exc).__name__}: {exc}"
    return BoardPoll(**base, status="failed"), "; ".join(reasons)


def _none_wanted(job_id: str) -> bool:
    return False


class _NotHere(FetchError):
    """The board is not under this host (it answered 404 or redirected to another host)."""


def _fetch_from(
    http: HttpClient, url: str, provider: Provider, previous: Mapping[str, Any], known: bool,
    stored_jobs: Callable[[], Mapping[str, Any] | None], base: dict[str, Any], *, several: bool,
) -> BoardPoll:
    # A paged board's first page can be unchanged while a later one is not: no conditional GET there.
    conditional = bool(previous) and provider.next_page is None
    try:
        response = http.get(
            url,
            etag=previous.get("etag") if conditional else None,
            last_modified=previous.get("last_modified") if conditional else None,
        )
    except HttpStatusError as exc:
        if several and exc.status == 404:
            raise _NotHere(f"{url}: HTTP 404") from None
        raise
    answered = url if several else None
    if several and urlsplit(response.url).netloc != urlsplit(url).netloc:
        raise _NotHere(f"{url}: redirected to {urlsplit(response.url).netloc} (no board there)")
    if response.status == 304:
        return BoardPoll(**base, status="unchanged", body_hash=previous.get("hash"), etag=previous.get("etag"),
                         last_modified=previous.get("last_modified"), url=answered)
    pages = [response.content]
    page_url = url
    while provider.next_page is not None and (page_url := provider.next_page(pages[-1], page_url) or ""):
        pages.append(http.get(page_url).content)
    # The digest tells a new validator on the same body from a change. A baseline whose next
    # poll asks conditionally skips it (hashing is a tenth of a first poll's CPU): until a
    # later 200 stores one, a body that comes back the same is diffed, finding nothing.
    digest = _hash(pages) if known or not _asks_conditionally(provider, response) else None
    if known and digest == previous.get("hash"):
        return BoardPoll(**base, status="unchanged", body_hash=digest, etag=response.etag,
                         last_modified=response.last_modified, url=answered)
    stored = stored_jobs() if known else None
    # Only roles missing from the stored snapshot can become "posted" events: the others (and
    # every role of a baseline) are parsed without link, date and description.
    wanted = (lambda job_id: job_id not in stored) if stored is not None else _none_wanted
    postings = _with_details(http, url, provider, provider.parse(pages, wanted), stored)
    listed, new = _split(postings, stored)
    return BoardPoll(**base, status="changed", listed=listed, new=new, body_hash=digest,
                     etag=response.etag, last_modified=response.last_modified, url=answered)


def read_board(http: HttpClient, target: BoardTarget, provider: Provider,
               wants_detail: Callable[[Posting], bool] = lambda _: False) -> tuple[list[Posting], str]:
    """Every posting of one board, unconditionally (for a backfill), and the URL that answered;
    the description of the roles `wants_detail` picks is fetched when the listing has none."""
    urls = list(dict.fromkeys((target.url, *target.alternates)))
    reasons: list[str] = []
    for url in urls:
        try:
            response = http.get(url)
        except HttpStatusError as exc:
            if len(urls) > 1 and exc.status == 404:
                reasons.append(f"{url}: HTTP 404")
                continue
            raise
        if len(urls) > 1 and urlsplit(response.url).netloc != urlsplit(url).netloc:
            reasons.append(f"{url}: redirected to {urlsplit(response.url).netloc} (no board there)")
            continue
        pages = [response.content]
        page_url = url
        while provider.next_page is not None and (page_url := provider.next_page(pages[-1], page_url) or ""):
            pages.append(http.get(page_url).content)
        postings = provider.parse(pages, None)
        others = {p.job_id: None for p in postings if not wants_detail(p)}
        return _with_details(http, url, provider, postings, others), url
    raise _NotHere("; ".join(reasons))


def _with_details(
    http: HttpClient, list_url: str, provider: Provider, postings: list[Posting], known: Mapping[str, Any] | None
) -> list[Posting]:
    """Postings with the description of each new role fetched, for providers whose listing has none.

    A baseline poll (`known` is None) fetches none: its roles were open before we watched."""
    if provider.detail_url is None or provider.parse_detail is None or known is None:
        return postings
    fetched = 0
    completed: list[Posting] = []
    for posting in postings:
        if posting.job_id in known or posting.markup or fetched >= MAX_DETAILS:
            completed.append(posting)
            continue
        fetched += 1
        try:
            completed.append(provider.parse_detail(http.get(provider.detail_url(list_url, posting.job_id)).content,
                                                   posting))
        except FetchError:
            completed.append(posting)  # the role still counts; its text is missing this once
    return completed


def _split(postings: list[Posting], known: Mapping[str, Any] | None) -> tuple[tuple[Listed, ...], dict[str, Posting]]:
    """Every role as a `Listed` tuple, and the full postings of the roles that can become "posted" events.

    Description, link and publication date matter only for new roles (the event's summary,
    technologies, URL); on a baseline poll (`known` is None) and for roles already in the
    stored snapshot they are dead weight. A board repeats its departments, locations and
    titles, so those strings are kept once per board.
    """
    shared: dict[str | None, str | None] = {None: None}
    listed: list[Listed] = []
    new: dict[str, Posting] = {}
    for posting in postings:
        if known is not None and posting.job_id not in known:
            new[posting.job_id] = posting
        title, department, location = posting.title, posting.department, posting.location
        listed.append((posting.job_id, shared.setdefault(title, title) or "", shared.setdefault(department, department),
                       shared.setdefault(location, location), posting.remote))
    return tuple(listed), new


def _asks_conditionally(provider: Provider, response: HttpResponse) -> bool:
    """Whether the board's next poll is a conditional GET: one page, and a validator to send back."""
    return provider.next_page is None and bool(response.etag or response.last_modified)


def _hash(pages: list[bytes]) -> str:
    """A board's body digest (128 bits of SHA-256), to tell a new ETag on the same body from a change.

    SHA-256, not BLAKE2: OpenSSL's runs on the CPU's SHA instructions where it has them, twice
    as fast as BLAKE2b here, and every changed board's body (hundreds of KB) is hashed. A
    digest stored by an older version differs once: that board is then parsed and diffed
    against its stored snapshot, which finds what changed as always."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(len(page).to_bytes(8, "big"))
        digest.update(page)
    return digest.hexdigest()[:32]
