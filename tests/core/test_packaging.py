"""The installed distribution: no generic top-level modules, default rules shipped, starter files valid."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from signalwatch.cli import build_parser, main
from signalwatch.config import load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (path,) = out.glob("signalwatch-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_installs_only_under_the_signalwatch_namespace(wheel: zipfile.ZipFile) -> None:
    top_levels = {name.split("/")[0] for name in wheel.namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert top_levels == {"signalwatch"}
    names = set(wheel.namelist())
    assert "signalwatch/connectors/rss.py" in names
    assert {"signalwatch/bundled_rules/icp.yaml", "signalwatch/bundled_rules/signals.yaml",
            "signalwatch/bundled_rules/policy.yaml", "signalwatch/bundled_rules/tests/signals_test.yaml"} <= names
    assert "signalwatch/demo/feeds/venture-news.xml" in names and "signalwatch/templates/signalwatch.yaml" in names


def test_wheel_licence_is_apache(wheel: zipfile.ZipFile) -> None:
    metadata = next(n for n in wheel.namelist() if n.endswith("METADATA"))
    assert "Apache" in wheel.read(metadata).decode()


def test_init_writes_a_working_starter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 0
    assert {p.name for p in (tmp_path / "rules").iterdir()} == {"icp.yaml", "policy.yaml", "signals.yaml", "hiring_and_stack.yaml", "tests"}
    assert (tmp_path / "rules" / "tests" / "signals_test.yaml").exists()
    settings = load_settings(tmp_path / "signalwatch.yaml")
    assert {s.type for s in settings.sources} == {"rss"}
    assert main(["rules", "check", str(tmp_path / "rules")]) == 0
    assert main(["init", str(tmp_path)]) == 1  # never overwrites an admin's edits silently
    assert "refusing to overwrite" in capsys.readouterr().err


def test_example_config_in_deploy_is_the_starter_config() -> None:
    starter = (ROOT / "signalwatch" / "templates" / "signalwatch.yaml").read_text()
    assert (ROOT / "deploy" / "signalwatch.example.yaml").read_text() == starter


def test_every_command_has_help() -> None:
    parser = build_parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    for name, sub in actions[0].choices.items():
        assert sub.description or sub.format_help(), name
        for action in sub._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                for child, child_parser in action.choices.items():
                    assert any(child == c.dest for c in action._choices_actions if c.help), f"{name} {child} has no help"


def test_every_folder_of_the_package_is_listed_in_pyproject() -> None:
    """Packages are listed, not discovered (connectors/ and rules/ install under our namespace): a new
    folder left out of the list would be missing from every install, with no error at build time."""
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    folders = set()
    for name, source in setuptools["package-dir"].items():
        for folder in [ROOT / source, *(ROOT / source).rglob("*")]:
            if folder.is_dir() and folder.name != "__pycache__" and any(p.is_file() for p in folder.iterdir()):
                folders.add(".".join([name, *folder.relative_to(ROOT / source).parts]))
    assert folders - listed == set()
    assert listed - folders == set()
