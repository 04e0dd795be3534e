"""Third-party plugins are found through real entry points, and a broken one is reported by name.

Each test writes a minimal installed distribution into tmp_path (a module plus a `.dist-info`
folder with METADATA and entry_points.txt), puts tmp_path on sys.path and lets
importlib.metadata discover it, exactly as it discovers our own pyproject entry points.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from signalwatch.connectors import REGISTRY
from signalwatch.connectors.base import Connector
from signalwatch.events import SignalEvent, make_dedupe_key
from signalwatch.eventtypes import KINDS, EventKind, load_plugin_kinds
from signalwatch.plugins import PluginError, Registry
from signalwatch.sinks import SINKS

PLUGIN_SOURCE = '''
"""A third party's signalwatch plugin: one connector and the event type it emits."""
from datetime import timedelta

from signalwatch.connectors.base import Connector, FetchContext, Fetched, Normalized
from signalwatch.eventtypes import EventKind


class DemoConnector(Connector):
    kind = "thirdparty_demo"

    def fetch(self, ctx: FetchContext) -> Fetched:
        return Fetched(cursor=ctx.cursor)

    def normalize(self, fetched: Fetched, now) -> Normalized:
        return Normalized(events=[], cursor=dict(fetched.cursor))


class NotAConnector:
    kind = "thirdparty_demo"


DEMO_EVENT = EventKind("thirdparty_demo_signal", {"spotted": 3}, timedelta(days=7), ("where",), lambda change, attrs: None, rank=9)
'''


def install(root: Path, module: str, entry_points: str, source: str = PLUGIN_SOURCE) -> None:
    """Write `module` and an installed distribution declaring `entry_points` (INI text) under `root`."""
    (root / module).mkdir()
    (root / module / "__init__.py").write_text(source, encoding="utf-8")
    dist = root / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module.replace('_', '-')}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(textwrap.dedent(entry_points).lstrip(), encoding="utf-8")


@pytest.fixture
def plugin_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """tmp_path on sys.path, and a module name no other test uses (imported modules are cached)."""
    assert len(REGISTRY) and len(SINKS)  # the shared registries are loaded before our distribution is visible
    module = f"sw_plugin_{tmp_path.name.lower().replace('-', '_')}"
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path, module
    sys.modules.pop(module, None)


def connectors() -> Registry[Connector]:
    """A fresh registry of the connector group, scanned on first use like the shared one."""
    return Registry("signalwatch.connectors", Connector, lambda cls: cls.kind)


def test_a_third_party_connector_is_found_beside_ours(plugin_root: tuple[Path, str]) -> None:
    root, module = plugin_root
    install(root, module, f"""
        [signalwatch.connectors]
        thirdparty_demo = {module}:DemoConnector
    """)
    found = connectors()
    demo = found["thirdparty_demo"]
    assert demo.__module__ == module and demo.__name__ == "DemoConnector" and issubclass(demo, Connector)
    assert set(REGISTRY) < set(found)  # the bundled connectors are found the same way


def test_a_third_party_event_type_is_declared_through_its_entry_point(plugin_root: tuple[Path, str]) -> None:
    root, module = plugin_root
    install(root, module, f"""
        [signalwatch.event_types]
        thirdparty_demo_signal = {module}:DEMO_EVENT
    """)
    try:
        added = list(load_plugin_kinds())
        assert [kind.name for kind in added] == ["thirdparty_demo_signal"] and isinstance(added[0], EventKind)
        now = datetime(2026, 12, 1, tzinfo=timezone.utc)
        event = SignalEvent(type="thirdparty_demo_signal", change="spotted", source="demo", source_kind="thirdparty_demo",
                            source_id="1", title="Spotted", occurred_at=now, detected_at=now, dedupe_key=make_dedupe_key("demo", 1))
        assert event.type == "thirdparty_demo_signal"
    finally:
        KINDS.pop("thirdparty_demo_signal", None)  # the declarations are process-wide


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("other_name = {module}:DemoConnector", "names a class whose own name is 'thirdparty_demo'"),
        ("thirdparty_demo = {module}:NotAConnector", "is not a Connector"),
        ("thirdparty_demo = {module}_missing:DemoConnector", "failed to load"),
    ],
    ids=["name-differs-from-kind", "not-a-connector", "import-fails"],
)
def test_a_broken_plugin_is_a_plugin_error_naming_it(plugin_root: tuple[Path, str], entry: str, reason: str) -> None:
    root, module = plugin_root
    install(root, module, "[signalwatch.connectors]\n" + entry.format(module=module) + "\n")
    name = entry.split(" = ")[0]
    with pytest.raises(PluginError, match=reason) as caught:
        len(connectors())
    assert f"'{name}'" in str(caught.value) and "signalwatch.connectors" in str(caught.value)


def test_a_plugin_whose_module_raises_on_import_is_reported_with_the_cause(plugin_root: tuple[Path, str]) -> None:
    root, module = plugin_root
    install(root, module, f"[signalwatch.connectors]\nthirdparty_demo = {module}:DemoConnector\n",
            source="import signalwatch_demo_dependency_that_is_not_installed\n")
    with pytest.raises(PluginError, match=r"'thirdparty_demo'.*failed to load: No module named 'signalwatch_demo_dependency"):
        connectors()["thirdparty_demo"]
