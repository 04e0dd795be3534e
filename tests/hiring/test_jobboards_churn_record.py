"""A churn of job boards (roles dropped and added on every board) polled through the real pipeline
reports exactly the events, and stores exactly the snapshots, recorded from the code before the
issue 19 speed-ups of the churn cycle (`golden/jobboards_churn.json`, see its README).

The boards are built from the recorded wire shapes in tests/fixtures (Greenhouse's entity-escaped
HTML, Lever's plain text, Ashby's HTML) with new ids, as `test_jobboards_chunked_commit` builds
them; the new roles' descriptions add the whitespace a real description carries (tabs, line
breaks, `&nbsp;`, a no-break space, an em space), which the event's summary must collapse as before.
Polls: a baseline; a churn (two roles gone and three new on every board: posted events with their
technologies and summaries, a surge); the same bodies again (the roles gone close on their second
miss); then nothing changed.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hiring_boardserver import NOW, PATHS, BoardServer, Route

from signalwatch.accounts import Account
from signalwatch.config import load_settings
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import poll_source

FIXTURES = Path(__file__).parent.parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden" / "jobboards_churn.json"
RULES = Path(__file__).resolve().parents[2] / "rules"
ROLES = 12  # per board at the baseline

# Whitespace a posting's text carries, as tabs, breaks and entities (the summary collapses each run to one space).
_SPACES = ("\t", "\n\n", "&nbsp;", "\u00a0", "\u2003 ", "\r\n  ")


_TITLE = {"greenhouse": "title", "lever": "text", "ashby": "title"}
_DATES = {"greenhouse": {"first_published": "2024-01-10T10:00:00-05:00", "updated_at": "2024-01-10T10:00:00-05:00"},
          "lever": {"createdAt": 1704880800000}, "ashby": {"publishedAt": "2024-01-10T15:00:00.000+00:00"}}
_REGIONS = ("DACH", "Nordics", "Benelux", "Iberia", "France")


def _jobs(provider: str) -> list[dict[str, Any]]:
    document = json.loads((FIXTURES / provider / "acme.json").read_bytes())
    return list(document["jobs"] if isinstance(document, dict) else document)


def _spaced(text: str, n: int, escaped: bool) -> str:
    """`text` with whitespace of `_SPACES` (entity-escaped for Greenhouse) around and inside it."""
    space = _SPACES[n % len(_SPACES)]
    if escaped:
        space = space.replace("&", "&amp;")
    words = text.split(" ")
    middle = len(words) // 2
    return space + " ".join(words[:middle]) + space + " Python and Snowflake " + space + " ".join(words[middle:]) + space


def board_body(provider: str, board: int, churned: bool) -> bytes:
    """The board's listing: ROLES roles, or after the churn the first two gone and three new ones."""
    recorded = _jobs(provider)
    numbers = list(range(ROLES)) if not churned else list(range(2, ROLES + 3))
    jobs = []
    for n in numbers:
        job = dict(recorded[n % len(recorded)], **_DATES[provider])  # published long ago: no backfill of them
        if n >= ROLES:  # a new role: a title of its own (no repost of a role gone), published now
            job.update({_TITLE[provider]: f"Account Executive, {_REGIONS[n % len(_REGIONS)]}"})
        if provider == "greenhouse":
            job.update(id=4_000_000 + board * 1000 + n, absolute_url=f"https://boards.greenhouse.io/b{board}/jobs/{n}")
            if n >= ROLES:
                job["content"] = _spaced(job["content"], n, escaped=True)
        elif provider == "lever":
            job.update(id=f"{board:08x}-0000-4000-8000-{n:012x}", hostedUrl=f"https://jobs.lever.co/b{board}/{n}")
            if n >= ROLES:
                job["description"] = _spaced(job["description"], n, escaped=False)
                job["descriptionPlain"] = _spaced(job["descriptionPlain"], n, escaped=False)
        else:
            job.update(id=f"a{board:07x}-0000-4000-8000-{n:012x}", jobUrl=f"https://jobs.ashbyhq.com/b{board}/{n}")
            if n >= ROLES:
                job["descriptionHtml"] = _spaced(job["descriptionHtml"], n, escaped=False)
                job["descriptionPlain"] = _spaced(job["descriptionPlain"], n, escaped=False)
        jobs.append(job)
    if provider == "greenhouse":
        return json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}).encode()
    if provider == "lever":
        return json.dumps(jobs).encode()
    return json.dumps({"apiVersion": "1", "jobs": jobs}).encode()


BOARDS = [("greenhouse", 0), ("lever", 1), ("ashby", 2), ("greenhouse", 3), ("lever", 4)]


def _serve(server: BoardServer, churned: bool) -> None:
    for provider, board in BOARDS:
        body = board_body(provider, board, churned)
        server.serve(provider, f"b{board}", Route(body, etag=f'"b{board}-{"churned" if churned else "v1"}"'))


def _app(server: BoardServer, tmp_path: Path) -> App:
    config = tmp_path / "signalwatch.yaml"
    templates = {provider: server.base + path for provider, path in PATHS.items()}
    config.write_text(
        f"database: sw.db\nrules_dir: {RULES}\n"
        "http: {allow_private_addresses: true, per_host_interval: 0, max_attempts: 1, timeout: 60}\n"
        "sources:\n"
        "  - name: job-boards\n    type: jobboards\n    interval: 6h\n    concurrency: 2\n    threshold: 3\n"
        f"    url_templates: {json.dumps(templates)}\n"
    )
    app = build_app(load_settings(config))
    # Account 1 names two boards (its counts and surges span both); the others one each.
    app.store.upsert_accounts([
        Account(id=0, name="Company 0", domain="company0.com", boards=("greenhouse:b0", "lever:b1")),
        Account(id=0, name="Company 2", domain="company2.com", boards=("ashby:b2",)),
        Account(id=0, name="Company 3", domain=None, boards=("greenhouse:b3",)),
        Account(id=0, name="Company 4", domain="company4.com", boards=("lever:b4",)),
    ], NOW)
    return app


def _record(app: App, polls: list[tuple[int, int]]) -> dict[str, Any]:
    """What a user sees of the polls: every stored event (as JSON, in key order) and every stored
    cursor part, with the new events and alerts each poll reported."""
    events = sorted((event.model_dump(mode="json") for _, event in app.store.list_events(limit=10_000, source="job-boards")),
                    key=lambda event: event["dedupe_key"])
    parts = app.store.cursor_parts("job-boards")
    bodies = parts.bodies(parts.heads)
    return {"polls": [list(poll) for poll in polls], "events": events,
            "parts": {key: {"head": dict(head), "body": bodies.get(key)} for key, head in sorted(parts.heads.items())}}


def churn_record(server: BoardServer, tmp_path: Path, before_last: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Poll the boards four times (baseline, churn, same bodies, nothing changed) through the
    pipeline into a real store; return `_record` of it (and append to `before_last` the record
    before the last poll)."""
    app = _app(server, tmp_path)
    source = app.sources[0]
    polls = []
    for step, churned in enumerate((False, True, True, True)):
        if step == 1:
            _serve(server, churned=True)
        elif step == 0:
            _serve(server, churned=False)
        if step == 2:  # the same bodies under new validators: parsed again, nothing new, the second miss
            for provider, board in BOARDS:
                server.serve(provider, f"b{board}", Route(board_body(provider, board, True), etag=f'"b{board}-again"'))
        if step == 3 and before_last is not None:
            before_last.append(_record(app, polls))
        report = poll_source(app, source, NOW + timedelta(hours=6 * step))
        assert report.ok, report.error
        polls.append((report.new_events, report.new_alerts))
    record = _record(app, polls)
    app.http.close()
    app.store.close()
    return record


def _detected(record: dict[str, Any]) -> list[str]:
    return sorted({event["detected_at"] for event in record["events"]})


def test_a_churn_reports_and_stores_what_it_did_before_the_speed_ups(board_server: BoardServer, tmp_path: Path) -> None:
    before_last: list[dict[str, Any]] = []
    record = churn_record(board_server, tmp_path, before_last)
    # The last poll (every board answers 304) stores nothing: no event, no part rewritten.
    assert {key: value for key, value in before_last[0].items() if key != "polls"} == \
        {key: value for key, value in record.items() if key != "polls"}
    assert record["polls"][-1] == [0, 0]
    golden = json.loads(GOLDEN.read_text())
    # The recording is meaningful: posted roles with technologies and collapsed summaries, closes, a surge.
    changes = sorted({event["change"] for event in golden["events"]})
    assert changes == ["closed", "posted", "surge"]
    assert any("snowflake" in event["attributes"]["technologies"] for event in golden["events"])
    assert _detected(golden) == [(NOW + timedelta(hours=h)).isoformat().replace("+00:00", "Z") for h in (6, 12)]
    assert any("\u00a0" in event["summary"] or "\t" in event["summary"] for event in golden["events"]) is False
    assert record["polls"] == golden["polls"]
    assert len(record["events"]) == len(golden["events"])
    for ours, recorded in zip(record["events"], golden["events"]):
        assert ours == recorded, ours["dedupe_key"]
    assert record["parts"] == golden["parts"]


def _write_golden(tmp: Path) -> None:  # pragma: no cover - run by hand, see golden/README.md
    import threading
    from http.server import ThreadingHTTPServer

    from hiring_boardserver import _handler

    holder = BoardServer(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(holder))
    holder.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        record = churn_record(holder, tmp)
    finally:
        httpd.shutdown()
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


if __name__ == "__main__":  # pragma: no cover
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        _write_golden(Path(directory))
    print(f"wrote {GOLDEN} at {datetime.now().isoformat(timespec='seconds')}")
