"""Job-board details that real responses contain (issue 18): Greenhouse's Workplace Type and
large boards, Personio's two hosts, SmartRecruiters' non-English titles, Workable's locations."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from hiring_boardserver import NOW, Route, make_connector, poll

from signalwatch.accounts import Account
from signalwatch.connectors.jobboards import greenhouse, smartrecruiters, workable
from signalwatch.titles import classify_title

FIXTURES = Path(__file__).parent.parent / "fixtures"
AIRBNB = FIXTURES / "greenhouse/real/airbnb-list.json"


def airbnb_jobs() -> list[dict]:
    return json.loads(AIRBNB.read_bytes())["jobs"]


def test_greenhouse_remote_comes_from_the_boards_workplace_type() -> None:
    """A real Airbnb listing: "Canada" with Workplace Type "Remote" is a remote role."""
    postings = {p.job_id: p for p in greenhouse.parse([AIRBNB.read_bytes()])}
    canada = postings["7434393"]
    assert canada.location == "Canada" and canada.remote is True
    assert all(p.remote is True for p in postings.values())  # every recorded role says Remote
    hybrid = dict(airbnb_jobs()[0], metadata=[{"id": 1, "name": "Workplace Type", "value": "Hybrid",
                                                "value_type": "single_select"}], location={"name": "Remote-friendly"})
    assert greenhouse.parse([json.dumps({"jobs": [hybrid]}).encode()])[0].remote is False


def test_a_greenhouse_board_is_listed_without_content_and_only_new_roles_are_fetched(board_server, http) -> None:
    jobs = airbnb_jobs()
    board_server.serve("greenhouse", "airbnb", Route(json.dumps({"jobs": jobs[:5]}).encode()))
    connector = make_connector(board_server)
    board = [Account(id=1, name="Airbnb", domain="airbnb.com", boards=("greenhouse:airbnb",))]
    _, start = poll(connector, http, board, {}, NOW)
    assert board_server.requests == ["/greenhouse/v1/boards/airbnb/jobs"]  # the listing, no descriptions
    # The new role's detail: the listed job with its description, departments and offices (as the API adds them).
    detail = dict(jobs[5], content="&lt;p&gt;Own forecasting in Snowflake and Looker.&lt;/p&gt;",
                  departments=[{"id": 1, "name": "Finance"}], offices=[])
    board_server.serve("greenhouse", "airbnb", Route(json.dumps({"jobs": jobs}).encode()))
    board_server.serve("greenhouse", "airbnb", Route(json.dumps(detail).encode()),
                       path="/greenhouse/v1/boards/airbnb/jobs/7456094")
    board_server.requests.clear()
    _, result = poll(connector, http, board, start.state, NOW + timedelta(hours=6))
    assert board_server.requests == ["/greenhouse/v1/boards/airbnb/jobs", "/greenhouse/v1/boards/airbnb/jobs/7456094"]
    [event] = result.events
    assert event.title == "Airbnb is hiring: Analyst, Strategic Finance and Analytics, Technology"
    assert event.attributes["remote"] is True and event.attributes["department"] == "Finance"
    assert event.summary == "Own forecasting in Snowflake and Looker."
    assert {"snowflake", "looker"} <= set(event.attributes["technologies"])


def test_a_failing_role_detail_never_fails_the_board(board_server, http) -> None:
    jobs = airbnb_jobs()
    board_server.serve("greenhouse", "airbnb", Route(json.dumps({"jobs": jobs[:4]}).encode()))
    connector = make_connector(board_server)
    board = [Account(id=1, name="Airbnb", domain="airbnb.com", boards=("greenhouse:airbnb",))]
    _, start = poll(connector, http, board, {}, NOW)
    board_server.serve("greenhouse", "airbnb", Route(json.dumps({"jobs": jobs}).encode()))  # details answer 404
    fetched, result = poll(connector, http, board, start.state, NOW + timedelta(hours=6))
    assert fetched.errors == {}
    assert sorted(e.source_id.rsplit(":", 1)[-1] for e in result.events if e.change == "posted") == [
        "7456094", "7535699"]


def test_a_personio_board_under_jobs_personio_com_is_found_and_remembered(board_server, http) -> None:
    xml = (FIXTURES / "personio/acme.xml").read_bytes()
    home = f"http://localhost:{board_server.base.rsplit(':', 1)[1]}/home"
    # As Personio does: the .de host redirects an unknown company to its home page.
    board_server.serve("personio", "acme", Route(b"", status=307, headers={"Location": home}), tld="de")
    board_server.serve("personio", "acme", Route(b"<html>Personio</html>", content_type="text/html"), path="/home")
    board_server.serve("personio", "acme", Route(b'<?xml version="1.0"?><workzag-jobs></workzag-jobs>',
                                                 content_type="application/xml"), tld="com")
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("personio:acme",))]
    fetched, start = poll(connector, http, board, {}, NOW)
    assert fetched.errors == {} and start.state.boards["personio:acme"]["jobs"] == {}
    board_server.serve("personio", "acme", Route(xml, content_type="application/xml"), tld="com")
    board_server.requests.clear()
    _, result = poll(connector, http, board, start.state, NOW + timedelta(hours=6))
    assert board_server.requests == ["/personio/com/acme/xml?language=en"]  # straight to the host that answered
    assert [e.change for e in result.events] == ["posted", "posted"]
    assert result.events[0].url == "https://acme.jobs.personio.com/job/1204311"


def test_a_personio_board_on_neither_host_is_one_clear_error(board_server, http) -> None:
    connector = make_connector(board_server)
    board = [Account(id=1, name="Acme", boards=("personio:nobody",))]
    fetched, _ = poll(connector, http, board, {}, NOW)
    reason = fetched.errors["personio:nobody"]
    assert "/personio/de/nobody/" in reason and "/personio/com/nobody/" in reason


def test_smartrecruiters_classifies_a_non_english_title_by_its_function_label() -> None:
    page = json.loads((FIXTURES / "smartrecruiters/acme-offset-0.json").read_bytes())
    job = dict(page["content"][0], name="Außendienstmitarbeiter (m/w/d) Region Nord",
               language={"code": "de", "label": "German", "labelNative": "Deutsch"},
               department={"id": "77", "label": "Zentrale"}, function={"id": "sales", "label": "Sales"})
    [posting] = smartrecruiters.parse([json.dumps({**page, "content": [job], "totalFound": 1}).encode()])
    assert classify_title(posting.title, posting.department).function == "sales"
    english = dict(job, name="Field Engineer", language={"code": "en"})
    [posting] = smartrecruiters.parse([json.dumps({**page, "content": [english], "totalFound": 1}).encode()])
    assert posting.department == "Zentrale"


def test_workable_keeps_every_entry_of_locations() -> None:
    row = json.loads((FIXTURES / "workable/acme.json").read_bytes())["jobs"][0]
    row = dict(row, locations=[
        {"country": "Germany", "countryCode": "DE", "city": "Berlin", "region": "Berlin", "hidden": False},
        {"country": "Serbia", "countryCode": "RS", "city": "", "region": None, "hidden": False},
        {"country": "Montenegro", "countryCode": "ME", "city": "Budva", "region": "Budva Municipality", "hidden": False},
    ])
    [posting] = workable.parse([json.dumps({"name": "Acme", "jobs": [row]}).encode()])
    assert posting.location == "Berlin, Berlin, Germany; Serbia; Budva, Budva Municipality, Montenegro"
