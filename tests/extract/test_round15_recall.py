"""Acquisitions and layoffs, issue 14 round 15: recall classes read from the unreached labels of the spent sets (train.POOL).

Every headline and summary is verbatim from a spent labelled set (the set and item id are in the comment before it). Each
case found no event of its type before this round.
"""

from __future__ import annotations

from signalwatch.events import EventType
from signalwatch.extract import Extraction, extract_news
from signalwatch.extract.acquisition import refused_acquisitions


def _of(kind: EventType, title: str, summary: str = "") -> list[Extraction]:
    return [e for e in extract_news(title, summary) if e.type == kind]


# --- acquisitions: a headline deal refused as a description leaves its buyer's summary deal standing ----------------------

def test_the_summary_names_the_target_a_headline_only_described() -> None:
    # holdout27 rh27-0125: the headline's "First Mobile Game Studio" is a description; the summary names what Sony bought
    title = "Sony Acquires First Mobile Game Studio; PlayStation Studios Mobile Launches"
    summary = ("Sony is officially entering the mobile gaming market. The Japanese company announced today that it has acquired "
               "Savage Game Studios, a developer specializing in games for phones and tablets.")
    deals = _of(EventType.ACQUISITION, title, summary)
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Savage Game Studios", "Sony")]
    assert "summary sentence 2" in deals[0].why  # --explain names the summary's sentence that decided


def test_a_described_headline_target_is_still_told_as_refused() -> None:
    # holdout26 rh26-0107: "Landmark Papers" is the summary's "Landmark Community Newspapers LLC"; the headline's reading stays refused
    title = "Paxton Acquires Landmark Papers"
    summary = ("Paxton Media Group (PMG) acquired Landmark Community Newspapers LLC, a chain of 44 weekly and two daily newspapers "
               "based in Shelbyville, Kentucky. The Landmark purchase includes 20 Kentucky publications, including papers in "
               "Elizabethtown, Shelbyville, Shepherdsville, Lebanon and Bardstown, among others.")
    deals = _of(EventType.ACQUISITION, title, summary)
    assert [(d.company_name, d.attributes["acquirer"]) for d in deals] == [("Landmark Community Newspapers LLC", "Paxton Media Group")]
    assert any("only as a description" in told for told in refused_acquisitions(title, summary))
