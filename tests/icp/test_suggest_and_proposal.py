"""The statistics and the proposal on small hand-made samples: what an admin reads and what `rules check` loads."""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from signalwatch.icp.deals import ClosedDeal, DealCompany, hubspot_outcome
from signalwatch.icp.features import DealFacts, deal_facts
from signalwatch.icp.history import StoredEvent
from signalwatch.icp.proposal import Criterion, ProposalError, check_proposal, criteria_from, propose
from signalwatch.icp.suggest import analyse, wilson
from signalwatch.rules.ruleset import load_ruleset
from signalwatch.yamlload import AdminInputError

RULES = Path(__file__).parents[2] / "rules"
CLOSE = date(2026, 9, 1)


def deal(n: int, won: bool, **firmographics: Any) -> ClosedDeal:
    return ClosedDeal("test", str(n), f"Deal {n}", won, CLOSE, DealCompany({"hubspot": str(n)}, **firmographics))


def sample(rows: Sequence[tuple[bool, Mapping[str, Any]]]) -> list[DealFacts]:
    return [deal_facts(deal(n, won, **values), None, [], [], timedelta(days=180)) for n, (won, values) in enumerate(rows)]


def test_wilson_bounds_are_the_textbook_values() -> None:
    low, high = wilson(8, 10)
    assert (round(low, 3), round(high, 3)) == (0.49, 0.943)
    assert wilson(0, 10)[0] == 0.0 and round(wilson(0, 10)[1], 3) == 0.278
    assert wilson(0, 0) == (0.0, 1.0)


def test_a_perfect_record_on_three_deals_is_not_ranked_but_five_of_five_against_none_is() -> None:
    three = sample([(True, {"industry": "fintech"})] * 3 + [(False, {"industry": "retail"})] * 6)
    analysis = analyse(three, min_support=5)
    assert [lift.attribute.label for lift in analysis.ranked] == [] and analysis.thin == 1  # fintech 3/3: too few
    five = analyse(sample([(True, {"industry": "fintech"})] * 5 + [(False, {"industry": "retail"})] * 5), min_support=5)
    best = five.ranked[0]
    assert (best.attribute.label, best.won_with, best.deals_with, best.won_without, best.deals_without) == ("industry = fintech", 5, 5, 0, 5)
    assert best.at_least > 1.0 and five.losing[0].attribute.label == "industry = retail"


def test_unknown_values_are_left_out_of_the_comparison() -> None:
    """A deal whose industry nobody recorded is neither fintech nor not fintech."""
    facts = sample([(True, {"industry": "fintech"})] * 5 + [(False, {"industry": "retail"})] * 5 + [(False, {})] * 10)
    lift = next(lift for lift in analyse(facts).lifts if lift.attribute.label == "industry = fintech")
    assert (lift.deals_with, lift.deals_without) == (5, 5)


def test_a_signal_and_its_detail_on_the_same_deals_rank_once_as_the_detail() -> None:
    def hire(account: int) -> StoredEvent:
        from datetime import datetime, timezone

        return StoredEvent(account, "leadership", "appointed", datetime(2026, 8, 1, tzinfo=timezone.utc),
                           {"function": "sales", "seniority": "vp"})

    from signalwatch.accounts import Account

    facts = [deal_facts(deal(n, n < 5), Account(id=n, name=f"A{n}"), [hire(n)] if n < 5 else [], [], timedelta(days=180))
             for n in range(10)]
    labels = [lift.attribute.label for lift in analyse(facts).ranked]
    assert labels == ["leadership appointed · VP sales"]


def evidence(must_share: float = 0.8) -> list[Criterion]:
    """Fintech and 200-999 employees win; fintech covers 5 of 6 wins, the size band 3 of 6."""
    rows = ([(True, {"industry": "fintech", "employees": 300})] * 3 + [(True, {"industry": "fintech", "employees": 3000})] * 2
            + [(True, {"industry": "retail", "employees": 400})] + [(False, {"industry": "retail", "employees": 3000})] * 12)
    return criteria_from(analyse(sample(rows), min_support=3), must_share)


def test_the_default_icp_gets_a_fintech_must_have_and_keeps_its_comments_tiers_and_exclusions(tmp_path: Path) -> None:
    criteria = evidence()
    assert [(c.field, c.value, c.must) for c in criteria] == [("industry", ["fintech"], True), ("employees", {"gte": 200, "lte": 999}, False)]
    current = (RULES / "icp.yaml").read_text(encoding="utf-8")
    text = propose(current, criteria, None, "proposed for a test")
    assert text.startswith("# proposed for a test\n# The Ideal Customer Profile")
    assert "    must:\n      industry: [fintech]  # icp suggest: won 5/5 deals with it (100%), 1/13 without (8%)\n" in text
    # the winning size band is a nice-to-have (4 of 6 wins); the must-have size gate stays
    assert "      employees: {gte: 200, lte: 5000}\n    nice:\n" in text.split("  - name: B")[0]
    assert "      employees: {gte: 200, lte: 999}  # icp suggest: won 4/4 deals with it (100%), 2/14 without (14%)\n" in text
    assert text.split("  - name: B")[1] == current.split("  - name: B")[1]  # every later line as written, comments too
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    check_proposal(text, folder, "icp.yaml")  # loads beside the shipped rule files
    (folder / "icp.yaml").write_text(text, encoding="utf-8")
    icp = load_ruleset(folder).icp
    from signalwatch.accounts import Account

    assert icp.fit(Account(id=1, name="F", industry="fintech", employees=600)).tier == "A"
    assert icp.fit(Account(id=2, name="S", industry="software", employees=600)).tier == "B"


def test_a_named_tier_in_block_style_is_rebuilt_and_min_nice_follows_its_nice_criteria(tmp_path: Path) -> None:
    current = """tiers:
  - name: Best
    must:
      industry:
        - software
    nice:
      employees:
        gte: 50
      tags: {contains: strategic}
    min_nice: 2
  # the catch-all tier
  - name: Rest
    must: {}
"""
    text = propose(current, evidence(), "Best", "h")
    assert text == """# h
tiers:
  - name: Best
    must:
      industry: [fintech]  # icp suggest: won 5/5 deals with it (100%), 1/13 without (8%)
    nice:
      employees: {gte: 200, lte: 999}  # icp suggest: won 4/4 deals with it (100%), 2/14 without (14%)
      tags: {contains: strategic}
    min_nice: 2
  # the catch-all tier
  - name: Rest
    must: {}
"""
    with pytest.raises(ProposalError, match="no tier named 'Top'"):
        propose(current, evidence(), "Top", "h")
    only_must = propose(current, evidence(must_share=0.5), "Best", "h")  # both are must-haves now
    assert "    nice:\n      tags: {contains: strategic}\n    min_nice: 1\n" in only_must
    (tmp_path / "rules").mkdir()
    check_proposal(only_must, tmp_path / "rules", "icp.yaml")


def test_without_an_icp_file_the_proposal_is_a_new_file_with_one_tier(tmp_path: Path) -> None:
    text = propose(None, evidence(), None, "h")
    assert text.startswith("# h\ntiers:\n  - name: A\n    label: Best fit\n    must:\n      industry: [fintech]")
    (tmp_path / "rules").mkdir()
    check_proposal(text, tmp_path / "rules", "icp.yaml")


def test_a_proposal_the_rules_would_refuse_is_reported() -> None:
    with pytest.raises(AdminInputError, match="unknown account field 'sector'"):
        check_proposal("tiers:\n  - name: A\n    must: {sector: [fintech]}\n", RULES, "icp.yaml")


@pytest.mark.parametrize(("properties", "outcome"), [
    ({"hs_is_closed": "true", "hs_is_closed_won": "true", "dealstage": "1038553758"}, True),  # a custom pipeline's stage id
    ({"hs_is_closed": "true", "hs_is_closed_won": "false", "dealstage": "closedwon"}, False),  # the calculated flags win
    ({"hs_is_closed": "false", "hs_is_closed_won": "false", "dealstage": "closedlost"}, None),
    ({"hs_is_closed": None, "hs_is_closed_lost": "true", "hs_is_closed_won": "false", "dealstage": None}, None),  # as recorded
    ({"dealstage": "closedlost"}, False),  # a portal that returns no calculated flags: the default pipeline's ids
    ({"dealstage": "contractsent"}, None),
])
def test_hubspot_outcomes(properties: dict[str, str | None], outcome: bool | None) -> None:
    assert hubspot_outcome(properties) is outcome
