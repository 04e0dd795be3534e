"""Alerts through the resolver (`evaluate_alerts`): hand-made corner cases, and a floor on two spent real sets."""

from __future__ import annotations

from typing import Any

from signalwatch.accounts import Account
from signalwatch.extract import extract_news
from signalwatch.extract.evaluate import LabelledItem
from signalwatch.extract.evaluate_alerts import (
    AlertScores,
    crm_accounts,
    distractor_accounts,
    is_written_form,
    news_distractors,
    one_account_per_company,
    pool_alerts,
    score_alerts,
    written_forms_apart,
)
from signalwatch.extract.train import load_pool


def _funding(company: str) -> dict[str, Any]:
    return {"type": "funding", "change": "raised", "company_name": company,
            "attributes": {"amount": 5e6, "currency": "USD", "round": "seed", "investors": [], "lead_investors": []}}


def _deal(target: str, acquirer: str) -> dict[str, Any]:
    return {"type": "acquisition", "change": "acquired", "company_name": target,
            "attributes": {"acquirer": acquirer, "target": target, "amount": 2e7, "currency": "USD"}}


def test_the_crm_holds_one_account_per_normalized_label_name_acquirers_included() -> None:
    items = [LabelledItem("a", "", "", (_funding("Acme Inc."),)), LabelledItem("b", "", "", (_funding("Acme"), _deal("Initech", "Globex")))]
    assert [(account.id, account.name) for account in crm_accounts(items)] == [(1, "Acme Inc."), (2, "Initech"), (3, "Globex")]


def test_an_acquisition_alerts_its_target_and_its_acquirer_and_either_side_is_right() -> None:
    straight = score_alerts([LabelledItem("c", "Globex acquires Initech for $20M", "", (_deal("Initech", "Globex"),))], extract_news)
    assert (straight.right["acquisition"], straight.wrong["acquisition"], straight.recall()) == (2, 0, 1.0)
    swapped = score_alerts([LabelledItem("d", "Globex acquires Initech for $20M", "", (_deal("Globex", "Initech"),))], extract_news)
    assert (swapped.right["acquisition"], swapped.wrong["acquisition"]) == (2, 0)  # both accounts hear of the deal either way


def test_an_event_tied_to_another_items_company_is_a_wrong_alert_and_leaves_its_label_unreached() -> None:
    items = [LabelledItem("e", "Acme raises $5M seed round", "", (_funding("Globex"),)),
             LabelledItem("f", "Acme raises $5M seed round", "", (_funding("Acme"),))]
    scores = score_alerts(items, extract_news)
    assert (scores.right["funding"], scores.wrong["funding"]) == (1, 1)
    assert scores.precision() == 0.5 and scores.recall("funding") == 0.5


def test_an_unpaired_event_is_a_wrong_alert_when_tied_and_a_silent_one_when_not() -> None:
    items = [LabelledItem("g", "Acme raises $5M seed round", "", ()),
             LabelledItem("h", "Kovira Systems raises $12M Series A", "", ()),
             LabelledItem("i", "Acme Robotics lays off 200 workers", "", ({"type": "layoffs", "change": "announced",
                                                                          "company_name": "Acme", "attributes": {"count": 200}},))]
    scores = score_alerts(items, extract_news)
    assert scores.wrong["funding"] == 1 and scores.silent_unpaired["funding"] == 1  # "Acme" is an account; "Kovira Systems" is not
    assert scores.labelled["layoffs"] == 1


def test_a_paired_event_whose_company_is_no_account_sends_no_alert() -> None:
    scores = score_alerts([LabelledItem("j", "Acme raises $5M seed round", "", (_funding("Initech"),))], extract_news)
    assert (scores.right["funding"], scores.wrong["funding"], scores.silent_paired["funding"], scores.recall()) == (0, 0, 1, 0.0)
    assert "| pooled | 1 | 0 | 0 | 1.000 | 0.000 | 1 / 0 |" in scores.table()
    assert "errors" not in repr(scores)  # item-level reading stays out of assertion messages


def test_the_headline_short_form_reaches_an_account_the_crm_writes_short() -> None:
    """The extractor gives the summary's full name; the CRM (the label) writes the headline's."""
    gold = {"type": "leadership", "change": "appointed", "company_name": "Walgreens",
            "attributes": {"person": "Jane Doe", "title": "CEO"}}
    item = LabelledItem("k", "Walgreens names health care vet Jane Doe as next CEO",
                        "Walgreens Boots Alliance said on Monday it named Jane Doe chief executive.", (gold,))
    assert [found.company_name for found in extract_news(item.title, item.summary)] == ["Walgreens Boots Alliance"]
    assert score_alerts([item], extract_news).right["leadership"] == 1


def test_two_spent_real_sets_hold_their_alert_floors() -> None:
    """holdout26+27 (spent in round 14) with the shipped weights: at 5200b74 precision 0.948, recall 0.400 (181 right, 10 wrong);
    with round 14's resolver classes (matching.written_forms, capitals, deal verbs) 0.928 / 0.456 (206 right, 16 wrong: the
    six added are the right company on events that pair with no label)."""
    pool = load_pool()
    scores = AlertScores()
    for name in ("holdout26", "holdout27"):
        scores.add(score_alerts(pool[name], extract_news))
    # 390 until round 17's relabel (labels17): holdout27 lost three background departures and gained one pending departure
    assert sum(scores.labelled.values()) == 388
    assert scores.precision() >= 0.90 and scores.recall() >= 0.43


def test_distractors_are_real_companies_from_the_namesake_crm_and_edgar_index_never_the_people_of_forms_3_4_5() -> None:
    names = {account.name: account for account in distractor_accounts()}
    assert names["Apollo Hospitals"].industry == "healthcare" and names["Apollo Hospitals"].domain == "apollohospitals.com"
    assert "UNISYS CORP" in names and "Spirit Airlines, Inc." in names  # an 8-K/A and an 8-K filer of 2020-03-18
    assert "10x Genomics, Inc." not in names  # it filed only forms 3 and 4 that day (their filers are mostly people)
    assert len(names) > 1_000


def test_a_distractor_with_a_labels_name_is_dropped_and_one_the_event_names_makes_a_wrong_alert() -> None:
    item = LabelledItem("g", "Acme raises $5M seed round", "", (_funding("Acme"),))
    alone = score_alerts([item], extract_news)
    assert (alone.right["funding"], alone.wrong["funding"]) == (1, 0)
    crowded = score_alerts([item], extract_news, distractors=[Account(id=0, name="Acme"), Account(id=0, name="Globex")])
    assert (crowded.right["funding"], crowded.wrong["funding"]) == (1, 0)  # "Acme" is the label's own account: dropped
    stray = LabelledItem("h", "Globex raises $5M seed round", "", (_funding("Acme"),))
    wrong = score_alerts([stray], extract_news, distractors=[Account(id=0, name="Globex")])
    assert (wrong.right["funding"], wrong.wrong["funding"], wrong.recall()) == (0, 1, 0.0)  # tied to the distractor: wrong


def test_news_distractors_are_the_other_sets_labelled_companies_once_each_never_the_left_out_sets() -> None:
    sets = {"a": [LabelledItem("a1", "", "", (_funding("Acme Inc."), _deal("Initech", "Globex")))],
            "b": [LabelledItem("b1", "", "", (_funding("Acme"), _funding("Hooli")))],
            "judge": [LabelledItem("j1", "", "", (_funding("Umbrella"),))]}
    assert [account.name for account in news_distractors(sets, leave_out=("judge",))] == ["Acme Inc.", "Initech", "Globex", "Hooli"]
    item = LabelledItem("c", "Hooli raises $5M seed round", "", (_funding("Umbrella"),))
    scores = score_alerts([item], extract_news, news_distractors(sets))
    assert (scores.right["funding"], scores.wrong["funding"]) == (0, 1)  # the wrongly read company met a company in the news


def test_the_pool_figure_scores_each_set_against_the_other_sets_companies_never_its_own() -> None:
    hooli = LabelledItem("a1", "Hooli raises $5M seed round", "", (_funding("Hooli"),))
    stray = LabelledItem("b1", "Hooli raises $5M seed round", "", (_funding("Umbrella"),))
    sets = {"a": [hooli], "b": [stray]}
    scores = pool_alerts(sets, extract_news)
    # Set a's own label stands for Hooli (right); set b meets Hooli as a company in the news, from set a (wrong).
    assert (scores.right["funding"], scores.wrong["funding"], scores.reached["funding"]) == (1, 1, 1)
    alone = pool_alerts(sets, extract_news, news=False)
    assert (alone.right["funding"], alone.wrong["funding"]) == (1, 0)  # without news distractors b's Hooli ties nothing


def test_a_company_among_the_distractors_twice_is_one_account_and_still_a_wrong_alert() -> None:
    stray = LabelledItem("h", "Globex raises $5M seed round", "", (_funding("Acme"),))
    twice = score_alerts([stray], extract_news, distractors=[Account(id=0, name="Globex"), Account(id=0, name="Globex Inc.")])
    # Two accounts of one name would make the resolver refuse the tie and hide the wrong alert.
    assert (twice.right["funding"], twice.wrong["funding"]) == (0, 1)


def test_round_17_drops_a_news_distractor_written_as_the_sets_own_company_and_keeps_other_companies() -> None:
    # Set a labels "SoftBank Group Corp." and "General Electric"; set b writes them "SoftBank" and "GE" (real spellings
    # of the spent sets), and names Hooli, another company.
    softbank = LabelledItem("a1", "SoftBank raises $5M seed round", "", (_funding("SoftBank Group Corp."),))
    ge = LabelledItem("a2", "GE raises $5M seed round", "", (_funding("General Electric"),))
    stray = LabelledItem("a3", "Hooli raises $5M seed round", "", (_funding("Umbrella"),))
    sets = {"a": [softbank, ge, stray],
            "b": [LabelledItem("b1", "", "", (_funding("SoftBank"), _funding("GE"), _funding("Hooli")))]}
    assert is_written_form("ge", "general electric") and is_written_form("softbank group", "softbank")
    assert not is_written_form("delta air lines", "delta electronics") and not is_written_form("g", "google")
    kept = written_forms_apart(news_distractors(sets, leave_out=("a",)), crm_accounts(sets["a"]))
    assert [account.name for account in kept] == ["Hooli"]
    apart = pool_alerts({"a": sets["a"]} | {"b": []}, extract_news)
    before = pool_alerts({"a": sets["a"]} | {"b": []}, extract_news, apart=False)
    assert apart.wrong["funding"] <= before.wrong["funding"]
    assert pool_alerts(sets, extract_news).wrong["funding"] >= 1  # Hooli, another company, is still a wrong alert


def test_one_account_per_company_merges_a_sets_own_written_forms_and_an_alert_to_either_is_right() -> None:
    # The spent sets' labels write one company two ways within a set ("Takeda" / "Takeda Pharmaceutical", "Cisco Systems" /
    # "Cisco"); the diagnostic CRM holds it once, the later form an alias. Another company stays apart and stays wrong.
    items = [LabelledItem("t1", "Takeda raises $5M seed round", "", (_funding("Takeda Pharmaceutical"),)),
             LabelledItem("t2", "Takeda Pharmaceutical raises $5M seed round", "", (_funding("Takeda"),)),
             LabelledItem("t3", "Hooli raises $5M seed round", "", (_funding("Umbrella"),)),
             LabelledItem("t4", "", "", (_funding("Hooli"),))]
    merged, account_of = one_account_per_company(crm_accounts(items))
    assert [(account.id, account.name, account.aliases) for account in merged] == [
        (1, "Takeda Pharmaceutical", ("Takeda",)), (2, "Umbrella", ()), (3, "Hooli", ())]
    assert account_of["takeda"] == account_of["takeda pharmaceutical"] == 1
    two = score_alerts(items, extract_news)
    one = score_alerts(items, extract_news, one_account=True)
    assert one.right["funding"] > two.right["funding"] or one.wrong["funding"] < two.wrong["funding"]
    assert one.wrong["funding"] >= 1  # Hooli for Umbrella's label: another company, still wrong
