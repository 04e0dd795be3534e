"""`accounts discover-boards`: board ids come from careers-page links, never from the domain."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiring_boardserver import BoardServer, Route

from signalwatch.cli import main
from signalwatch.cli.boards import run
from signalwatch.connectors.jobboards.discover import discover_boards, find_board_ids

CAREERS = b"""<!doctype html><html><body>
<h1>Join Acme</h1>
<a href="https://boards.greenhouse.io/acmerobotics/jobs/4012345006">Sr. AE</a>
<a href="https://boards.greenhouse.io/acmerobotics/jobs/4012345007?gh_src=site">Head of RevOps</a>
<iframe src="https://jobs.eu.lever.co/acme-eu"></iframe>
<script src="https://boards.greenhouse.io/embed/job_board/js?for=acmelabs"></script>
<a href="https://apply.workable.com/j/8F3A1C2B9D">a single Workable job</a>
<a href="https://acme-gmbh.jobs.personio.de/job/1204311?language=en">Personio</a>
</body></html>"""


def test_board_ids_are_read_from_links_and_embeds() -> None:
    assert find_board_ids(CAREERS.decode()) == [
        "greenhouse:acmerobotics", "lever-eu:acme-eu", "greenhouse:acmelabs", "personio:acme-gmbh",
    ]
    html = """<a href="https://jobs.lever.co/acme">Lever</a> <a href="https://jobs.ashbyhq.com/Acme/abc">Ashby</a>
              <a href="https://careers.smartrecruiters.com/AcmeInc">SR</a> <a href="https://acme.recruitee.com/o/ae">R</a>
              <a href="https://apply.workable.com/acme-1/">W</a> <a href="https://www.recruitee.com">vendor site</a>"""
    assert find_board_ids(html) == [
        "lever:acme", "ashby:Acme", "smartrecruiters:AcmeInc", "recruitee:acme", "workable:acme-1",
    ]


def test_a_page_without_board_links_reports_nothing_rather_than_guessing(board_server: BoardServer, http) -> None:
    own_ats = b"<html>We use our own ATS at acme.com/apply</html>"
    board_server.routes["/careers"] = Route(own_ats, content_type="text/html")
    board_server.routes["/jobs"] = Route(b"<html>nothing</html>", content_type="text/html")
    board_server.routes["/"] = Route(b"<html>home</html>", content_type="text/html")
    domain = board_server.base.removeprefix("http://")
    result = discover_boards(http, domain=domain, scheme="http")
    assert result.boards == [] and len(result.pages) == 3


def test_domain_discovery_tries_careers_then_jobs(board_server: BoardServer, http) -> None:
    board_server.routes["/jobs"] = Route(CAREERS, content_type="text/html")
    domain = board_server.base.removeprefix("http://")
    result = discover_boards(http, domain=domain, scheme="http")
    assert result.boards[0] == "greenhouse:acmerobotics"
    assert any("HTTP 404" in problem for problem in result.problems)  # /careers did not exist


def test_robots_txt_is_honoured(board_server: BoardServer, http) -> None:
    board_server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /careers\n", content_type="text/plain")
    board_server.routes["/careers"] = Route(CAREERS, content_type="text/html")
    result = discover_boards(http, careers_url=board_server.base + "/careers")
    assert result.boards == [] and "robots.txt" in result.problems[0]
    assert "/careers" not in board_server.requests


def test_command_prints_boards_per_account(board_server: BoardServer, http, tmp_path: Path, capsys) -> None:
    board_server.routes["/careers"] = Route(CAREERS, content_type="text/html")
    accounts_csv = tmp_path / "accounts.csv"
    accounts_csv.write_text(f"name,domain,careers_url\nAcme Robotics,acme.com,{board_server.base}/careers\n")
    args = argparse.Namespace(domain=[], url=[], csv=accounts_csv, config=None)
    assert run(args, http=http) == 0
    assert capsys.readouterr().out.strip() == (
        "Acme Robotics (acme.com): greenhouse:acmerobotics lever-eu:acme-eu greenhouse:acmelabs personio:acme-gmbh"
    )


def test_command_reports_every_bad_csv_row(tmp_path: Path, capsys) -> None:
    accounts_csv = tmp_path / "accounts.csv"
    accounts_csv.write_text("name,domain\nAcme,\n,beta.com\n")
    assert main(["accounts", "discover-boards", "--csv", str(accounts_csv)]) == 2
    err = capsys.readouterr().err
    assert "accounts.csv:2:" in err and "accounts.csv:3:" in err


def test_command_refuses_private_addresses_by_default(capsys) -> None:
    assert main(["accounts", "discover-boards", "--url", "http://127.0.0.1:9/careers"]) == 1
    assert "non-public address" in capsys.readouterr().out


def test_without_arguments_the_accounts_in_the_store_are_read(tmp_path: Path, capsys) -> None:
    from datetime import datetime, timezone

    from signalwatch.accounts import Account
    from signalwatch.store import Store

    config = tmp_path / "signalwatch.yaml"
    config.write_text("database: sw.db\nhttp:\n  max_attempts: 1\n")
    store = Store(f"sqlite:///{tmp_path / 'sw.db'}")
    store.migrate()
    store.upsert_accounts([Account(id=0, name="Acme", domain="127.0.0.1:9", boards=("greenhouse:acme",)),
                           Account(id=0, name="No Domain Ltd")], datetime(2026, 11, 20, tzinfo=timezone.utc))
    store.close()
    assert main(["-c", str(config), "accounts", "discover-boards"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Acme (127.0.0.1:9): no boards found") and "No Domain" not in out
