"""Rule files that would silently misbehave, or take the daemon down, are refused at file:line.

Each test goes through `signalwatch rules check` / `rules test`, the loader, or the daemon's
own reload path: an empty match block, a numeric test on text, an operator inside a list, a
regex that backtracks without bound, a "billion laughs" of YAML aliases, a test step that
expects nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from signalwatch.cli import main
from signalwatch.config import load_settings
from signalwatch.eventtypes import KINDS
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.runtime.app import build_app
from signalwatch.runtime.scheduler import RulesWatcher
from signalwatch.yamlload import AdminInputError
from tests.conftest import SLACK_TOKEN, Workspace
from tests.core.test_rules_check import check, rules_dir

BUNDLED_KINDS = ("funding", "acquisition", "leadership", "layoffs", "hiring", "tech_stack")


def rule(match: str, rule_id: str = "r1") -> str:
    """A rule file with one rule whose `match:` block is `match` (its first line is line 5)."""
    return f"rules:\n  - id: {rule_id}\n    description: x\n    match:\n{match}"


def billion_laughs(levels: int) -> str:
    """Nested aliases, ten of the level below on each level: 10**levels strings once expanded."""
    lines = ['lol0: &l0 "lol"']
    lines += [f"lol{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, levels + 1)]
    return "\n".join([*lines, f"rules: *l{levels}"]) + "\n"


# -- 1. an empty match block --------------------------------------------------------------

def test_an_empty_match_block_is_an_error_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(tmp_path, **{
        "empty.yaml": "rules:\n  - id: everything\n    description: x\n    match: {}\n",
        "nested.yaml": rule("      event.type: funding\n      any_of: [{}, {event.change: raised}]\n"),
        "when.yaml": rule("      event.type: funding\n", "routed") + "    route:\n      - {sink: console, when: {}}\n",
    })
    code, output = check(folder, capsys)
    assert code == 1
    assert f"{folder / 'empty.yaml'}:4: an empty match block matches everything" in output
    assert f"{folder / 'nested.yaml'}:6: an empty match block matches everything" in output
    assert f"{folder / 'when.yaml'}:7: an empty match block matches everything" in output


def test_an_empty_exclusion_would_exclude_every_account(tmp_path: Path) -> None:
    icp = ("tiers:\n  - name: A\n    must: {employees: {gte: 10}}\n  - name: B\n    must: {}\n  - name: C\n"
           "exclude:\n  - name: oops\n    match: {}\n")
    folder = rules_dir(tmp_path, **{"icp.yaml": icp})
    with pytest.raises(AdminInputError) as caught:
        load_ruleset(folder)
    errors = [str(issue) for issue in caught.value.issues if issue.severity == "error"]
    # a tier without criteria is a catch-all on purpose; an exclusion without one is an accident
    assert errors == [f"{folder / 'icp.yaml'}:9: an empty match block matches everything: add at least one condition"]


# -- 2. numeric comparisons on fields that are not numbers --------------------------------

def test_a_numeric_comparison_on_a_text_field_names_its_type(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(tmp_path, **{"numbers.yaml": rule(
        "      event.title: {gte: 5}\n"
        "      account.name: {lte: 3}\n"
        "      event.attributes.title: {gt: 1}\n"
        "      account.tags: {gte: 2}\n"
        "      event.occurred_at: {lt: 20260101}\n"
    )})
    code, output = check(folder, capsys)
    assert code == 1
    path = folder / "numbers.yaml"
    assert f"{path}:5: gte compares numbers, but event.title is text: it would never match" in output
    assert f"{path}:6: lte compares numbers, but account.name is text" in output
    assert f"{path}:7: gt compares numbers, but event.attributes.title is text" in output
    assert f"{path}:8: gte compares numbers, but account.tags is a list" in output
    assert f"{path}:9: lt compares numbers, but event.occurred_at is a date (ISO text)" in output


def test_numeric_fields_and_attributes_may_be_compared(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"numbers.yaml": rule(
        "      event.attributes.amount: {gte: 1000000}\n"
        "      event.attributes.amount_usd: {gte: 1000000}\n"
        "      event.attributes.count: {gte: 100}\n"
        "      event.attributes.percentage: {gt: 10}\n"
        "      event.attributes.open_roles: {gte: 5}\n"
        "      event.attributes.confidence: {gte: 0.7}\n"
        "      event.attributes.new_roles: {gte: 3}\n"  # undeclared (a surge detail): its type is unknown
        "      event.match_confidence: {gte: 0.8}\n"
        "      account.employees: {gte: 50, lte: 5000}\n"
        "      account.revenue: {gt: 1000000}\n"
        "      account.fit_score: {gte: 0.5}\n"
    )})
    assert load_ruleset(folder).rules


def test_an_icp_criterion_is_type_checked_too(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"icp.yaml": "tiers:\n  - name: A\n    must:\n      country: {gte: 3}\n"})
    with pytest.raises(AdminInputError) as caught:
        load_ruleset(folder)
    assert f"{folder / 'icp.yaml'}:4: gte compares numbers, but account.country is text" in str(caught.value)


def test_every_declared_attribute_of_a_bundled_event_type_has_a_type() -> None:
    # a new attribute in eventtypes.py must say whether rules may compare it as a number
    from signalwatch.eventtypes import LIST, NUMBER, TEXT, YES_NO

    for name in BUNDLED_KINDS:
        assert set(KINDS[name].attributes.values()) <= {NUMBER, TEXT, LIST, YES_NO}, name


# -- 3. operators inside a list ----------------------------------------------------------

def test_a_regex_inside_a_list_is_an_error_with_the_form_meant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(tmp_path, **{"lists.yaml": rule(
        '      event.title: [{regex: "vp"}, {regex: "chief"}]\n'
        "      event.attributes.round: [seed, {gte: 5}]\n"
        '      event.summary: {in: [{regex: "x"}]}\n'
        "      event.change: {eq: [raised, reported]}\n"
    )})
    code, output = check(folder, capsys)
    assert code == 1
    path = folder / "lists.yaml"
    assert (f'{path}:5: a list under event.title means "one of these values", and {{regex: "vp"}} is not a value:'
            f' it would never match; write event.title: {{regex: "vp|chief"}}') in output
    assert (f"{path}:6: a list under event.attributes.round means \"one of these values\", and {{gte: 5}} is not a value:"
            f' it would never match; write any_of: [{{event.attributes.round: ["seed"]}}, {{event.attributes.round: {{gte: 5}}}}]') in output
    assert f'{path}:7: a list under event.summary means "one of these values"' in output
    assert f"{path}:8: eq takes one value, not a list; for several write event.change: {{in: [...]}}" in output


# -- 4. regexes that backtrack without bound ---------------------------------------------

@pytest.mark.parametrize("regex,why", [
    (r"(\\w+\\s?)+$", "a repeat inside a repeat"),
    (r"(a+)+", "a repeat inside a repeat"),
    (r"(.*)*", "a repeat inside a repeat"),
    (r"(a|a)*", "alternatives inside a repeat that can start alike"),
    (r"(vp|vp of)+ sales", "alternatives inside a repeat that can start alike"),
    (r"a.*b.*c", "repeats in a row that can take the same text"),
    (r"VP.*of.*Sales", "repeats in a row that can take the same text"),
])
def test_a_regex_that_can_backtrack_without_bound_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               regex: str, why: str) -> None:
    folder = rules_dir(tmp_path, **{"slow.yaml": rule(f'      event.title: {{regex: "{regex}"}}\n')})
    code, output = check(folder, capsys)
    assert code == 1
    assert f"{folder / 'slow.yaml'}:5: {why}" in output


def test_the_common_regex_shapes_are_accepted_and_fast_on_hostile_text(tmp_path: Path) -> None:
    regexes = [r"\\b(VP|vice president|head|director|chief)\\b.*\\b(sales|revenue)\\b|\\bCRO\\b", r"VP.{0,40}Sales",
               r"\\$\\d+(\\.\\d+)?\\s*(m|million)", r"\\d{1,3}(,\\d{3})*", r"(?:foo|bar)+", r".*foo.*", r"\\w+\\s+\\w+"]
    folder = rules_dir(tmp_path, **{"fine.yaml": "rules:\n" + "".join(
        f'  - id: r{n}\n    description: x\n    match: {{event.title: {{regex: "{regex}"}}}}\n' for n, regex in enumerate(regexes))})
    ruleset = load_ruleset(folder)
    hostile = ["vp " * 40_000, "1," * 50_000, "foo" * 30_000, "a" * 54 + "!", "a " * 50_000 + "!"]
    started = time.perf_counter()
    for rule_ in ruleset.rules:
        for text in hostile:
            rule_.selections[0].match.matches({"event": {"title": text}})
    assert time.perf_counter() - started < 5  # ≤ 2,000 characters each: milliseconds, not the 26.8 s of before


def test_a_regex_sees_the_first_2000_characters_of_a_text(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"cap.yaml": rule('      event.summary: {regex: "vp sales"}\n')})
    match = load_ruleset(folder).rules[0].selections[0].match
    assert match.matches({"event": {"summary": "x" * 1_990 + " VP Sales"}})
    assert not match.matches({"event": {"summary": "x" * 2_000 + " VP Sales"}})


# -- 5. YAML aliases ---------------------------------------------------------------------

def test_a_billion_laughs_file_fails_fast_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 10**6 strings once expanded (the reported file had 10**9 and reached 10 GB): the refusal
    # is the same, and a loader without it fails this test in seconds instead of eating memory
    folder = rules_dir(tmp_path, **{"laughs.yaml": billion_laughs(6)})
    started = time.perf_counter()
    code, output = check(folder, capsys)
    assert time.perf_counter() - started < 1
    assert code == 1
    assert f"{folder / 'laughs.yaml'}:5: aliases expand the file past 10,000 nodes here" in output


def test_a_self_referencing_alias_fails_fast(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"laughs.yaml": "rules: &r\n  - *r\n"})
    with pytest.raises(AdminInputError, match="laughs.yaml:1: an alias inside its own anchor"):
        load_ruleset(folder)


def test_a_few_aliases_still_work(tmp_path: Path) -> None:
    shared = ("rules:\n"
              "  - {id: a, description: x, match: &funding {event.type: funding}, route: &routes [{sink: console}]}\n"
              "  - {id: b, description: x, match: {<<: *funding, account.tier: A}, route: *routes}\n")
    ruleset = load_ruleset(rules_dir(tmp_path, **{"routes.yaml": shared}))
    b = next(r for r in ruleset.rules if r.id == "b")
    assert sorted(t.path for t in b.selections[0].match.tests) == ["account.tier", "event.type"]  # a merge key too


def test_the_daemon_keeps_its_last_good_rules_when_a_billion_laughs_arrives(
        workspace: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", SLACK_TOKEN)
    app = build_app(load_settings(workspace.config))
    try:
        watcher = RulesWatcher(app)
        before = app.rules
        (workspace.root / "rules" / "signals.yaml").write_text(billion_laughs(6), encoding="utf-8")
        started = time.perf_counter()
        assert watcher.check() is False
        assert time.perf_counter() - started < 1
        assert app.rules is before and any(r.id == "funding-round" for r in app.rules.rules)
        assert "reload failed, keeping the last good rules" in caplog.text
        assert "signals.yaml:5: aliases expand the file past 10,000 nodes" in caplog.text
    finally:
        app.close()


def rule_test(tmp_path: Path, capsys: pytest.CaptureFixture[str], account: str, steps: str) -> tuple[int, str, str]:
    """`signalwatch rules test` on a one-case file (one account, the given steps) against the starter rules: exit code, stdout, stderr."""
    folder = rules_dir(tmp_path)
    cases = tmp_path / "case_test.yaml"
    cases.write_text(
        "tests:\n"
        "  - name: one case\n"
        "    now: 2026-11-20T15:00:00Z\n"
        f"    accounts: [{{name: {account}, domain: acme.example, industry: software, employees: 500}}]\n"
        "    steps:\n" + steps,
        encoding="utf-8",
    )
    code = main(["rules", "test", str(cases), "--rules", str(folder)])
    output = capsys.readouterr()
    return code, output.out, output.err


# -- 6. a rule test step without `expect` ------------------------------------------------

def test_a_rule_test_step_without_expect_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(tmp_path)
    cases = tmp_path / "silent_test.yaml"
    cases.write_text(
        "tests:\n"
        "  - name: checks nothing\n"
        "    now: 2026-11-20T15:00:00Z\n"
        "    accounts: [{name: Acme, domain: acme.example, industry: software, employees: 500}]\n"
        "    steps:\n"
        "      - events: [{type: funding, change: raised, company: Acme}]\n"
        "      - {restart: true}\n"
        "      - {at: 1h, events: [{type: funding, change: raised, company: Acme}], expect: {}}\n",
        encoding="utf-8",
    )
    code = main(["rules", "test", str(cases), "--rules", str(folder)])
    output = capsys.readouterr()
    assert code == 1
    assert f"{cases}:6: step 1: no `expect`: a step must say which accounts each rule alerts" in output.err
    assert f"{cases}:8: step 3: no `expect`" in output.err
    assert ":7:" not in output.err  # a bare restart step needs no expectation
    assert "all rule tests passed" not in output.out


def test_the_bundled_rule_tests_still_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(tmp_path)
    code = main(["rules", "test", *map(str, sorted((folder / "tests").glob("*.yaml"))), "--rules", str(folder)])
    assert code == 0, capsys.readouterr()


def test_a_misspelt_change_in_a_rule_test_names_the_valid_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = rule_test(tmp_path, capsys, "Acme", "      - events: [{type: funding, change: riased, company: Acme}]\n        expect: {}\n")
    assert code == 1
    assert "change 'riased' is not valid for funding (did you mean 'raised'?); valid: raised, reported" in err, err


def test_an_expected_account_that_the_test_does_not_have_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typo in an expected account read as a plain mismatch ("expected ['Acme Robotic'], got ['Acme Robotics']")."""
    code, out, err = rule_test(tmp_path, capsys, "Acme Robotics", "      - events: [{type: funding, change: raised, company: Acme Robotics}]\n"
                                                                "        expect: {funding-round: [Acme Robotic]}\n")
    assert code == 1
    assert "('Acme Robotic' is no account of this test (did you mean 'Acme Robotics'?))" in out + err, (out, err)
