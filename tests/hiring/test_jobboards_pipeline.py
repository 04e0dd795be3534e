"""The `jobboards` source through the real pipeline: config file, store, status, and re-polls."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from hiring_boardserver import NOW, PATHS, BoardServer, Route

from signalwatch.accounts import Account
from signalwatch.config import load_settings
from signalwatch.runtime.app import App, build_app
from signalwatch.runtime.pipeline import poll_source

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_boards_poll_through_config_store_and_status(board_server: BoardServer, tmp_path: Path) -> None:
    board_server.serve("greenhouse", "acme", Route(b'{"jobs": [], "meta": {"total": 0}}'))
    templates = {provider: board_server.base + path for provider, path in PATHS.items()}
    config = tmp_path / "signalwatch.yaml"
    config.write_text(
        f"database: sw.db\nrules_dir: {RULES}\n"
        "http: {allow_private_addresses: true, per_host_interval: 0, max_attempts: 1}\n"
        "sources:\n"
        "  - name: job-boards\n    type: jobboards\n    interval: 6h\n    concurrency: 4\n"
        f"    threshold: 5\n    window: 30d\n    url_templates: {json.dumps(templates)}\n"
    )
    app = build_app(load_settings(config))
    app.store.upsert_accounts(
        [Account(id=0, name="Acme", domain="acme.com", boards=("greenhouse:acme", "lever:gone"))], NOW
    )
    source = app.sources[0]
    first = poll_source(app, source, NOW)
    assert first.ok and first.new_events == 0
    status = {s.source: s for s in app.store.source_status()}["job-boards"]
    assert "HTTP 404" in status.target_errors["lever:gone"]
    board_server.serve_fixture("greenhouse", "acme", "greenhouse/acme.json")
    second = poll_source(app, source, NOW + timedelta(hours=6))
    assert second.ok and second.new_events == 3
    events = [event for _, event in app.store.list_events(source="job-boards")]
    assert sorted((e.change, e.attributes["function"], e.account_id) for e in events) == [
        ("posted", "engineering", 1), ("posted", "revops", 1), ("posted", "sales", 1)]
    saved = stored_parts(app)
    assert set(saved) == {"greenhouse:acme", "account:1"} and len(saved["greenhouse:acme"][1]["jobs"]) == 3
    third = poll_source(app, source, NOW + timedelta(hours=12))
    assert third.ok and third.new_events == 0
    assert stored_parts(app) == saved  # an unchanged board's state is neither rewritten nor lost
    app.http.close()
    app.store.close()


def stored_parts(app: App) -> dict[str, tuple[dict, dict]]:
    """The source's cursor parts as stored: key → (head, body)."""
    parts = app.store.cursor_parts("job-boards")
    bodies = parts.bodies(parts.heads)
    return {key: (dict(head), bodies[key]) for key, head in parts.heads.items()}
