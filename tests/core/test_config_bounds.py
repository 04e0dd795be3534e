"""Config values that used to pass the load and fail later are `file:line` errors, exit 2, before anything starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.cli import main
from signalwatch.cli.core import write_starter


@pytest.mark.parametrize(("old", "new", "message"), [
    ("log_level: INFO", "log_level: LOUD", "log_level: Input should be 'DEBUG'"),
    ("  timeout: 20 ", "  timeout: -1 ", "http.timeout: Input should be greater than 0"),
    ("  total_timeout: 60 ", "  total_timeout: 0 ", "http.total_timeout: Input should be greater than 0"),
    ("  max_bytes: 10000000 ", "  max_bytes: -5 ", "http.max_bytes: Input should be greater than 0"),
    ("  max_redirects: 5", "  max_redirects: -1", "http.max_redirects: Input should be greater than or equal to 0"),
])
def test_a_bad_value_is_refused_at_load_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      old: str, new: str, message: str) -> None:
    write_starter(tmp_path)
    config = tmp_path / "signalwatch.yaml"
    text = config.read_text()
    assert old in text
    config.write_text(text.replace(old, new, 1))
    line = text[: text.index(old)].count("\n") + 1
    assert main(["-c", str(config), "run", "--once"]) == 2
    err = capsys.readouterr().err
    assert f"signalwatch.yaml:{line}: {message}" in err
    assert not (tmp_path / "signalwatch.db").exists()  # nothing was started


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "not a url", "/just/a/path"])
def test_a_source_url_must_be_http(tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str) -> None:
    write_starter(tmp_path)
    config = tmp_path / "signalwatch.yaml"
    text = config.read_text()
    start = text.index("\n    url: ") + len("\n    url: ")
    config.write_text(text[:start] + url + text[text.index("\n", start):])
    assert main(["-c", str(config), "run", "--once"]) == 2
    assert "sources.0.url: Value error, expected an http(s) URL" in capsys.readouterr().err
