"""What a new user meets first, from a fresh `signalwatch init`: the starter config edited the way
the README and its comments say, and the messages when something is missing or wrong."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from signalwatch.cli.core import write_starter
from tests.inprocess import run_signalwatch

SLACK_TOKEN = "xoxb-walkthrough-0000"


def starter(root: Path) -> Path:
    """A fresh `signalwatch init` folder; returns its config file."""
    write_starter(root)
    return root / "signalwatch.yaml"


def edit(config: Path, old: str, new: str) -> None:
    """Replace one line of the starter config, as a user editing it would."""
    text = config.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    config.write_text(text.replace(old, new), encoding="utf-8")


def line_of(config: Path, needle: str) -> int:
    return next(n for n, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def signalwatch(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("SLACK_", "HUBSPOT_", "SALESFORCE_", "SIGNALWATCH_"))}
    return run_signalwatch(["-c", str(root / "signalwatch.yaml"), *args], root, {**base, **env})


def slack_on(config: Path) -> None:
    edit(config, "    enabled: false                 # set true and export SLACK_BOT_TOKEN",
         "    enabled: true                  # set true and export SLACK_BOT_TOKEN")


# 1. `mode: off`, as documented, is YAML's False.

def test_actions_mode_off_written_bare_as_documented_is_accepted(tmp_path: Path) -> None:
    config = starter(tmp_path)
    slack_on(config)
    edit(config, "      mode: socket_mode", "      mode: off")
    result = signalwatch(tmp_path, "status", SLACK_BOT_TOKEN=SLACK_TOKEN)
    assert result.returncode == 0, result.stderr
    assert "got False" not in result.stderr


def test_actions_mode_on_is_refused_with_the_modes_named(tmp_path: Path) -> None:
    config = starter(tmp_path)
    edit(config, "      mode: socket_mode", "      mode: on")
    result = signalwatch(tmp_path, "status")
    assert result.returncode == 2
    assert f"signalwatch.yaml:{line_of(config, 'mode: on')}: sinks.slack.actions.mode" in result.stderr
    assert "off, socket_mode or http" in result.stderr


# 2. The daemon's missing button secret is blamed on `actions.mode`, with the way out.

@pytest.mark.parametrize(("mode", "env"), [("socket_mode", "SLACK_APP_TOKEN"), ("http", "SLACK_SIGNING_SECRET")])
def test_missing_button_secret_points_at_actions_mode(tmp_path: Path, mode: str, env: str) -> None:
    from signalwatch.config import load_settings
    from signalwatch.yamlload import AdminInputError

    config = starter(tmp_path)
    slack_on(config)
    edit(config, "      mode: socket_mode", f"      mode: {mode}")
    saved = {k: os.environ.pop(k) for k in [env] if k in os.environ}
    os.environ["SLACK_BOT_TOKEN"] = SLACK_TOKEN
    try:
        with pytest.raises(AdminInputError) as raised:
            load_settings(config, require_secrets=True, daemon=True)
        load_settings(config, require_secrets=True)  # `run --once` needs no button secret
    finally:
        os.environ.pop("SLACK_BOT_TOKEN")
        os.environ.update(saved)
    message = str(raised.value)
    assert f"signalwatch.yaml:{line_of(config, f'mode: {mode}')}: sinks.slack.actions.mode is {mode}: ${env} is not set" in message
    assert "`mode: off`" in message
    assert "slack is enabled but" not in message
    assert re.search(r"signalwatch\.yaml:\d+:", message)


# 3. A database that cannot be opened: one line naming the setting, never a traceback or a password;
#    exit 2 (systemd gives up) for a wrong setting, 1 (systemd retries) for a server that may come back.

COMMANDS = [("run", "--once"), ("status",), ("doctor",), ("accounts", "import", "accounts.csv"), ("events", "list"), ("outbox", "list"),
            ("maintenance", "prune")]


def refused_port() -> int:
    """A loopback port nothing listens on: connecting to it is refused."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_unopenable_sqlite_path_in_the_config_exits_2_naming_database(tmp_path: Path, command: tuple[str, ...]) -> None:
    config = starter(tmp_path)
    edit(config, "database: signalwatch.db", f"database: {tmp_path / 'no-such-folder' / 'x.db'}")
    result = signalwatch(tmp_path, *command)
    assert result.returncode == 2, result.stderr
    assert "`database:`" in result.stderr and "no-such-folder" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize(("url", "says"), [
    ("foo://x", "unknown database type 'foo'"),
    ("mysql://admin:hunter2-secret@127.0.0.1/crm", "driver is not installed"),
    ("not a url", "is not a database URL"),
])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_impossible_database_url_exits_2(tmp_path: Path, command: tuple[str, ...], url: str, says: str) -> None:
    starter(tmp_path)
    result = signalwatch(tmp_path, *command, SIGNALWATCH_DATABASE_URL=url)
    assert result.returncode == 2, result.stderr
    assert "$SIGNALWATCH_DATABASE_URL" in result.stderr and says in result.stderr
    assert "hunter2-secret" not in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_refused_postgresql_is_transient_exit_1_without_the_password(tmp_path: Path, command: tuple[str, ...]) -> None:
    starter(tmp_path)
    url = f"postgresql+psycopg://signalwatch:hunter2-secret@127.0.0.1:{refused_port()}/signalwatch?connect_timeout=5"
    result = signalwatch(tmp_path, *command, SIGNALWATCH_DATABASE_URL=url)
    assert result.returncode == 1, result.stderr
    assert "cannot reach the database" in result.stderr and "$SIGNALWATCH_DATABASE_URL" in result.stderr
    assert "signalwatch:***@127.0.0.1" in result.stderr
    assert "hunter2-secret" not in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


# 4. Salesforce switched on with the starter's empty `instance_url`.

def test_salesforce_enabled_without_instance_url_is_a_config_error_at_its_line(tmp_path: Path) -> None:
    config = starter(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  salesforce:\n    enabled: false", "  salesforce:\n    enabled: true", 1), encoding="utf-8")
    result = signalwatch(tmp_path, "run", "--once", SALESFORCE_ACCESS_TOKEN="00Dxx!token")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    line = line_of(config, 'instance_url: ""')
    assert f"signalwatch.yaml:{line}: sinks.salesforce.instance_url:" in result.stderr
    assert "instance_url is not set, e.g. https://yourorg.my.salesforce.com" in result.stderr


# 6. Remote base URLs without a scheme are refused when the file is loaded, not at the first send.

@pytest.mark.parametrize(("old", "new", "key"), [
    ("    base_url: https://slack.com/api/", "    base_url: slack.com/api/", "sinks.slack.base_url"),
    ("    host: https://api.hubapi.com", "    host: api.hubapi.com", "sinks.hubspot.host"),
    ('    instance_url: ""  ', "    instance_url: yourorg.my.salesforce.com  ", "sinks.salesforce.instance_url"),
])
def test_remote_url_without_scheme_is_refused_at_load(tmp_path: Path, old: str, new: str, key: str) -> None:
    config = starter(tmp_path)
    edit(config, old, new)
    result = signalwatch(tmp_path, "status")
    assert result.returncode == 2, result.stderr
    assert f"signalwatch.yaml:{line_of(config, new.strip())}: {key}:" in result.stderr
    assert "expected an http(s) URL" in result.stderr


# 5. `sources add --interval` is checked by the config's duration parser before the file is written.

@pytest.mark.parametrize("interval", ["banana", "0", "15 parsecs"])
def test_sources_add_refuses_an_interval_the_config_would_refuse(tmp_path: Path, interval: str) -> None:
    config = starter(tmp_path)
    before = config.read_text(encoding="utf-8")
    result = signalwatch(tmp_path, "sources", "add", "sifted", "--interval", interval)
    assert result.returncode == 2
    assert "--interval" in result.stderr and repr(interval) in result.stderr
    assert config.read_text(encoding="utf-8") == before
    assert signalwatch(tmp_path, "status").returncode == 0


def test_sources_add_refuses_a_bare_interval_under_a_minute_and_writes_a_bare_one_with_its_unit(tmp_path: Path) -> None:
    config = starter(tmp_path)
    short = signalwatch(tmp_path, "sources", "add", "sifted", "--interval", "15")
    assert short.returncode == 2 and "write 15m for minutes" in short.stderr, short.stderr
    assert signalwatch(tmp_path, "sources", "add", "sifted", "--interval", "900").returncode == 0
    assert "    interval: 900s\n" in config.read_text(encoding="utf-8")  # read back as 15 minutes, not refused
    assert signalwatch(tmp_path, "status").returncode == 0


def test_sources_add_writes_a_valid_interval_the_config_accepts(tmp_path: Path) -> None:
    config = starter(tmp_path)
    result = signalwatch(tmp_path, "sources", "add", "sifted", "--interval", "2h")
    assert result.returncode == 0, result.stderr
    assert "    interval: 2h\n" in config.read_text(encoding="utf-8")
    status = signalwatch(tmp_path, "status")
    assert status.returncode == 0, status.stderr
    assert "sifted" in status.stdout


# 7. The demo's "inspect with" command is one that works where the user is, e.g. after a pip install.

def test_demo_outside_the_checkout_prints_a_command_that_works(tmp_path: Path) -> None:
    import shlex
    import sys

    bin_dir = Path(sys.executable).parent  # where pip put the `signalwatch` console script
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("SIGNALWATCH_CONFIG", None)
    demo = subprocess.run(["signalwatch", "demo", "--dir", "my demo"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    assert ".venv/bin/signalwatch" not in demo.stdout
    inspect = demo.stdout.split("Inspect with: ", 1)[1].splitlines()[0]
    command = shlex.split(inspect.split(" | ")[0])
    assert command == ["signalwatch", "-c", "my demo/signalwatch.yaml", "status"]
    status = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert status.returncode == 0, status.stderr
    assert "venture-news" in status.stdout


# 8. `signalwatch --version`, looked up only when asked.

def test_version_prints_the_installed_distributions_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    result = run_signalwatch(["--version"], tmp_path, os.environ)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"signalwatch {version('signalwatch')}\n"


def test_help_does_not_look_up_the_version() -> None:
    import json
    import sys

    code = ("import json, sys\nimport signalwatch.cli\ntry:\n    signalwatch.cli.main(['--help'])\nexcept SystemExit:\n"
            "    pass\nsys.stdout.flush()\nprint()\nprint(json.dumps(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert "--version" in result.stdout
    assert "importlib.metadata" not in json.loads(result.stdout.splitlines()[-1])


def test_salesforce_account_sync_without_instance_url_is_a_config_error(tmp_path: Path) -> None:
    config = starter(tmp_path)
    edit(config, "      enabled: false               # import target accounts from Salesforce accounts",
         "      enabled: true                # import target accounts from Salesforce accounts")
    result = signalwatch(tmp_path, "status")
    assert result.returncode == 2, result.stderr
    assert "sinks.salesforce: " in result.stderr and "sync is enabled but instance_url is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bare_source_interval_under_a_minute_is_refused_at_its_line(tmp_path: Path) -> None:
    """`interval: 15` meant 15 seconds with no warning: a site polled four times a minute."""
    config = starter(tmp_path)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("    interval: 15m\n", "    interval: 15\n", 1), encoding="utf-8")
    result = signalwatch(tmp_path, "status")
    assert result.returncode == 2
    assert f"signalwatch.yaml:{line_of(config, 'interval: 15')}:" in result.stderr
    assert "15 is 15 seconds: write 15m for minutes (or 15s if you mean seconds)" in result.stderr, result.stderr
