"""Countries as CRMs write them become the ISO codes rules are written in, and CRM exports import as they are.

A HubSpot `Country/Region` or a Salesforce `BillingCountry` holds "United States"; the README's
rules say `country: [US, GB, DE]`. Stored as "UNITED STATES", such an account silently never
matched. And a RevOps admin's first file is usually the CRM's own export, whose headers
(`Record ID`, `Company name`, ...) the import refused column by column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signalwatch.accounts.country import country_code
from signalwatch.accounts.csv_import import read_accounts_csv
from signalwatch.cli import main
from signalwatch.cli.core import write_starter


@pytest.mark.parametrize(("written", "code"), [
    ("United States", "US"), ("USA", "US"), ("U.S.", "US"), ("us", "US"), ("United Kingdom", "GB"), ("UK", "GB"),
    ("Germany", "DE"), ("DEU", "DE"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Korea, Republic of", "KR"),
    ("South Korea", "KR"), ("The Netherlands", "NL"), ("Côte d’Ivoire", "CI"), ("Viet Nam", "VN"), ("Norway", "NO"),
])
def test_names_codes_and_everyday_variants_become_the_alpha_2_code(written: str, code: str) -> None:
    assert country_code(written) == code


def test_a_value_no_list_knows_is_kept_as_it_was_and_empty_is_none() -> None:
    assert country_code("Atlantis") == "ATLANTIS"
    assert country_code("  ") is None and country_code(None) is None


# The header of a HubSpot companies export as another project's test data records it
# ("Record ID","Company name","Company owner","Create Date","Phone Number","Last Activity Date",
# "City","Country/Region","Industry"), with HubSpot's domain column; the rows are made up.
HUBSPOT_EXPORT = (
    '"Record ID","Company name","Company owner","Create Date","Phone Number","Last Activity Date","City",'
    '"Country/Region","Industry","Company Domain Name"\n'
    '"200000000001","Example Publishing","Jane Roe","2020-01-10 10:00"," +12025550124","2020-01-05 10:00",'
    '"Example City","United States","Publishing","examplepub.example"\n'
    '"200000000003","","","2020-01-10 10:01","","2020-01-02 10:00","","","",""\n'
    '"200000000004","Beispiel GmbH","","2020-01-10 10:02","","","Berlin","Germany","Software","https://www.beispiel.example/"\n'
)
SALESFORCE_REPORT = (
    '"Account Name","Account Owner","Type","Billing State/Province","Billing Country","Website","Industry",'
    '"Employees","Annual Revenue","Account ID"\n'
    '"Acme","Ann Example","Prospect","CA","USA","https://www.acme.example/","Technology","1,200","$12,000,000",'
    '"0015g00000XyZaAAAA"\n'
)


def test_a_hubspot_companies_export_imports_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "hubspot-companies.csv"
    path.write_text(HUBSPOT_EXPORT, encoding="utf-8")
    accounts, issues = read_accounts_csv(path)
    assert [(a.name, a.domain, a.country, a.industry, a.crm_id) for a in accounts] == [
        ("Example Publishing", "examplepub.example", "US", "publishing", "hubspot:200000000001"),
        ("Beispiel GmbH", "beispiel.example", "DE", "software", "hubspot:200000000004"),
    ]
    first, rejected = issues
    assert first.severity == "warning" and "read as a hubspot export" in first.message
    assert "ignored: 'Company owner', 'Create Date', 'Phone Number', 'Last Activity Date', 'City'" in first.message
    assert (rejected.line, rejected.message) == (3, "name is empty")


def test_a_salesforce_accounts_report_imports_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "salesforce-accounts.csv"
    path.write_text(SALESFORCE_REPORT, encoding="utf-8")
    accounts, issues = read_accounts_csv(path)
    [acme] = accounts
    assert (acme.name, acme.domain, acme.country, acme.employees, acme.revenue, acme.crm_id) == (
        "Acme", "acme.example", "US", 1200, 12e6, "salesforce:0015g00000XyZaAAAA")
    assert [issue.severity for issue in issues] == ["warning"]


def test_our_own_columns_still_refuse_an_unknown_one_and_read_country_names(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text("name,domain,country\nAcme,acme.example,United States\n", encoding="utf-8")
    assert read_accounts_csv(path)[0][0].country == "US"
    path.write_text("name,domian\nAcme,acme.example\n", encoding="utf-8")
    accounts, issues = read_accounts_csv(path)
    assert accounts == [] and issues[0].message == "unknown column 'domian' (did you mean 'domain'?)"


def test_an_exported_account_matches_the_readmes_country_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end through the CLI: an ICP tier on the README's `country: [US, GB, DE]` holds the
    exported "United States" and "Germany" accounts (it held none before: "UNITED STATES" is not "US")."""
    write_starter(tmp_path)
    monkeypatch.chdir(tmp_path)
    icp = tmp_path / "rules" / "icp.yaml"
    icp.write_text(icp.read_text(encoding="utf-8").replace(
        "      industry: [software, saas, fintech]\n      employees: {gte: 200, lte: 5000}\n", "      country: [US, GB, DE]\n"),
        encoding="utf-8")
    (tmp_path / "export.csv").write_text(HUBSPOT_EXPORT, encoding="utf-8")
    assert main(["accounts", "import", "export.csv"]) == 1  # the nameless row is reported and skipped
    capsys.readouterr()
    assert main(["accounts", "list", "--tier", "A"]) == 0
    listed = capsys.readouterr().out
    assert "Example Publishing" in listed and "Beispiel GmbH" in listed


def test_rules_check_refuses_a_country_name_where_accounts_hold_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    icp = tmp_path / "rules" / "icp.yaml"
    icp.write_text(icp.read_text(encoding="utf-8").replace("country: [US, GB,", "country: [United States, Deutschland, XX, GB,"), encoding="utf-8")
    (tmp_path / "rules" / "route.yaml").write_text(
        "rules:\n  - id: emea\n    description: EMEA funding\n    match: {event.type: funding, account.country: Germany}\n",
        encoding="utf-8")
    code = main(["rules", "check", str(tmp_path / "rules")])
    output = capsys.readouterr()
    text = output.out + output.err
    assert code == 1, text
    assert "'United States' is 'US'" in text and "'Germany' is 'DE'" in text and "'Deutschland' is 'DE'" in text
    assert "warning: 'XX' is not an ISO 3166-1 country code" in text  # may be meant (an import kept it as written)


def test_a_rule_tests_account_reads_its_country_as_an_import_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_starter(tmp_path)
    rules = tmp_path / "rules"
    (rules / "emea.yaml").write_text(
        "rules:\n  - id: dach-funding\n    description: DACH funding\n"
        "    match: {event.type: funding, account.country: [DE, AT, CH]}\n", encoding="utf-8")
    (tmp_path / "dach.test.yaml").write_text(
        "tests:\n  - name: a German account\n    now: 2026-11-20T10:00:00Z\n"
        "    accounts:\n      - {name: Beispiel GmbH, domain: beispiel.example, country: Deutschland}\n"
        "    steps:\n      - events: [{type: funding, change: raised, company: Beispiel GmbH}]\n"
        "        expect: {dach-funding: [Beispiel GmbH]}\n", encoding="utf-8")
    code = main(["rules", "test", str(tmp_path / "dach.test.yaml"), "--rules", str(rules)])
    output = capsys.readouterr()
    assert code == 0, output.out + output.err


# A Salesforce report exported with "Export Details" ends with its totals and notices; made-up rows.
SALESFORCE_DETAILS = (
    '"Account Name","Account Owner","Billing Country","Website","Industry","Account ID"\n'
    '"Acme","Ann Example","Deutschland","acme.example","Technology","0015g00000XyZaAAAA"\n'
    '"Globex","Ann Example","UK","globex.example","Technology","0015g00000XyZbAAAA"\n'
    '\n'
    '"Grand Totals (2 records)"\n'
    '"Confidential Information - Do Not Distribute"\n'
    '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n'
)


def test_a_salesforce_reports_footer_is_not_read_as_accounts(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text(SALESFORCE_DETAILS, encoding="utf-8")
    accounts, issues = read_accounts_csv(path)
    assert [(a.name, a.country) for a in accounts] == [("Acme", "DE"), ("Globex", "GB")]
    assert [issue.severity for issue in issues] == ["warning"]


def test_an_export_row_without_a_domain_takes_its_website_and_crm_industries_read_as_a_sync_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "hubspot.csv"
    path.write_text('"Record ID","Company name","Company Domain Name","Website URL","Industry"\n'
                    '"1","Brightwave","","https://brightwave.co.uk","COMPUTER_SOFTWARE"\n'
                    '"2","Acme","acme.example","https://www.other.example","Financial Services"\n', encoding="utf-8")
    accounts, _ = read_accounts_csv(path)
    assert [(a.domain, a.industry) for a in accounts] == [("brightwave.co.uk", "software"), ("acme.example", "financial services")]


def test_a_reimport_keeps_what_the_file_does_not_carry_and_follows_the_record_id(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Owners, tags and boards a file has no column for stay (a CRM sync or an earlier file brought
    them); the record id ties a renamed company with a new domain to its account; a HubSpot export
    joins a Salesforce id already held instead of replacing it."""
    from signalwatch.config import load_settings
    from signalwatch.store import Store

    write_starter(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ours.csv").write_text("name,domain,owner_email,tags,boards,crm_id\n"
                                       "Zorbly,zorbly.example,lee@yourco.example,strategic,greenhouse:zorbly,salesforce:001A\n", encoding="utf-8")
    assert main(["accounts", "import", "ours.csv"]) == 0
    (tmp_path / "hubspot.csv").write_text('"Record ID","Company name","Company Domain Name","Country/Region"\n'
                                          '"5012345678","Zorbly","zorbly.example","United States"\n', encoding="utf-8")
    assert main(["accounts", "import", "hubspot.csv"]) == 0
    (tmp_path / "renamed.csv").write_text('"Record ID","Company name","Company Domain Name"\n'
                                          '"5012345678","Zorbly AI","zorbly.io"\n', encoding="utf-8")
    assert main(["accounts", "import", "renamed.csv"]) == 0
    capsys.readouterr()
    store = Store(load_settings(tmp_path / "signalwatch.yaml").database_url)
    [account] = store.list_accounts()
    assert (account.name, account.domain, account.country) == ("Zorbly AI", "zorbly.io", "US")
    assert (account.owner_email, account.tags, account.boards) == ("lee@yourco.example", ("strategic",), ("greenhouse:zorbly",))
    assert account.crm_id == "salesforce:001A;hubspot:5012345678"


def test_two_crm_records_of_one_name_without_a_domain_stay_two_accounts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Namesakes in one CRM (two "Acme" companies, neither with a domain) were one row and a duplicate error."""
    from signalwatch.config import load_settings
    from signalwatch.store import Store

    write_starter(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hubspot.csv").write_text('"Record ID","Company name","Country/Region"\n"101","Acme","United States"\n'
                                          '"102","Acme","Germany"\n', encoding="utf-8")
    for _ in range(2):  # and a re-import updates each, adding none
        assert main(["accounts", "import", "hubspot.csv"]) == 0
    capsys.readouterr()
    accounts = Store(load_settings(tmp_path / "signalwatch.yaml").database_url).list_accounts()
    assert sorted((a.crm_id, a.country) for a in accounts) == [("hubspot:101", "US"), ("hubspot:102", "DE")]
