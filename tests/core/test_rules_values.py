"""`rules check` validates the values a rule compares, not only its keys: a value no source
produces (an event type, a change, a function, a tier, a technology, a Slack channel) would make
the rule silently never fire. And it warns about routes to disabled sinks and rules that can
post the same event to the same channel. Everything goes through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.cli import main
from signalwatch.cli.core import write_starter


def workspace(tmp_path: Path, **files: str) -> Path:
    write_starter(tmp_path)
    for name, text in files.items():
        (tmp_path / "rules" / name).write_text(text, encoding="utf-8")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["rules", "check", *args])
    out = capsys.readouterr()
    return code, out.err + out.out


TYPOS = """\
rules:
  - id: typo-funding
    description: misspelled type and change
    match: {event.type: fundng, event.change: raisd}
  - id: typo-function
    description: misspelled function, a seniority that does not exist, a change of another type
    match:
      event.type: hiring
      event.change: appointed
      event.attributes.function: enginering
      event.attributes.seniority: [vp, chief]
      account.tier: [A, D]
    route:
      - {sink: slack, channel: "#Sales Signals"}
  - id: typo-tech
    description: misspelled technology and category
    match: {event.type: tech_stack, event.change: adopted, event.attributes.technology: hubspt,
            event.attributes.category: {in: [crm, crmm]}}
  - id: typo-in-route-when
    description: values in a route's when are checked too
    match: {event.type: leadership}
    route:
      - {sink: console, when: {event.attributes.function: {eq: salse}}}
"""


def test_values_no_source_produces_are_errors_at_their_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = workspace(tmp_path, **{"typos.yaml": TYPOS}) / "rules"
    code, output = check(capsys, str(folder))
    assert code == 1, output
    where = f"{folder / 'typos.yaml'}"
    expected = [
        f"{where}:4: unknown event type 'fundng' (did you mean 'funding'?)",
        f"{where}:4: 'raisd' is not a change of any event type (did you mean 'raised'?)",
        f"{where}:9: 'appointed' is not a change of hiring ('appointed' is a change of leadership)",
        f"{where}:10: 'enginering' is not a function that hiring events have (did you mean 'engineering'?)",
        f"{where}:11: 'chief' is not a seniority that hiring events have",
        f"{where}:12: tier 'D' is not defined in icp.yaml",
        f"{where}:14: Slack channel '#Sales Signals' cannot exist",
        f"{where}:17: 'hubspt' is not a technology that tech_stack events have (did you mean 'hubspot'?)",
        f"{where}:18: 'crmm' is not a category that tech_stack events have (did you mean 'crm'?)",
        f"{where}:23: 'salse' is not a function that leadership or hiring events have (did you mean 'sales'?)",
    ]
    for line in expected:
        assert line in output, f"missing {line!r} in:\n{output}"
    assert "10 error(s)" in output, output


def test_valid_values_pass_and_the_bundled_rules_stay_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = """\
rules:
  - id: values-ok
    description: every value is one a source produces (case-insensitive like matching)
    match:
      event.type: [hiring, Leadership]
      event.change: {in: [posted, appointed]}
      event.attributes.function: [sales, revops]
      event.attributes.seniority: {ne: ic}
      account.tier: [A, B]
    route:
      - {sink: slack, channel: "#emea-signals"}
      - {sink: slack, channel: C0123ABCD}
  - id: a-technology-only-fingerprint-files-add
    description: not in the bundled catalog, but an admin fingerprint file may define it
    match: {event.type: tech_stack, event.attributes.technology: our_inhouse_tool}
"""
    folder = workspace(tmp_path, **{"good.yaml": good}) / "rules"
    code, output = check(capsys, str(folder))
    assert code == 0, output
    assert "warning: 'our_inhouse_tool' is not a technology" in output
    assert "1 warning(s)" in output, output


def test_routes_to_disabled_sinks_and_rules_posting_the_same_event_twice_are_warnings(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = """\
rules:
  - id: tier-a-any-funding
    description: any funding at a tier A account
    match: {event.type: funding, account.tier: A}
    route:
      - {sink: slack, channel: "#sales-signals"}
  - id: tier-c-funding
    description: disjoint tiers never post the same event
    match: {event.type: funding, account.tier: C}
    route:
      - {sink: slack, channel: "#sales-signals"}
  - id: layoffs-elsewhere
    description: another type never overlaps
    match: {event.type: layoffs}
    route:
      - {sink: slack, channel: "#sales-signals"}
"""
    root = workspace(tmp_path, **{"extra.yaml": extra})
    code = main(["-c", str(root / "signalwatch.yaml"), "rules", "check", "--strict"])
    out = capsys.readouterr()
    output = out.err + out.out
    assert code == 3, output
    signals = root / "rules" / "signals.yaml"
    # the starter config leaves Slack disabled: every Slack route would dead-letter
    assert f"{signals}:17: warning: sink 'slack' is not enabled in the config" in output, output
    overlap = [line for line in output.splitlines() if "can both alert on the same" in line]
    assert overlap == [f"{signals}:5: warning: rules 'tier-a-any-funding' and 'funding-round' can both alert on the same"
                       " funding event in slack #sales-signals: it is posted once, naming both (narrow one, or route it elsewhere)"]
    # without a config there is nothing to say about sinks
    code = main(["rules", "check", str(root / "rules")])
    output = capsys.readouterr().out
    assert code == 0 and "not enabled" not in output


def test_a_config_that_does_not_load_is_named_not_silently_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace(tmp_path)
    config = root / "signalwatch.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("database:", "databse:", 1), encoding="utf-8")
    code = main(["-c", str(config), "rules", "check"])
    output = capsys.readouterr().err
    assert code == 0  # the rule files themselves are fine
    assert f"warning: {config} does not load" in output and "unknown key 'databse' (did you mean 'database'?)" in output
