"""Admin YAML reads yes/no/on/off as words (YAML 1.2), not booleans: Norway is `NO`, and `mode: off` is off."""

from __future__ import annotations

from pathlib import Path

from signalwatch.accounts import Account
from signalwatch.cli.core import write_starter
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.yamlload import load_yaml


def test_norway_in_an_icp_country_list_is_norway(tmp_path: Path) -> None:
    """`country: [US, NO]` was read as ['US', False]: Norwegian accounts silently missed the tier."""
    write_starter(tmp_path)
    icp = tmp_path / "rules" / "icp.yaml"
    text = icp.read_text(encoding="utf-8")
    icp.write_text(text.replace("      employees: {gte: 200, lte: 5000}\n", "      employees: {gte: 200, lte: 5000}\n      country: [US, NO]\n", 1),
                   encoding="utf-8")
    ruleset = load_ruleset(tmp_path / "rules")
    assert ruleset.icp.fit(Account(1, "Kahoot", "kahoot.com", industry="software", employees=600, country="NO")).tier == "A"
    assert ruleset.icp.fit(Account(2, "Spotify", "spotify.com", industry="software", employees=600, country="SE")).tier == "B"


def test_only_true_and_false_are_booleans() -> None:
    loaded, issues = load_yaml("x.yaml", "a: [yes, no, on, off, y, n]\nb: true\nc: FALSE\nd: null\n")
    assert not issues and loaded is not None
    assert loaded.data == {"a": ["yes", "no", "on", "off", "y", "n"], "b": True, "c": False, "d": None}
