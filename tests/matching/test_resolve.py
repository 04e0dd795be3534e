"""Resolution order, confidence and the refusals: domain first, ambiguity, contradictions."""

from __future__ import annotations

from datetime import datetime, timezone

from signalwatch.accounts import Account
from signalwatch.events import EventType, SignalEvent, make_dedupe_key
from signalwatch.resolve import AccountIndex, normalize_domain, normalize_name

ACCOUNTS = [
    Account(id=1, name="Acme Robotics", domain="acme.com", aliases=("Acme Bots",)),
    Account(id=2, name="Box", domain="box.com"),
    Account(id=3, name="Northwind", domain="northwind.io"),
    Account(id=4, name="Northwind", domain="northwind.de"),
    Account(id=5, name="Globex", domain="globex.com", aliases=("Initech",)),
    Account(id=6, name="Initech", domain="initech.com"),
]


def index() -> AccountIndex:
    return AccountIndex(ACCOUNTS)


def test_domain_wins_over_name_and_parents_count() -> None:
    assert index().resolve("Some Other Name", "https://careers.acme.com/jobs").account_id == 1
    found = index().resolve("Box", "box.com")  # a bare common word is fine once the domain proves it
    assert (found.account_id, found.confidence, found.method) == (2, 1.0, "domain")


def test_a_bare_tld_is_never_a_domain_match() -> None:
    accounts = [Account(id=1, name="Dot Com Inc", domain="com")]
    assert AccountIndex(accounts).resolve(None, "acme.com").account_id is None


def test_a_shared_host_subdomain_is_not_the_hosts_account() -> None:
    accounts = [Account(id=1, name="GitHub", domain="github.io"), Account(id=2, name="Acme Robotics", domain="acme.co.uk")]
    index = AccountIndex(accounts)
    assert index.resolve(None, "acme.github.io").account_id is None
    assert index.resolve(None, "https://careers.acme.co.uk/jobs").account_id == 2
    assert index.resolve(None, "other.co.uk").account_id is None


def test_name_match_refused_when_the_domain_contradicts_it() -> None:
    found = index().resolve("Acme Robotics", "acme-robotics.cn")
    assert (found.account_id, found.method) == (None, "domain_mismatch")


def test_two_accounts_with_one_name_is_ambiguous_not_a_guess() -> None:
    found = index().resolve("NORTHWIND INC", None)
    assert (found.account_id, found.confidence, found.method) == (None, 0.0, "ambiguous")
    assert index().resolve("Northwind", "northwind.de").account_id == 4  # the domain settles it


def test_a_name_is_its_own_accounts_before_another_accounts_alias() -> None:
    found = index().resolve("Initech", None)
    assert (found.account_id, found.method) == (6, "name")
    assert "Globex" in found.reason and "alias" in found.reason


def test_alias_and_confidence_order() -> None:
    alias = index().resolve("Acme Bots LLC", None)
    name = index().resolve("Acme Robotics LLC", None)
    variant = index().resolve("Acme Robotics Holdings", None)
    assert (alias.account_id, alias.method) == (1, "alias")
    assert (name.account_id, name.method) == (1, "name")
    assert (variant.account_id, variant.method) == (1, "name_variant")
    assert name.confidence > alias.confidence > variant.confidence


def test_an_alias_equal_to_the_name_does_not_lower_confidence() -> None:
    index = AccountIndex([Account(id=1, name="Brex", aliases=("Brex",))])
    assert (index.resolve("Brex", None).method, index.resolve("Brex", None).confidence) == ("name", 0.9)


def test_common_word_refusal_is_named() -> None:
    found = index().resolve("Box", None)
    assert (found.account_id, found.method) == (None, "common_name")


def test_empty_and_junk_input() -> None:
    for name, domain in [(None, None), ("", ""), ("   ", None), ("Inc.", None), ("!!!", "[::1")]:
        assert index().resolve(name, domain).account_id is None


def test_normalizers_keep_their_contract() -> None:
    assert normalize_name("The Acme Robotics, Inc.") == "acme robotics"
    assert normalize_name("Procter & Gamble Co.") == "procter and gamble"
    assert normalize_name(None) == ""
    assert normalize_domain("https://www.Acme.com/about") == "acme.com"
    assert normalize_domain("") is None


def _event(**changes: object) -> SignalEvent:
    now = datetime(2026, 11, 23, tzinfo=timezone.utc)
    fields: dict[str, object] = dict(
        type=EventType.FUNDING,
        change="raised",
        source="sec",
        source_kind="edgar_formd",
        source_id="0001-26-1",
        title="Form D",
        occurred_at=now,
        detected_at=now,
        company_name="ACME ROBOTICS INC",
        dedupe_key=make_dedupe_key("x"),
    )
    fields.update(changes)
    return SignalEvent(**fields)  # type: ignore[arg-type]


def test_apply_sets_account_confidence_and_method() -> None:
    resolved = index().apply(_event())
    assert (resolved.account_id, resolved.match_confidence, resolved.match_method) == (1, 0.9, "name")
    unresolved = index().apply(_event(company_name="Box"))
    assert (unresolved.account_id, unresolved.match_method) == (None, "common_name")


def test_apply_leaves_an_already_matched_event_alone() -> None:
    event = _event(account_id=3, match_confidence=1.0, match_method="board")
    assert index().apply(event) is event
