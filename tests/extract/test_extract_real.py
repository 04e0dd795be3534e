"""The extractor on real published news: the corpus and its split, the figures on both parts, and focused real cases.

The corpus (tests/fixtures/news/real, labelled by LABELLING.md) is split once by `split_of`.
Patterns were tuned on the dev part only; the test part was scored, never read for errors.

The dev part meets the issue's targets. The test part does not (recall in particular): its
assertions hold the floors reached after honest dev-only tuning, so a regression shows, but they
are not the targets. See README "What is extracted from news" for the figures.

More real sets (see their READMEs): `train2` (tuned on openly) and `holdout2`, `holdout3`, `holdout4`,
each gathered and labelled before any extractor ran on it, scored as a judge, and then spent: round 5
of issue 14 read their errors and tuned on them. Their assertions hold what tuning reached, not the
targets. `holdout9`, `holdout10`, `holdout12` and `holdout13` (fresh tuning sets of rounds 7-8) likewise,
and the retired judges `holdout5`-`holdout8`, `holdout11` and `holdout14`-`holdout37` are tuning material now
too. The judges of round 19 are `holdout38` and `holdout39` (errors never read); their READMEs
keep a scoring record; nothing here scores them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from signalwatch.events import CHANGES, EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.evaluate import ACCOUNT_FIELDS, FIELDS, TARGETS, LabelledItem, Scores, load_labelled, load_real, score, shortfalls, split_of

REAL = Path(__file__).parent.parent / "fixtures" / "news" / "real"
HOLDOUT2 = Path(__file__).parent.parent / "fixtures" / "news" / "holdout2" / "holdout2.jsonl"
TRAIN2 = Path(__file__).parent.parent / "fixtures" / "news" / "train2" / "train2.jsonl"
HOLDOUT3 = Path(__file__).parent.parent / "fixtures" / "news" / "holdout3" / "holdout3.jsonl"
HOLDOUT4 = Path(__file__).parent.parent / "fixtures" / "news" / "holdout4" / "holdout4.jsonl"

# The test part's figures (the achieved values, rounded down): below the targets for funding and leadership,
# held here so that they do not silently fall. Round 5 of issue 14 (tuned on the spent sets, never on this
# part) found 11 more funding rounds here and one more wrong one, so funding precision fell 0.952 -> 0.944
# and amount accuracy 0.90 -> 0.86 (the new detections' amounts; the items were not read); leadership
# +2 right, 0 wrong, its title accuracy 0.83 -> 0.79; layoffs +2 right, +1 wrong. Round 7 (tuned on the
# fresh holdout9 and holdout10 and the spent sets): funding 0.944/0.600 -> 0.949/0.659 (+3 right from the
# patterns, +2 from the learned detector, 0 wrong); leadership 0.968/0.762 -> 0.969/0.787 (+2 right), title
# 0.79 -> 0.78; acquisition 0.955/0.840 -> 0.913/0.840 (one more wrong event, the items not read: the round
# gained 3 right and 0 wrong on the clean judge holdout8, so it was merged and this floor lowered).
# Round 8 (tuned on holdout12/13 first, then the other spent sets; the learned detector retrained with
# holdout12/13 added and switched OFF by its own rule: right - wrong 2/1 funding, 2/0 leadership left-out,
# under the 3 it needs): funding 0.949/0.659 -> 0.946/0.624 (the detector had found 3 here, the patterns
# gained none; items not read), leadership 0.969/0.787 -> 0.955/0.800 (+1 right, +1 wrong), title 0.78 ->
# 0.77, acquisition and layoffs unchanged; the judges holdout11/14/15 decided the merge (their READMEs).
# Round 9 (tuned on the seven retired judges holdout5-8/11/14/15, read for the first time, and the other spent
# sets; the detector retrained on all 16 and switched ON by the same rule): funding 0.946/0.624 -> 0.948/0.647
# (the detector +2 right, 0 wrong), leadership 0.955/0.800 -> 0.957/0.838 (+3 detected, 2 of them with the
# labelled person: person 0.95 -> 0.94, title 0.77 -> 0.75; items not read), acquisition 0.913/0.840 ->
# 0.957/0.880; the judges holdout16-19 decided the merge (their READMEs).
# Round 10 (tuned on holdout16-19, read for the first time, and the other spent sets; the detector retrained on
# 20 sets, on by the same rule): funding 0.948/0.647 -> 0.949/0.659 (amount 0.87 -> 0.89), leadership unchanged
# at 0.957/0.838 (company 0.91 -> 0.87: initials now spelled out as the summary writes them), acquisition
# 0.957/0.880 -> 0.958/0.920; items not read. The judges holdout20/21 moved by nothing (their READMEs).
# Round 11 start: the detector retrained on 22 sets (holdout20/21 joined) chose funding threshold 0.75 (was 0.65; left-out
# 11 right / 2 wrong): the test part's funding recall 0.659 -> 0.647 (one event fewer; items not read).
# Round 13's retrain (26 sets; the gain bar 3 + floor(log2(S) / 2) of train.gain_bar): the tagger's funding use moved from
# "rescue" at margin 0 with the detector at 0.85 to "pick" at margin 32 with the detector at 0.5 (left-out 20 right / 3 wrong
# against the heuristics' 14 / 5: gain 8, bar 6 for its 160 settings); "pick" refuses a company the tagger is unsure of, and
# here funding 0.948/0.647 -> 0.947/0.635 (one right event fewer, no wrong one more; items not read). The leadership use
# and "fill" switched off (no allowed setting; 3 under the bar 4): leadership unchanged at 0.957/0.838.
# Round 13's final retrain, after the precision checks (65 wrong funding/leadership events and 85 wrong acquisition/layoff
# events removed on the spent sets, 2 right lost): "fill" back on at margin 48 (gain 7), funding "pick" at 32 / 0.5 (gain 7),
# leadership use off; here funding 0.947/0.635 -> 0.964/0.624 (one right event fewer, two wrong fewer; items not read).
TEST_FLOORS = {
    ("funding", "precision"): 0.94, ("funding", "recall"): 0.62,
    ("leadership", "precision"): 0.95, ("leadership", "recall"): 0.83,
    ("acquisition", "precision"): 0.95, ("acquisition", "recall"): 0.91,
    ("layoffs", "precision"): 0.9, ("layoffs", "recall"): 0.9,
}
TEST_FIELD_FLOORS = {
    ("funding", "amount"): 0.88, ("funding", "round"): 0.88, ("leadership", "person"): 0.94, ("leadership", "title"): 0.74,
    ("acquisition", "acquirer"): 0.99, ("layoffs", "count"): 0.95,
}
# holdout2, holdout3 and holdout4 are spent: once judges, now tuning material (round 5 of issue 14 read their
# errors). Their first honest figures are in their READMEs; these floors (rounded down) hold what tuning
# reached, so that a shape once learned is not lost.
HOLDOUT2_FLOORS = {
    ("funding", "precision"): 0.98, ("funding", "recall"): 0.91,
    ("leadership", "precision"): 0.97, ("leadership", "recall"): 0.82,
    ("acquisition", "precision"): 0.93, ("acquisition", "recall"): 0.83,
    ("layoffs", "precision"): 0.99, ("layoffs", "recall"): 0.99,
}
HOLDOUT2_FIELD_FLOORS = {
    ("funding", "amount"): 0.98, ("funding", "round"): 0.98, ("leadership", "person"): 0.98, ("leadership", "title"): 0.89,
    ("acquisition", "acquirer"): 0.93, ("layoffs", "count"): 0.99,
}
HOLDOUT3_FLOORS = {
    ("funding", "precision"): 0.99, ("funding", "recall"): 0.97,
    ("leadership", "precision"): 0.9, ("leadership", "recall"): 0.8,
    ("acquisition", "precision"): 0.95, ("acquisition", "recall"): 0.85,
    ("layoffs", "precision"): 0.94, ("layoffs", "recall"): 0.84,
}
# Round 12: funding round 0.98 -> 0.97 (the learned part's extra funding events on this spent set: 69 of 71 rounds right).
HOLDOUT3_FIELD_FLOORS = {
    ("funding", "amount"): 0.99, ("funding", "round"): 0.97, ("leadership", "person"): 0.99, ("leadership", "title"): 0.84,
    ("acquisition", "acquirer"): 0.91, ("layoffs", "count"): 0.99,
}
# holdout4's first scoring (the shipped extractor before round 5): funding 0.860/0.514, leadership
# 0.903/0.554, acquisition 0.758/0.490, layoffs 0.870/0.556.
# Round 15: leadership recall 0.82 -> 0.80: the retrain on 30 sets switched the tagger's "fill" use off (no margin passes
# the precision guard on the left-out sets: 6 right / 1 wrong at 48, 15 / 2 at 32), so leadership events read with a person
# and no company are no longer given one here.
HOLDOUT4_FLOORS = {
    ("funding", "precision"): 0.99, ("funding", "recall"): 0.86,
    ("leadership", "precision"): 0.96, ("leadership", "recall"): 0.80,
    ("acquisition", "precision"): 0.84, ("acquisition", "recall"): 0.72,
    ("layoffs", "precision"): 0.96, ("layoffs", "recall"): 0.8,
}
HOLDOUT4_FIELD_FLOORS = {
    ("funding", "amount"): 0.98, ("funding", "round"): 0.96, ("leadership", "person"): 0.99, ("leadership", "title"): 0.91,
    ("acquisition", "acquirer"): 0.91, ("layoffs", "count"): 0.99,
}
# holdout9 and holdout10 were gathered for round 7 as fresh tuning material: scored once on the shipped
# extractor before their errors were read (their READMEs), then tuned on. Held at what round 7 reached.
HOLDOUT9_FLOORS = {
    ("funding", "precision"): 0.99, ("funding", "recall"): 0.81,
    ("leadership", "precision"): 0.99, ("leadership", "recall"): 0.76,
    ("acquisition", "precision"): 0.99, ("acquisition", "recall"): 0.8,
    ("layoffs", "precision"): 0.93, ("layoffs", "recall"): 0.87,
}
# Round 15: leadership recall 0.91 -> 0.89, the tagger's "fill" use switched off by the retrain (as holdout4 above).
# Round 17 (labels17, label change only): leadership precision 0.98 -> 0.97: rh10-0236's John Ngumi, "who resigned ... in
# December", is background by LABELLING.md's round-17 ruling 1, so the departure the extractor reads there pairs with no
# label (82/83 -> 81/83 right).
HOLDOUT10_FLOORS = {
    ("funding", "precision"): 0.99, ("funding", "recall"): 0.89,
    ("leadership", "precision"): 0.97, ("leadership", "recall"): 0.89,
    ("acquisition", "precision"): 0.99, ("acquisition", "recall"): 0.88,
    ("layoffs", "precision"): 0.91, ("layoffs", "recall"): 0.68,
}
# Round 13: leadership recall 0.81 -> 0.80: rh12-0066 ("When Channel Leaders Move On") lost its two events, which named the
# headline's words "Channel Leaders" as the company (detected, company wrong); the precision round's first class.
# Round 13: leadership recall 0.80 -> 0.79, the tagger's leadership use switched off by the retrain (no allowed setting
# under the precision guards; round 12 had it on at 0.95): one event it named is no longer made.
HOLDOUT12_FLOORS = {
    ("funding", "precision"): 0.99, ("funding", "recall"): 0.89,
    ("leadership", "precision"): 0.94, ("leadership", "recall"): 0.79,
    ("acquisition", "precision"): 0.92, ("acquisition", "recall"): 0.79,
    # round 14 (prec14): 0.79 -> 0.75: rh12-0062's cut was paired but named "Citrix-Tibco" (the label: Cloud Software Group), an
    # alert to the wrong account; the class "a word inside the headline the summary never names" now leaves it with no company
    ("layoffs", "precision"): 0.99, ("layoffs", "recall"): 0.75,
}
HOLDOUT13_FLOORS = {
    ("funding", "precision"): 0.91, ("funding", "recall"): 0.8,
    ("leadership", "precision"): 0.95, ("leadership", "recall"): 0.77,
    ("acquisition", "precision"): 0.99, ("acquisition", "recall"): 0.64,
    ("layoffs", "precision"): 0.96, ("layoffs", "recall"): 0.85,
}
FRESH_FIELD_FLOORS = {
    ("funding", "amount"): 0.93, ("funding", "round"): 0.95, ("leadership", "person"): 0.96, ("leadership", "title"): 0.79,
    ("acquisition", "acquirer"): 0.95,
}
# train2 is tuning material (its errors were read): held so that its shapes stay learned.
TRAIN2_FLOORS = {
    ("funding", "precision"): 0.99, ("funding", "recall"): 0.93,
    ("leadership", "precision"): 0.99, ("leadership", "recall"): 0.95,
    ("acquisition", "precision"): 0.99, ("acquisition", "recall"): 0.5,
    ("layoffs", "precision"): 0.99, ("layoffs", "recall"): 0.66,
}

@pytest.fixture(scope="module")
def corpus() -> list[LabelledItem]:
    return load_real(REAL)


@pytest.fixture(scope="module")
def dev_scores() -> Scores:
    return score(load_real(REAL, "dev"), extract_news)


@pytest.fixture(scope="module")
def test_scores() -> Scores:
    return score(load_real(REAL, "test"), extract_news)


def test_the_corpus_is_real_labelled_and_split_once(corpus: list[LabelledItem]) -> None:
    assert len(corpus) >= 780
    assert len({item.id for item in corpus}) == len(corpus)
    for item in corpus:
        for event in item.events:
            assert event["change"] in CHANGES[event["type"]], item.id
    dev = sum(1 for item in corpus if item.split == "dev")
    assert 0.55 <= dev / len(corpus) <= 0.65
    # The split is a hash of the id: the same on every machine and run, whatever else is added.
    assert [split_of(i) for i in ("rf-0002", "rf-0003", "rp-0004", "rn-0013")] == [split_of(i) for i in ("rf-0002", "rf-0003", "rp-0004", "rn-0013")]
    assert split_of("rp-0004") == "dev" and split_of("rf-0001") == "test"


def test_the_dev_part_meets_the_targets(dev_scores: Scores) -> None:
    assert shortfalls(dev_scores) == [], dev_scores.table()
    for kind in ("acquisition", "layoffs"):
        assert dev_scores.precision(kind) >= 0.95 and dev_scores.recall(kind) >= 0.90, dev_scores.table()


def test_the_test_part_holds_its_floors(test_scores: Scores) -> None:
    """Below target (see the module docstring): these are the figures reached without reading its errors."""
    for (kind, metric), floor in TEST_FLOORS.items():
        value = test_scores.precision(kind) if metric == "precision" else test_scores.recall(kind)
        assert value >= floor, f"{kind} {metric} {value:.3f} < {floor}\n{test_scores.table()}"
    for (kind, name), floor in TEST_FIELD_FLOORS.items():
        assert test_scores.accuracy(kind, name) >= floor, f"{kind} {name}\n{test_scores.table()}"


def _holds(scores: Scores, floors: dict[tuple[str, str], float], field_floors: dict[tuple[str, str], float]) -> None:
    for (kind, metric), floor in floors.items():
        value = scores.precision(kind) if metric == "precision" else scores.recall(kind)
        assert value >= floor, f"{kind} {metric} {value:.3f} < {floor}\n{scores.table()}"
    for (kind, name), floor in field_floors.items():
        assert scores.accuracy(kind, name) >= floor, f"{kind} {name}\n{scores.table()}"


def _url(url: str) -> str:
    return url.split("://", 1)[-1].removeprefix("www.").split("#")[0].rstrip("/?").lower()


def _headline(title: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in title.lower()).split())


@pytest.mark.parametrize(("path", "prefix", "least"), [(HOLDOUT2, "rh-", 200), (TRAIN2, "rt-", 120)])
def test_the_later_real_sets_are_apart_from_the_corpus_and_each_other(corpus: list[LabelledItem], path: Path, prefix: str,
                                                                      least: int) -> None:
    items = load_labelled(path)
    assert len(items) >= least and len({item.id for item in items}) == len(items)
    assert all(item.id.startswith(prefix) for item in items)
    for item in items:
        for event in item.events:
            assert event["change"] in CHANGES[event["type"]], item.id
            assert set(event["attributes"]) >= set(FIELDS[event["type"]]) - {"company", "change"}, item.id
    negatives = sum(1 for item in items if not item.events)
    assert 0.3 <= negatives / len(items) <= 0.5  # hard negatives, about 40%
    others = corpus + (load_labelled(TRAIN2) if path == HOLDOUT2 else load_labelled(HOLDOUT2))
    rows = {path: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] for path in (HOLDOUT2, TRAIN2)}
    urls = {_url(row["url"]) for other in (REAL.glob("*.jsonl")) for row in map(json.loads, other.read_text(encoding="utf-8").splitlines())}
    urls |= {_url(row["url"]) for other, lines in rows.items() if other != path for row in lines}
    assert not {_url(row["url"]) for row in rows[path]} & urls
    assert not {_headline(item.title) for item in items} & {_headline(other.title) for other in others}


def test_holdout2_holds_its_floors() -> None:
    """Never tuned on; scored before and after the issue-14 round only (see its README)."""
    _holds(score(load_labelled(HOLDOUT2), extract_news), HOLDOUT2_FLOORS, HOLDOUT2_FIELD_FLOORS)


def test_holdout3_holds_its_floors() -> None:
    """Never tuned on (see its README)."""
    _holds(score(load_labelled(HOLDOUT3), extract_news), HOLDOUT3_FLOORS, HOLDOUT3_FIELD_FLOORS)


def test_holdout4_holds_its_floors() -> None:
    """Never tuned on (see its README)."""
    _holds(score(load_labelled(HOLDOUT4), extract_news), HOLDOUT4_FLOORS, HOLDOUT4_FIELD_FLOORS)


@pytest.mark.parametrize(("name", "floors"), [("holdout9", HOLDOUT9_FLOORS), ("holdout10", HOLDOUT10_FLOORS),
                                             ("holdout12", HOLDOUT12_FLOORS), ("holdout13", HOLDOUT13_FLOORS)])
def test_the_fresh_tuning_sets_hold_their_floors(name: str, floors: dict[tuple[str, str], float]) -> None:
    _holds(score(load_labelled(REAL.parent / name / f"{name}.jsonl"), extract_news), floors, FRESH_FIELD_FLOORS)


def test_train2_holds_its_floors() -> None:
    _holds(score(load_labelled(TRAIN2), extract_news), TRAIN2_FLOORS, {})


def test_the_targets_are_the_issues() -> None:
    assert TARGETS["precision"] == 0.95 and TARGETS["recall"] == 0.90
    assert set(TARGETS["fields"]) == {("funding", "amount"), ("funding", "round"), ("leadership", "person"), ("leadership", "title")}
    assert FIELDS["funding"] == ("company", "change", "amount", "currency", "round")
    assert FIELDS["acquisition"] == ("company", "change", "acquirer", "amount")
    assert FIELDS["layoffs"] == ("company", "count", "percentage")


def _funding(amount: float | None, currency: str | None, change: str = "raised") -> dict:
    return {"type": "funding", "change": change, "company_name": "Acme",
            "attributes": {"amount": amount, "currency": currency, "round": "seed", "investors": [], "lead_investors": []}}


def test_an_amount_is_right_only_with_its_currency_and_a_reported_round_is_still_found() -> None:
    items = [
        LabelledItem("a", "Acme raises $5M seed round", "", (_funding(5e6, "GBP"),)),
        LabelledItem("b", "Acme raises $5M seed round", "", (_funding(5e6, "USD", "reported"),)),
    ]
    scores = score(items, extract_news)
    assert scores.recall("funding") == 1.0  # raised/reported is how sure the source is: scored as a field
    assert scores.accuracy("funding", "amount") == 0.5  # $5M is not £5M
    assert scores.accuracy("funding", "change") == 0.5


def test_a_departure_read_as_an_appointment_is_a_miss() -> None:
    gold = {"type": "leadership", "change": "departed", "company_name": "Uber", "attributes": {"person": "Jeff Jones", "title": "president"}}
    scores = score([LabelledItem("c", "Uber names Jeff Jones president", "", (gold,))], extract_news)
    assert scores.predicted["leadership"] == 1 and scores.true_positive["leadership"] == 0



def test_an_event_naming_another_account_counts_in_precision_but_not_as_the_right_account() -> None:
    """An alert tied to the wrong company reaches the wrong account: plain precision pairs it, `account_precision` does not."""
    wrong_company = {**_funding(5e6, "USD"), "company_name": "Globex"}
    scores = score([LabelledItem("e", "Acme raises $5M seed round", "", (wrong_company,)),
                    LabelledItem("f", "Acme raises $5M seed round", "", (_funding(5e6, "USD"),))], extract_news)
    assert scores.precision("funding") == 1.0
    assert scores.account_precision("funding") == 0.5
    assert "| right account |" in scores.table() and "| 0.500 |" in scores.table()
    assert all(set(names) <= set(FIELDS[kind]) for kind, names in ACCOUNT_FIELDS.items())  # compared with the other fields, once


def test_a_name_is_the_same_name_whatever_its_apostrophe() -> None:
    """Labels copy the page's curly apostrophe ("O’Connor"); the extractor's cleaned text has a straight one."""
    gold = {"type": "leadership", "change": "appointed", "company_name": "HMC", "attributes": {"person": "John O\u2019Connor", "title": "COO"}}
    scores = score([LabelledItem("d", "HMC names John O'Connor COO", "", (gold,))], extract_news)
    assert scores.true_positive["leadership"] == 1
    assert scores.accuracy("leadership", "person") == 1.0

# --- real headlines the first extractor missed -------------------------------------------------------


def _events(title: str, summary: str = "") -> list[Extraction]:
    return extract_news(title, summary)


def _one(found: list[Extraction], kind: EventType) -> Extraction:
    matching = [event for event in found if event.type == kind]
    assert len(matching) == 1, found
    return matching[0]


def test_a_purpose_after_the_amount_is_not_a_contract() -> None:
    event = _one(_events("Carbon Health raises $28M to deal with increased telemedicine demand"), EventType.FUNDING)
    assert (event.company_name, event.attributes["amount"], event.attributes["currency"]) == ("Carbon Health", 28e6, "USD")


def test_the_subject_may_follow_a_lead_in_clause() -> None:
    event = _one(_events("To reinvent itself in telehealth, Wheel lands $150 million Series C"), EventType.FUNDING)
    assert (event.company_name, event.attributes["amount"], event.attributes["round"]) == ("Wheel", 150e6, "series_c")


def test_an_unnamed_departure_takes_the_person_the_summary_names() -> None:
    summary = ("In a surprise announcement, Jack Dorsey, cofounder of Twitter, has decided to step down from his role as CEO. "
               "No additional information.")
    event = _one(_events("Twitter CEO Suddenly Steps Down", summary), EventType.LEADERSHIP)
    assert (event.change, event.company_name, event.attributes["person"], event.attributes["title"]) == ("departed", "Twitter", "Jack Dorsey", "CEO")


def test_a_surname_becomes_the_full_name_the_item_gives() -> None:
    summary = "Travis Kalanick, the combative and embattled CEO of ride-hailing giant Uber, has resigned under pressure from investors."
    event = _one(_events("Uber CEO Kalanick resigns under investor pressure", summary), EventType.LEADERSHIP)
    assert (event.change, event.company_name, event.attributes["person"], event.attributes["title"]) == ("departed", "Uber", "Travis Kalanick", "CEO")
    assert _one(_events("Uber CEO Kalanick resigns under investor pressure"), EventType.LEADERSHIP).attributes["person"] == "Kalanick"


def test_a_succession_headline_reports_every_change() -> None:
    summary = ("After much speculation Microsoft (NASDAQ: MSFT) has named Satya Nadella as its new CEO, succeeding Steve Ballmer, "
               "who is retiring. Microsoft also announced that Bill Gates, previously chairman of the board of directors, "
               "will assume a new role on the board as founder-technology advisor.")
    headline = "Gates and Ballmer step aside, Nadella named new Microsoft CEO"
    found = {(e.change, e.attributes["person"], e.attributes["title"]) for e in _events(headline, summary)}
    assert found == {
        ("appointed", "Satya Nadella", "CEO"),
        ("departed", "Steve Ballmer", "CEO"),
        ("departed", "Bill Gates", "chairman of the board of directors"),
    }


@pytest.mark.parametrize(
    ("title", "summary", "change", "acquirer", "target", "amount", "currency"),
    [
        ("Google to buy Nest for $3.2B US", "", "acquired", "Google", "Nest", 3.2e9, "USD"),
        ("Beacon Analytics to be acquired by Snowflake in $1.1B deal", "", "acquired", "Snowflake", "Beacon Analytics", 1.1e9, "USD"),
        ("Vertu Motors snaps up dealership Burrows Motor Co. for £12.5M", "", "acquired", "Vertu Motors", "Burrows Motor Co.", 12.5e6, "GBP"),
        ("Apple 'in talks' to buy Beats Electronics for $3.2 billion", "", "reported", "Apple", "Beats Electronics", 3.2e9, "USD"),
        ("Elon Musk offers to buy Twitter for $43 billion", "", "reported", "Elon Musk", "Twitter", 43e9, "USD"),
        ("Twitter accepts Elon Musk's $44 billion deal", "", "acquired", "Elon Musk", "Twitter", 44e9, "USD"),
        ("Microsoft to buy LinkedIn for $26 billion", "LinkedIn will be bought for $26.2 billion, or $196 per share, in cash.",
         "acquired", "Microsoft", "LinkedIn", 26.2e9, "USD"),  # the body's figure
    ],
)
def test_acquisitions(title: str, summary: str, change: str, acquirer: str, target: str, amount: float, currency: str) -> None:
    event = _one(_events(title, summary), EventType.ACQUISITION)
    assert (event.change, event.company_name) == (change, target)
    assert event.attributes == {"acquirer": acquirer, "target": target, "amount": amount, "currency": currency}


def test_an_acquisition_of_two_companies_is_two_events() -> None:
    found = _events("Spotify buys podcast companies Gimlet and Anchor")
    assert [(e.company_name, e.attributes["acquirer"]) for e in found] == [("Gimlet", "Spotify"), ("Anchor", "Spotify")]


@pytest.mark.parametrize(
    ("title", "summary", "company", "count", "percentage"),
    [
        ("Facebook parent Meta cuts 11,000 jobs, 13% of workforce", "", "Meta", 11000, 13.0),
        ("Reports: Twitter could lay off half its workforce", "Elon Musk will eliminate about 3,700 jobs from Twitter.", "Twitter", 3700, 50.0),
        ("Klarna to slash workforce by 10 per cent", "", "Klarna", None, 10.0),
        ("Google to lay off 12000: Read CEO Sundar Pichai's email", "Google is set to cut 12,000 jobs.", "Google", 12000, None),
        ("Vodafone plans 11,000 job cuts", "", "Vodafone", 11000, None),
        ("Robinhood lays off 23% of staff as retail investing slows",
         "Robinhood has now cut another 23 per cent of its staff - more than 1,000 jobs in total.", "Robinhood", None, 23.0),
    ],
)
def test_layoffs(title: str, summary: str, company: str, count: int | None, percentage: float | None) -> None:
    event = _one(_events(title, summary), EventType.LAYOFFS)
    assert (event.change, event.company_name, event.attributes) == ("announced", company, {"count": count, "percentage": percentage})


@pytest.mark.parametrize(
    ("title", "summary", "change", "company", "amount", "currency", "round_"),
    [
        ("Uber in talks to raise $1 billion in funding", "", "reported", "Uber", 1e9, "USD", "undisclosed"),
        ("Oxford BioMedica takes out $50M loan to service Novartis CAR-T alliance", "", "raised", "Oxford BioMedica", 50e6, "USD", "debt"),
        ("Gates Foundation Awards $100K to Lab-on-a-Chip Non-profit Diagnostics for All",
         "Non-profit Diagnostics for All this week announced it has received a $100,000 Grand Challenges Explorations grant.",
         "raised", "Diagnostics for All", 100e3, "USD", "grant"),
        ("London fintech Tillpoint raises £15m Series A", "", "raised", "Tillpoint", 15e6, "GBP", "series_a"),
        ("Bengaluru-based Kiranapay raises Rs 120 crore in Series B", "", "raised", "Kiranapay", 1.2e9, "INR", "series_b"),
        ("Sydney startup Brightlane snags A$25M Series B", "", "raised", "Brightlane", 25e6, "AUD", "series_b"),
        ("Glooko Gets $16M Injection to Upgrade Digital Diabetes Product",
         "The Palo Alto, CA-based company has raised a $16.5 million Series B round, led by Canaan Partners.",
         "raised", "Glooko", 16.5e6, "USD", "series_b"),  # the body's figure
    ],
)
def test_funding_shapes(title: str, summary: str, change: str, company: str, amount: float, currency: str, round_: str) -> None:
    event = _one(_events(title, summary), EventType.FUNDING)
    assert (event.change, event.company_name, event.attributes["amount"], event.attributes["currency"], event.attributes["round"]) == (
        change, company, amount, currency, round_)


def test_a_generic_subject_takes_the_company_the_summary_names() -> None:
    summary = ("A biotech startup with roots in Palo Alto, CA has raised $18 million in venture cash. "
               "Nora Therapeutics is a one-molecule biotech.")
    event = _one(_events("Biotech upstart grabs $18M to study a new drug to protect pregnancies", summary), EventType.FUNDING)
    assert (event.company_name, event.attributes["amount"]) == ("Nora Therapeutics", 18e6)


def test_a_roundup_reports_each_round() -> None:
    summary = ("In the past two weeks, there have been five major funding announcements by Badger State startups: "
               "$8.5 million for Green Bay-based Aver Informatics, $6 million for Delafield-based Montage Talent, "
               "$3.4 million for Madison-based FluGen.")
    found = {(e.company_name, e.attributes["amount"]) for e in _events("3 Takeaways From Wisconsin's Recent Burst of VC Deals", summary)}
    assert found == {("Aver Informatics", 8.5e6), ("Montage Talent", 6e6), ("FluGen", 3.4e6)}


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Madrona Venture Group raises $690M for two new funds to back startups in Seattle and elsewhere",
         "Madrona Venture Group has raised its largest fund ever, reeling in $690 million across two investing vehicles."),
        ("Third Rock raises $770m in new funding round",
         "Third Rock Ventures said Thursday that it has raised $770 million from investors for its fifth and latest fund."),
        ("DOE funds 19 next-gen battery projects with $43M", "The Department of Energy's ARPA-E has allocated another $43 million for 19 battery projects."),
        ("Indian startups secure $585.71 million in funding this week",
         "Indian startups collectively raised approximately USD 585.71 million this week."),
        ("Microsoft wins $10bn Pentagon deal", ""),
        ("Northbeam raises full-year revenue guidance to $1.2 billion", ""),
        ("Airbnb Stock More Than Doubles In Nasdaq Debut", "Airbnb raised $3.5 billion in its IPO."),
        ("Walmart, Microsoft Forge Deeper Bond - And Stronger Bulwark Against AWS", ""),
        ("Google launches its own AI Chatbot", ""),
        ("First US CTO Aneesh Chopra resigns from post", "The first US government chief technology officer Aneesh Chopra has announced he's leaving the job."),
        ("Cisco CEO Sees Weakness But Doesn't Expect Layoffs", "But the company isn't planning any layoffs, Chambers said in an interview."),
        ("Fintechs ramp up hiring as big banks cut jobs", ""),
        ("Apple Just Spent $166 Million to Buy a Cupertino Campus It Was Already Leasing", ""),
        ("Yahoo is officially exploring selling itself", ""),
    ],
)
def test_hard_negatives_stay_quiet(title: str, summary: str) -> None:
    assert _events(title, summary) == []


def test_every_decision_says_why() -> None:
    found = _events("Uber CEO Kalanick resigns under investor pressure", "Travis Kalanick, the CEO of Uber, has resigned.")
    assert found and all(event.why.startswith("leadership.") and "Kalanick" in event.why for event in found)
    assert Counter(event.type for event in _events("Google to buy Nest for $3.2B US")) == {EventType.ACQUISITION: 1}


def test_a_failed_floor_never_shows_the_items_errors() -> None:
    """pytest prints the objects in a failed assertion: the test part's item-level errors must stay unseen."""
    scores = score([LabelledItem("rf-9999", "Acme raises $5M seed round", "", (_funding(5e6, "USD"),))], lambda title, summary: [])
    assert scores.errors and "Acme raises" in scores.errors[0]
    assert "Acme" not in repr(scores) and "Acme" not in scores.table()
