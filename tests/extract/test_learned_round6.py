"""The learned detector, round 6 (issue 14): slot filling from real items of the spent sets, the training pool, explanations.

Every item is verbatim from a spent labelled set (tests/fixtures/news/...), named by set and id.
Slot filling is tested with a detector forced to fire (`ALWAYS`), so that what is asserted is what
the item's words let the detector fill, not how the shipped weights happen to score it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from signalwatch.extract import learned, train
from signalwatch.extract.learned import TASKS, WEIGHTS_PATH, Model, features
from signalwatch.extract.news import extract_news

# Fires on every item: the first class other than "none" wins, with P(not none) near 1.
ALWAYS = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1),
                      {"#money-h": [0.0] + [0.5] * (len(classes) - 1), "#money-s": [0.0] + [0.25] * (len(classes) - 1)}, threshold=0.5)
          for task, classes in TASKS.items()}


def _events(title: str, summary: str, task: str) -> list[tuple[object, ...]]:
    """What the detector's slot filling makes of an item (the patterns are not consulted: they change from round to round)."""
    found = [event for event in learned.model_events(title, summary, ALWAYS) if event.type.value == task]
    if task == "funding":
        return [(e.company_name, e.attributes["amount"], e.attributes["currency"], e.attributes["round"]) for e in found]
    return [(e.change, e.company_name, e.attributes["person"]) for e in found]


# --- funding: the company the headline does not name, from the summary's clause shapes ---------------------


def test_a_round_owned_in_the_summary_names_the_company() -> None:
    # holdout4 rh4-0151: "<Company>'s latest round"; the amount is the headline's, the round the "Series D" beside it.
    title = "$401M: Series D for Cell and Gene Therapy Platform"
    summary = ("ElevateBio’s latest round brings its total capital raised to date to approximately $1.3 billion, adding new "
               "investors—Woodline, Lee Family Office and R&D partner, and Novo Nordisk.")
    assert _events(title, summary, "funding") == [("ElevateBio", 401_000_000.0, "USD", "series_d_plus")]


def test_the_name_a_round_is_in_is_the_company() -> None:
    # holdout9 rh9-0124: investors "identify" the company "in" a round; the subject is not the company.
    assert _events("Corporates identify 4Paradigm in $145m series C", "", "funding") == [("4Paradigm", 145_000_000.0, "USD", "series_c")]


def test_a_headline_about_something_else_is_no_round() -> None:
    # holdout4 rh4-0148: the round is only in the summary and the headline is a bare name, so the detector stays quiet
    # (the price of not reading "X launches a product; it raised $25M last year" as news of a round).
    summary = ("Less than four months after emerging from stealth mode with $50 million in the pocket, cancer startup Nuvalent "
               "completed another financing round, this time in a $135 million Series B.")
    assert _events("Nuvalent Inc.", summary, "funding") == []


def test_a_described_subject_before_which_raised() -> None:
    # train2 rt-0055: "..., was Dhan, a Mumbai-based fintech platform, which raised $120 million".
    summary = ("The standout of the week was Dhan, a Mumbai-based fintech platform, which raised $120 million, entering the coveted "
               "unicorn club. The round was led by existing backers and new global investors.")
    assert _events("Fintech Dominates with Dhan’s Unicorn Moment", summary, "funding") == [("Dhan", 120_000_000.0, "USD", "undisclosed")]


def test_a_sentence_opening_on_a_described_company() -> None:
    # holdout2 rh-0124: "GRAIL, a startup that is backed by ...".
    summary = ("GRAIL, a startup that is backed by both Bill Gates and Jeff Bezos, and which is developing blood testing technology "
               "for early stage cancer detection, is expecting to close a $1 billion, Series B funding, according to its founding investor.")
    found = _events("Gates, Bezos-backed Blood Testing Firm Nears $1 Billion Funding", summary, "funding")
    assert found == [("GRAIL", 1_000_000_000.0, "USD", "series_b")]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # holdout4 rh4-0128: the amount is an acquisition's
        ("Google closes $32bn Wiz acquisition", "Google has closed its $32 billion acquisition of Wiz."),
        # holdout3 rh3-0038: a contract
        ("Agfa HealthCare lands $768m imaging contract with U.S. gov’t",
         "Agfa HealthCare, the medical imaging business owned by Belgium’s Agfa-Gevaert, last week won a contract with the U.S. "
         "government worth up to $768 million."),
        # train2 rt-0025: an investment vehicle (a fund), not a round
        ("Bixin tricks out $100m investment vehicle", ""),
        # holdout3 rh3-0182: no amount and no round word: nothing says money was raised
        ("Amgen adds Stanford scientist to C-suite", "Stanford physician-scientist Howard Chang, M.D., Ph.D., will join Amgen in a few weeks."),
    ],
)
def test_money_that_is_no_round_fills_no_funding_event(title: str, summary: str) -> None:
    assert _events(title, summary, "funding") == []


# --- leadership: a person only when a clause ties them to a title or a change ------------------------------


def test_a_former_title_before_a_joining_verb_names_the_new_company() -> None:
    # holdout2 rh-0058: "Expedia chief" is the job being left; "named to lead Uber" is the change.
    found = _events("Expedia chief Dara Khosrowshahi named to lead Uber",
                    "WASHINGTON: Expedia chief Dara Khosrowshahi has been chosen to replace ousted Travis Kalanick as the next CEO at Uber.",
                    "leadership")
    assert found == [("appointed", "Uber", "Dara Khosrowshahi")]


def test_explain_quotes_the_clause_that_states_the_change() -> None:
    # holdout2 rh-0058
    found = learned.model_events("Expedia chief Dara Khosrowshahi named to lead Uber", "", ALWAYS)
    assert [e.why.split("; ", 1)[1] for e in found if e.type.value == "leadership"] == [
        "appointed as the clause says: 'Expedia chief Dara Khosrowshahi named to lead Uber'"]


def test_the_clause_verb_decides_the_change_over_the_model() -> None:
    # holdout3 rh3-0182: the forced detector says "appointed" anyway; here a departure verb must win over it.
    departing = {task: Model(classes, [-5.0] + [5.0] * (len(classes) - 1), {}, threshold=0.5) for task, classes in TASKS.items()}
    departing["leadership"] = Model(TASKS["leadership"], [-5.0, 4.0, 5.0], {}, threshold=0.5)  # the model leans "departed"
    found = [e for e in learned.model_events("Amgen adds Stanford scientist to C-suite",
                                     "Stanford physician-scientist Howard Chang, M.D., Ph.D., will join Amgen in a few weeks, filling the "
                                     "roles of both senior vice president of research and chief scientific officer.", departing)
             if e.type.value == "leadership"]
    assert [(e.change, e.company_name, e.attributes["person"]) for e in found] == [("appointed", "Amgen", "Howard Chang")]


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # train2 rt-0075: a public agency is no company
        ("FDA chief Scott Gottlieb steps down", "Scott Gottlieb, M.D., will resign as commissioner next month."),
        # holdout3 rh3-0040: "former Credit Suisse boss" names the old employer, not a person
        ("Bank of London appoints former Credit Suisse boss as chief executive", ""),
        # holdout4 rh4-0058: a former title and no change
        ("Former Google CEO Eric Schmidt to visit Israel",
         "Mr. Schmidt, who visits Israel often, is a founding member and the main backer of venture capital firm Innovation Endeavors."),
        # holdout4 rh4-0151: company names in a list are no people ("Novo Nordisk" was read as one)
        ("$401M: Series D for Cell and Gene Therapy Platform",
         "ElevateBio’s latest round brings its total capital raised to date to approximately $1.3 billion, adding new "
         "investors—Woodline, Lee Family Office and R&D partner, and Novo Nordisk."),
    ],
)
def test_no_person_without_a_tie_and_no_agency_as_company(title: str, summary: str) -> None:
    assert _events(title, summary, "leadership") == []


# --- features and the training pool -------------------------------------------------------------------------


def test_shapes_read_what_a_clause_says() -> None:
    feats = set(features("Acme lands $20M to grow", "Acme has raised $20 million from investors."))
    assert {"#money-h", "#money-verb-h", "#money-s", "#money-verb-s"} <= feats
    assert "#money-fund" in features("Madrona raises $300M sixth fund", "")
    assert "#tie-h" in features("Acme names Jane Doe chief executive", "")
    assert "sb:has raised" in feats  # bigrams of the summary's first sentence


def test_the_word_bound_never_skips_an_item_the_full_features_would_fire_on() -> None:
    model = Model(TASKS["funding"], [0.0, -3.0], {"#money-h": [0.0, 2.0], "#money-verb-h": [0.0, 2.0], "h:lands": [0.0, 0.5]}, threshold=0.8)
    words = {"h:acme", "h:lands", "h:<num>"}
    full = sorted(words | {"#money-h", "#money-verb-h"})
    assert model.probabilities(full)[1] >= 0.8 and model.could_reach(words)
    assert not model.could_reach({"h:acme"}) and model.probabilities(["h:acme", "#money-h", "#money-verb-h"])[1] < 0.8


def test_the_pool_is_every_spent_set_and_never_a_judge() -> None:
    names = [name for name, _ in train.POOL]
    assert names[:5] == ["dev", "train2", "holdout2", "holdout3", "holdout4"]
    # Round 9 retired holdout5-8, 11, 14 and 15 into the pool, round 10 holdout16-19, round 11 holdout20-21, round 12
    # holdout22-23, round 13 holdout24-25, round 14 holdout26-27, round 15 holdout28-29, round 16 holdout30-31, round 17 holdout32-33,
    # round 18 holdout34-35, round 19 holdout36-37; the judges still unspent never enter it.
    assert ("holdout36", "holdout36") in train.POOL and ("holdout37", "holdout37") in train.POOL
    for judge in ("holdout38", "holdout39"):
        assert all(folder != judge for _, folder in train.POOL)
    pool = train.load_pool()
    assert all(item.split == "dev" for item in pool["dev"])  # the test part of the real corpus is never trained on


def test_the_shipped_weights_are_small_and_name_their_training_sets() -> None:
    assert WEIGHTS_PATH.stat().st_size < 300_000
    shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert shipped["training_sets"] == [name for name, _ in train.POOL]
    assert set(shipped["left_out"]) == set(TASKS)


def test_explain_names_the_features_that_decided_a_model_event(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from signalwatch.cli import extract as cli

    monkeypatch.setattr(learned, "load_model", lambda: ALWAYS)
    monkeypatch.setattr("signalwatch.extract.news.load_model", lambda: ALWAYS)
    # The detector's own explanation, its slots filled by the heuristics: without the shipped tagger, whose use is what training
    # chose (round 13: "pick" at margin 32 refuses the tagger's unsure "ElevateBio" here, margin about 20, and so the event).
    monkeypatch.setattr("signalwatch.extract.news.load_tagger", lambda: None)
    # holdout4 rh4-0151: no company in the headline, so the patterns leave it to the detector.
    line = json.dumps({"id": "rh4-0151", "title": "$401M: Series D for Cell and Gene Therapy Platform", "summary": (
        "ElevateBio’s latest round brings its total capital raised to date to approximately $1.3 billion, adding new "
        "investors—Woodline, Lee Family Office and R&D partner, and Novo Nordisk.")})
    assert cli._extract_stream(io.BytesIO((line + "\n").encode()), "items.jsonl", explain=True) == 0
    event = json.loads(capsys.readouterr().out)["events"][0]
    assert event["type"] == "funding" and event["company_name"] == "ElevateBio"
    assert event["why"] == "model.funding funding p=1.00: #money-h +0.50, #money-s +0.25"
    assert event["model"]["top_features"] == [{"feature": "#money-h", "weight": 0.5}, {"feature": "#money-s", "weight": 0.25}]


# --- the shipped detector on real items of the spent sets ------------------------------------------------------
# Each was missed by the patterns when the weights were trained (round 6) and found by the shipped detector in the
# leave-one-set-out run as well as after refitting; whichever part finds it later, the extractor must still report it.

SHIPPED = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))


def _shipped_on(task: str) -> bool:
    return bool(SHIPPED["enabled"]) and float(SHIPPED["models"][task]["threshold"]) <= 1.0


@pytest.mark.parametrize(
    ("title", "summary", "company", "amount"),
    [
        # train2 rt-0055
        ("Fintech Dominates with Dhan’s Unicorn Moment",
         "The standout of the week was Dhan, a Mumbai-based fintech platform, which raised $120 million, entering the coveted unicorn club. "
         "The round was led by existing backers and new global investors, underlining the sustained investor appetite for wealth "
         "management and trading platforms amid market volatility.", "Dhan", 120_000_000.0),
        # holdout2 rh-0124
        ("Gates, Bezos-backed Blood Testing Firm Nears $1 Billion Funding",
         "GRAIL, a startup that is backed by both Bill Gates and Jeff Bezos, and which is developing blood testing technology for early "
         "stage cancer detection, is expecting to close a $1 billion, Series B funding, according to its founding investor.",
         "GRAIL", 1_000_000_000.0),
        # (holdout9 rh9-0124, "Corporates identify 4Paradigm in $145m series C", p 0.77: found at rounds 10-11's threshold 0.65,
        # missed again since round 12 chose 0.85 for the detector with the token tagger's company)
    ],
)
def test_the_shipped_extractor_finds_funding_the_patterns_missed(title: str, summary: str, company: str, amount: float) -> None:
    if not _shipped_on("funding"):
        pytest.skip("training left the funding detector switched off")
    found = [(e.company_name, e.attributes["amount"]) for e in extract_news(title, summary) if e.type.value == "funding"]
    assert found == [(company, amount)]


@pytest.mark.parametrize(
    ("title", "summary", "company", "person"),
    [
        # holdout2 rh-0058
        ("Expedia chief Dara Khosrowshahi named to lead Uber",
         "WASHINGTON: Expedia chief Dara Khosrowshahi has been chosen to replace ousted Travis Kalanick as the next CEO at Uber, The New "
         "York Times reported, as the ride-hailing giant looks to move past a rough patch.", "Uber", "Dara Khosrowshahi"),
        # (holdout3 rh3-0182, "Amgen adds Stanford scientist to C-suite", was found at round 11's threshold 0.5; since round 12 a
        # leadership model event is right only with the right company too, and the detector fires at 0.95 only: p is below that)
    ],
)
def test_the_shipped_extractor_finds_appointments_the_patterns_missed(title: str, summary: str, company: str, person: str) -> None:
    if not _shipped_on("leadership"):
        pytest.skip("training left the leadership detector switched off")
    found = [(e.change, e.company_name, e.attributes["person"]) for e in extract_news(title, summary) if e.type.value == "leadership"]
    assert found == [("appointed", company, person)]


@pytest.mark.parametrize(
    ("title", "summary", "kind"),
    [
        # holdout2 rh-0033: an appointment called off
        ("GlobalFoundries scraps plan to appoint former top Amazon executive as CFO",
         "July 11 (Reuters) - Chipmaker GlobalFoundries (GFS.O) has shelved its plan to appoint former Amazon executive Tim Stone as chief "
         "financial officer, it said on Tuesday, two months after choosing him.", "leadership"),
        # holdout9 rh9-0086: an interview with a CEO
        ('"I Used to Think Leadership was a Bunch of BS..." And Other Revelations from HubSpot CEO Brian Halligan',
         "It's rare that a CEO will be as transparent and candid as Brian Halligan. The CEO and co-founder of HubSpot, an inbound "
         "marketing and sales software company based in Cambridge, Massachusetts, isn't trying to impress anyone.", "leadership"),
        # holdout9 rh9-0122: money raised in the past, told as background
        ("TriNetX had raised $102m in funding from investors including Merck & Co, Mitsui and Itochu before agreeing to the deal", "",
         "funding"),
        # holdout9 rh9-0223: a first-person essay
        ("I raised over $8MM for an Austin startup: Three reasons I won’t do it again (and two reasons I would)",
         "Every day, it seems like there’s a new article listing the best startup cities.", "funding"),
        # holdout4 rh4-0128: an acquisition's price
        ("Google closes $32bn Wiz acquisition", "Google has closed its $32 billion acquisition of Wiz.", "funding"),
    ],
)
def test_the_shipped_extractor_stays_quiet_on_hard_negatives(title: str, summary: str, kind: str) -> None:
    assert [e for e in extract_news(title, summary) if e.type.value == kind] == []
