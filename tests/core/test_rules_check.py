"""Admin input fails loudly and completely: every error at once, as file:line: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.cli import main
from signalwatch.cli.core import write_starter
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.yamlload import AdminInputError

GOOD_RULE = """\
rules:
  - id: ok-rule
    description: fine
    match:
      event.type: funding
"""


def rules_dir(tmp_path: Path, **files: str) -> Path:
    write_starter(tmp_path)
    folder = tmp_path / "rules"
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def check(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["rules", "check", str(folder)])
    out = capsys.readouterr()
    return code, out.err + out.out


def test_the_default_rules_are_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = check(rules_dir(tmp_path), capsys)
    assert code == 0, output
    assert "3 ICP tiers" in output


def test_a_typo_a_bad_type_and_a_bad_indent_are_all_reported_with_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = rules_dir(
        tmp_path,
        **{
            "typo.yaml": "rules:\n  - id: typo-rule\n    description: x\n    match:\n      event.type: funding\n    priorty: P1\n",
            "badtype.yaml": "rules:\n  - id: bad-type\n    description: x\n    match:\n      account.employees: {gte: lots}\n    max_age: soon\n",
            "indent.yaml": "rules:\n  - id: indent\n    description: x\n   match:\n      event.type: funding\n",
        },
    )
    code, output = check(folder, capsys)
    assert code == 1
    typo = str(folder / "typo.yaml")
    assert f"{typo}:6: unknown key 'priorty' (did you mean 'priority'?)" in output
    bad = str(folder / "badtype.yaml")
    assert f"{bad}:5: gte takes a number, got 'lots'" in output
    assert f"{bad}:6: rules.0.max_age" in output
    assert f"{folder / 'indent.yaml'}:4: invalid YAML" in output


def test_unknown_fields_operators_sinks_and_tiers_get_suggestions(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"more.yaml": """\
rules:
  - id: r1
    description: x
    match:
      event.typ: funding
      account.tier: [A, D]
      event.attributes.round: {inn: [seed]}
      event.title: {regex: "(unclosed"}
    route:
      - sink: slak
  - id: r1
    description: duplicate id
    match: {event.type: hiring}
"""})
    with pytest.raises(AdminInputError) as caught:
        load_ruleset(folder)
    messages = "\n".join(str(issue) for issue in caught.value.issues)
    assert ":5: unknown event field 'typ' (did you mean 'type'?)" in messages
    assert ":6: tier 'D' is not defined in icp.yaml" in messages
    assert ":7: unknown operator 'inn' (did you mean 'in'?)" in messages
    assert ":8: regex does not compile" in messages
    assert ":10: " in messages and "unknown sink 'slak' (did you mean 'slack'?)" in messages
    assert ":11: duplicate rule id 'r1'" in messages


def test_icp_errors_are_reported_too(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"icp.yaml": "tiers:\n  - name: A\n    must:\n      employes: {gte: 10}\nexclud: []\n"})
    with pytest.raises(AdminInputError) as caught:
        load_ruleset(folder)
    messages = [str(issue) for issue in caught.value.issues]
    assert any(":4: unknown account field 'employes' (did you mean 'employees'?)" in m for m in messages)
    assert any(":5: unknown key 'exclud' (did you mean 'exclude'?)" in m for m in messages)


def test_config_errors_are_all_reported_and_run_starts_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    config = tmp_path / "signalwatch.yaml"
    config.write_text("databse: x.db\nsources:\n  - name: a\n    type: rss\n    url: http://x.example/f\n    intervall: 5m\n"
                      "  - name: b\n    type: rsss\n", encoding="utf-8")
    code = main(["-c", str(config), "run", "--once"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{config}:1: unknown key 'databse' (did you mean 'database'?)" in err
    assert f"{config}:6: unknown key 'intervall' for a rss source (did you mean 'interval'?)" in err
    assert f"{config}:8: unknown source type 'rsss' (did you mean 'rss'?)" in err
    assert not (tmp_path / "signalwatch.db").exists()


def test_run_refuses_to_start_on_broken_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    (tmp_path / "rules" / "broken.yaml").write_text(GOOD_RULE + "    colour: red\n", encoding="utf-8")
    code = main(["-c", str(tmp_path / "signalwatch.yaml"), "run", "--once"])
    err = capsys.readouterr().err
    assert code == 2 and "broken.yaml:6: unknown key 'colour'" in err and "nothing was started" in err
    assert not (tmp_path / "signalwatch.db").exists()


def test_sink_blocks_are_checked_per_sink(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    config = tmp_path / "signalwatch.yaml"
    config.write_text("sinks:\n  slak: {}\n  slack:\n    enabeld: true\n", encoding="utf-8")
    assert main(["-c", str(config), "status"]) == 2
    err = capsys.readouterr().err
    assert f"{config}:2: unknown sink 'slak' (did you mean 'slack'?)" in err
    assert f"{config}:4: unknown key 'enabeld' (did you mean 'enabled'?)" in err


def test_enabled_slack_without_its_token_stops_run_but_not_status(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write_starter(tmp_path)
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    config = tmp_path / "signalwatch.yaml"
    config.write_text("sinks:\n  slack:\n    enabled: true\n", encoding="utf-8")
    assert main(["-c", str(config), "run", "--once"]) == 2
    assert f"{config}:3: slack is enabled but $SLACK_BOT_TOKEN is not set" in capsys.readouterr().err
    assert main(["-c", str(config), "status"]) == 0


def test_a_persona_on_a_suppression_is_an_error_not_silently_ignored(tmp_path: Path) -> None:
    folder = rules_dir(tmp_path, **{"quiet.yaml": """rules:
  - id: quiet-partners
    kind: suppression
    description: partners never alert
    match:
      account.tags: {contains: partner}
    permanent: true
    persona: finance
"""})
    with pytest.raises(AdminInputError) as caught:
        load_ruleset(folder)
    messages = "\n".join(str(issue) for issue in caught.value.issues)
    assert "quiet.yaml:8: a suppression sends no alert, so `persona` has no effect" in messages
