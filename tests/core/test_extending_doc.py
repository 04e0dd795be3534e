"""Every extension point is documented, the way Datasette fails a build for an undocumented hook."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_entry_point_group_is_documented_in_extending_md() -> None:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    doc = (ROOT / "docs" / "extending.md").read_text()
    assert set(groups) >= {"signalwatch.connectors", "signalwatch.sinks"}
    missing = [group for group in [*groups, "signalwatch.event_types"] if f"`{group}`" not in doc or f'"{group}"' not in doc]
    assert missing == [], f"document these entry-point groups (a table row and an example) in docs/extending.md: {missing}"
