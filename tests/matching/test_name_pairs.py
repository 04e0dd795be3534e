"""A table of account names and the ways sources write them, including near-misses.

Each row: the account (name, aliases), how a source wrote the company, and whether the two
must be tied together. Precision beats recall: when in doubt a row expects no match, and the
comment says why.
"""

from __future__ import annotations

import pytest

from signalwatch.accounts import Account
from signalwatch.resolve import AccountIndex

# (account name, aliases, mention, should match)
PAIRS: list[tuple[str, tuple[str, ...], str, bool]] = [
    # Legal forms, case, punctuation, "The", "&", diacritics, EDGAR conformed names.
    ("Acme Robotics", (), "Acme Robotics, Inc.", True),
    ("Acme Robotics", (), "ACME ROBOTICS INC", True),
    ("Acme Robotics", (), "acme robotics", True),
    ("Acme Robotics", (), "The Acme Robotics Company", True),
    ("Acme Robotics", (), "Acme Robotics LLC", True),
    ("Acme Robotics", (), "Acme Robotics Ltd.", True),
    ("Acme Robotics", (), "ACME ROBOTICS CORP /DE/", True),
    ("Acme Robotics", (), "Acme  Robotics", True),
    ("Acme Robotics", (), "Acme-Robotics", True),
    ("Acme Robotics", (), "Acme Robotics GmbH", True),
    ("Acme Robotics", (), "Acme Robotics S.A.", True),
    ("Acme Robotics", (), "Acme Robotics S.p.A.", True),
    ("Acme Robotics", (), "Acme Robotics Pty Ltd", True),
    ("Acme Robotics", (), "Acme Robotics B.V.", True),
    ("Acme Robotics", (), "Acme Robotics GmbH & Co. KG", True),
    ("Acme Robotics", (), "Àcme Robotics", True),
    ("Acme Robotics", (), "Acme Robotics d/b/a Roboworks", True),
    ("Roboworks", (), "Acme Holdings LLC d/b/a Roboworks", True),
    ("Procter & Gamble", (), "Procter and Gamble", True),
    ("Procter & Gamble", (), "PROCTER & GAMBLE CO", True),
    ("Johnson & Johnson", (), "Johnson and Johnson", True),
    ("Société Générale", (), "Societe Generale S.A.", True),
    ("Nestlé", (), "NESTLE S.A.", True),  # "nestle" is a common verb: the legal form proves it
    ("Deutsche Bank", (), "Deutsche Bank AG", True),
    ("Siemens", (), "Siemens Aktiengesellschaft", True),
    ("Unilever", (), "Unilever PLC", True),
    ("Salesforce", (), "Salesforce, Inc.", True),
    ("Salesforce", (), "salesforce.com, inc.", True),
    ("Overstock", (), "Overstock.com, Inc.", True),
    ("Monday.com", (), "monday.com Ltd.", True),
    ("O'Reilly Media", (), "OReilly Media", True),
    ("McDonald's", (), "McDonalds Corporation", True),
    ("AT&T", (), "AT&T Inc.", True),
    ("AT&T", (), "AT and T", True),
    ("Twilio", (), "Twilio Inc.", True),
    ("Revolut", (), "Revolut Ltd", True),
    ("Airbnb", (), "Airbnb, Inc.", True),
    ("Datadog", (), "Datadog, Inc.", True),
    ("Datadog", (), "DATADOG", True),
    # Distinctive one-word names match bare.
    ("Brex", (), "Brex", True),
    ("Brex", (), "Brex Inc.", True),
    ("Brex", (), "BREX INC", True),
    ("Figma", (), "figma", True),
    ("Figma", (), "Figma, Inc.", True),
    ("Deel", (), "Deel Inc", True),
    ("Vanta", (), "Vanta", True),
    ("Asana", (), "Asana", True),  # rare as an English word, so not treated as common
    ("Metabase", (), "Metabase", True),
    # Descriptor variants: same group, weaker match ("name_variant").
    ("Acme Robotics", (), "Acme Robotics Holdings", True),
    ("Acme Robotics Holdings", (), "Acme Robotics", True),
    ("HSBC Holdings", (), "HSBC Holdings plc", True),
    ("HSBC Holdings", (), "HSBC", True),
    ("ASML", (), "ASML Holding N.V.", True),
    ("Opendoor", (), "Opendoor Technologies Inc.", True),
    ("Revolut", (), "Revolut Holdings Ltd", True),
    ("Zurich Insurance", (), "Zurich Insurance Group AG", True),
    # One common word: a written legal form is strong evidence (EDGAR names carry one).
    ("Box", (), "Box, Inc.", True),
    ("Box", (), "BOX INC", True),
    ("Apple", (), "Apple Inc.", True),
    ("APPLE", (), "APPLE INC", True),
    ("Stripe", (), "Stripe, Inc.", True),
    ("Plaid", (), "Plaid Inc.", True),
    ("Snowflake", (), "Snowflake Inc.", True),
    ("Block", (), "Block, Inc.", True),
    ("3M", (), "3M Company", True),
    # ...or an alias the admin wrote, including the bare name itself as an explicit opt-in.
    ("Ramp", ("Ramp",), "Ramp", True),
    ("Notion", ("Notion Labs",), "Notion Labs, Inc.", True),
    ("Front", ("FrontApp",), "FrontApp, Inc.", True),
    ("Slack", ("Slack Technologies",), "Slack Technologies, LLC", True),
    ("Zoom", ("Zoom Video Communications",), "ZOOM VIDEO COMMUNICATIONS INC", True),
    # Bare common words never match: they are too often another company or no company.
    ("Box", (), "Box", False),
    ("Box", (), "box", False),
    ("Ramp", (), "Ramp", False),
    ("Notion", (), "Notion", False),
    ("Apple", (), "Apple", False),
    ("Front", (), "Front", False),
    ("Meta", (), "Meta", False),
    ("Stripe", (), "Stripe", False),
    ("Snowflake", (), "Snowflake", False),
    ("Loom", (), "Loom", False),
    ("Linear", (), "Linear", False),
    ("Intercom", (), "Intercom", False),
    ("3M", (), "3M", False),  # three characters or fewer count as weak too
    # Near-misses: one name inside another is a different company.
    ("Box", (), "Dropbox", False),
    ("Box", (), "Dropbox, Inc.", False),
    ("Box", (), "BoxGroup", False),
    ("Ramp", (), "Ramp Network", False),
    ("Ramp", (), "Ramp Technologies", False),  # core "ramp" is a common word: no variant match
    ("Ramp", (), "Ramp Business Corporation", False),
    ("Meta", (), "Metabase", False),
    ("Meta", (), "Meta Platforms, Inc.", False),  # needs the alias "Meta Platforms"
    ("Metabase", (), "Meta", False),
    ("Notion", (), "Notional", False),
    ("Notion", (), "Notion Capital", False),
    ("Notion", (), "Notion Labs, Inc.", False),  # no alias: "Labs" is a descriptor but "notion" is common
    ("Apple", (), "Apple Hospitality REIT", False),
    ("Apple", (), "Applebee's", False),
    ("Apple", (), "Pineapple Energy", False),
    ("Front", (), "Frontline Ltd", False),
    ("Front", (), "FrontApp, Inc.", False),
    ("Block", (), "BlockFi", False),
    ("Slack", (), "Slack Technologies", False),
    ("Zoom", (), "Zoom Video Communications, Inc.", False),
    ("Linear", (), "Linear Technology Corporation", False),
    ("Vanta", (), "Vantage", False),
    ("Twilio", (), "Twillio", False),
    ("Acme Robotics", (), "Acme Robot", False),
    ("Acme Robotics", (), "Acme", False),
    ("Acme Robotics", (), "Acme Robotics Europe", False),  # a regional entity is not a descriptor
    ("Acme Robotics", (), "Acme Roboticss", False),
    ("Philips", (), "Koninklijke Philips N.V.", False),  # prefix words are not stripped
    ("Airbnb", (), "Airbnb Ireland UC", False),
    ("Stripe", (), "Stripe Payments Europe Ltd", False),
    ("Monzo", (), "Monzo Bank Limited", False),
    ("H&M", (), "H & M Hennes & Mauritz AB", False),
    ("Opendoor", (), "Open Door", False),
    ("Acme Robotics Holdings", (), "Acme Robotics Group", False),  # two descriptors: not provably one company
    ("Kovira Labs", (), "Kovira Systems", False),
    ("Acme Software", (), "Acme Technologies", False),
]


def test_the_table_is_large_enough() -> None:
    assert len(PAIRS) >= 100
    assert sum(1 for *_, match in PAIRS if not match) >= 40


@pytest.mark.parametrize(("account_name", "aliases", "mention", "should_match"), PAIRS)
def test_name_pair(account_name: str, aliases: tuple[str, ...], mention: str, should_match: bool) -> None:
    index = AccountIndex([Account(id=7, name=account_name, aliases=aliases)])
    found = index.resolve(mention, None)
    if should_match:
        assert found.account_id == 7, f"{mention!r} should match {account_name!r}: {found}"
        assert 0.7 <= found.confidence <= 0.9
    else:
        assert found.account_id is None, f"{mention!r} must not match {account_name!r}: {found}"
        assert found.confidence == 0.0


def test_near_misses_in_one_account_list() -> None:
    """With the look-alikes all present, each mention lands on its own account only."""
    names = ["Box", "Dropbox", "Meta", "Metabase", "Ramp", "Ramp Network", "Acme Robotics", "Acme Robotics Europe"]
    index = AccountIndex([Account(id=i, name=name) for i, name in enumerate(names)])
    assert index.resolve("Dropbox, Inc.", None).account_id == 1
    assert index.resolve("METABASE INC", None).account_id == 3
    assert index.resolve("Ramp Network", None).account_id == 5
    assert index.resolve("Acme Robotics Europe GmbH", None).account_id == 7
    assert index.resolve("Acme Robotics, Inc.", None).account_id == 6
    assert index.resolve("Box, Inc.", None).account_id == 0
