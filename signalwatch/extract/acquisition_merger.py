"""Mergers read as acquisitions: two companies that merge, the second named being the target (LABELLING.md).

Shapes: "<a> and <b> to merge", "<a> merges with <b>", "<a> will merge with <b>", "<a> announces basic merger with
<b>", "<a> and <b> are reportedly going to merge", "<a>, <b> ink definitive agreement to merge", "<a> have signed a
letter of intent with <b> to merge", and the merger as a noun phrase naming both ("approved the planned merger between <a>
and <b>", "approves <a> and <b> merger", "The merger of <a> and <b> has been approved"). A merger only talked of is `reported`;
a merger to list (a SPAC), one told as a person's past, and the merger a company came from ("GoTo, a merger of Gojek and
Tokopedia", "formed by the merger of") are none. acquisition.py tries these shapes in its own order among the others.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from signalwatch.extract.acquisition_names import (
    BASED,
    DEMONYM,
    LEAD_IN,
    acquirer_name,
    clause_subject,
    last_name,
    target_list,
)
from signalwatch.extract.text import after_descriptor, company_from_subject

__all__ = ["AUX_LED", "MERGER_SHAPES", "MergerParts", "back_over_aux", "merger_parts", "merger_patterns"]

MERGER_SHAPES = frozenset({"merge", "merge-with", "merge-pair", "merger-of"})

# The words a merger's verb phrase runs through: "are reportedly going to", "have signed a definitive agreement to", "strike basic".
_MERGE_AUX = (
    r"(?:are|is|have|has|had|will|would|could|may|might|reportedly|officially|now|going|set|plan|plans|planning|to|agree|agrees|agreed|in|"
    r"principle|sign|signs|signed|ink|inks|inked|strike|strikes|struck|reach|reaches|reached|announce|announces|announced|propose|proposes|"
    r"proposed|complete|completes|a|an|the|their|definitive|basic|nonbinding|non-binding|binding|final|formal|agreement|accord|deal|letter|"
    r"of|intent|talks|about|consider|considering|considers|explore|exploring|explores|mull|mulls|mulling)"
)
# A merger only planned or talked about is `reported` (LABELLING.md: in talks or rumoured).
_MERGE_TALK = re.compile(r"\b(?i:reportedly|going\s+to|talks|consider\w*|explor\w*|mull\w*|propos\w*|letter\s+of\s+intent|could|might)\b|\bmay\b")
# A merger to list on an exchange is no acquisition (LABELLING.md: a SPAC merger to list), nor one told as a person's past.
_NOT_A_MERGER = re.compile(r"(?i)\bSPAC\b|blank[- ]check|\bacquisition\s+(?:corp|company)|\bgo(?:es|ing)?\s+public\b|\blisting\b")
_APPOSITION_MERGER = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?i:merger|combination)\s+(?:of|between)\s")
_MERGER_FORMED = re.compile(r"(?i)\b(?:formed|created|born|resulting|result|since|after|following|(?:19|20)\d\d)\b")
_MERGER_PAST = re.compile(r"(?i)\b(?:who|which|whose|after|since|following|(?:19|20)\d\d)\b")


# Merger verbs are found by their keyword, then read back over the words of their verb phrase ("are reportedly going to [merge]",
# "have signed a definitive agreement to [merge]"): cheaper than trying that run of words at every space of every clause.
AUX_LED = frozenset({"merge-with", "merge-pair"})
_AUX_WORDS = frozenset(_MERGE_AUX[3:-1].split("|"))
_WORD_BEFORE = re.compile(r"(\S+)\s+$")


def back_over_aux(clause: str, segment_start: int, start: int, limit: int = 8) -> int:
    """Where the run of up to `limit` verb-phrase words that ends at `start` begins (`start` itself when there is none)."""
    for _ in range(limit):
        word = _WORD_BEFORE.search(clause, max(segment_start, start - 40), start)
        if word is None or word.group(1).lower() not in _AUX_WORDS:
            break
        start = word.start()
    return start


def _merger_sides(name: str, before: str, after: str) -> tuple[str | None, list[str]]:
    """The first-named and second-named company of a merger: "Dana" merging with "Ovo"; "Yahoo Japan and Line" to merge."""
    before = LEAD_IN.sub("", before.strip().rstrip(","))  # "…, CHI Franciscan and Virginia Mason Health System, [have signed …]"
    if name == "merge-with":
        # "Naver Corp. said … its Japanese messaging app provider Line Corp. [has reached a basic merger deal with]": the name before the verb
        run = re.search(r"(?:^|\s)((?:[A-Z0-9][\w.&'!-]*|[a-z]+[A-Z][\w.&'!-]*)(?:\s+(?:[A-Z0-9][\w.&'!-]*|of|&)){0,4})\s*$", before)
        first = company_from_subject(after_descriptor(DEMONYM.sub("", run.group(1)))) if run else None
        return first or acquirer_name(before), target_list(after)
    before = BASED.sub("", before)  # "Stayton, Ore.-based Santiam Hospitals": where it sits, then the name
    # "Santiam Hospitals and Clinics have signed a nonbinding letter of intent with Samaritan Health Services [to merge]"
    paired = re.fullmatch(rf"(?P<a>.+?)\s+(?:{_MERGE_AUX}\s+){{1,8}}?with\s+(?P<b>[^,]+)", before)
    if paired:
        first, second = clause_subject(paired.group("a")), last_name(paired.group("b"))
        return first, [second] if first and second else []
    pair = re.fullmatch(r"(?P<a>.+?)(?:\s+and\s+|\s+&\s+|,\s+(?!.*\s(?:and|&)\s))(?P<b>[^,]+)", before)
    if pair is None:
        return None, []
    first, second = last_name(pair.group("a")), last_name(pair.group("b"))
    return first, [second] if first and second else []


def merger_patterns() -> dict[str, re.Pattern[str]]:
    """The merger shapes by name, compiled (acquisition.py caches them with its other shapes).

    "merge-with" and "merge-pair" find the merger's keyword only; `back_over_aux` reads back over its verb phrase.
    """
    return {
    # "Line Corp. has reached a basic merger deal with internet portal Yahoo Japan Corp.", "Dana will merge with Ovo",
    # "NorthShore University HealthSystem is in talks to combine with Edward Elmhurst Health": the second named is the target
    "merge-with": re.compile(
        r"\s+(?P<verb>(?i:(?:merge|merges|merging|combine|combines|combining|(?:business\s+)?combination|merger)\s+"
        r"(?:(?:deal|agreement|accord|pact|talks|plan)\s+)?with))(?=\s)"
    ),
    # "Yahoo Japan and Line are reportedly going to merge", "Jefferson, Lehigh Valley Health Network ink definitive agreement
    # to merge", "Yahoo Japan operator and Line strike basic merger accord": two names, then the merger
    "merge-pair": re.compile(
        r"\s+(?P<verb>(?i:(?:to\s+merge|merge|merger\s+(?:accord|agreement|deal|pact)|(?:merger|combination)\s+talks|to\s+combine|"
        # "Random House and Penguin completed their planned merger", "Reichhold and … Polynt have closed the combination of their
        # businesses", "Ascension Health and Providence St. Joseph Health are in talks about a merger"
        r"(?:complet|clos|finali[sz])(?:e|es|ed|ing)\s+(?:their|the)\s+(?:planned\s+|proposed\s+)?(?:merger|combination)(?:\s+of\s+their\s+businesses)?|"
        r"talks\s+(?:about|over|on)\s+(?:a\s+)?(?:merger|combination))))"
        r"(?![\w-]|\s+(?i:with|of|and|into)\b)"
    ),
    # The merger as a noun phrase naming both sides: "approved the planned merger between Airtel Kenya and Telkom Kenya", "has
    # approved a merger deal between beef producer Marfrig and food processor BRF", "approves Airtel Kenya and Telkom Kenya merger"
    "merger-of": re.compile(
        r"(?i:merger|combination)\s+(?:(?i:deal|agreement|plan|talks)\s+)?(?:(?i:between)\s+|(?i:of)\s+(?=[A-Z]))(?P<acq>[^,;]{1,60}?)\s+(?:and|&)\s+"
        r"(?P<tgt>(?:[a-z][\w-]*\s+){0,3}[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
        r"|(?<![\w.&'-])(?P<acq2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:and|&)\s+(?P<tgt2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+"
        r"(?P<noun>(?i:merger|combination)(?:\s+(?i:talks))?)\b(?!\s+(?:&|and)\s+(?i:acquisition))"  # not "Merger & Acquisition Update"
    ),
    "merge": re.compile(
        r"(?P<acq>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:and|&)\s+(?P<tgt>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+"
        r"(?i:to\s+merge|agree\s+to\s+merge|will\s+merge|merge)\b"
        r"|(?P<acq2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?i:merges\s+with|to\s+merge\s+with|agrees\s+to\s+merge\s+with)\s+"
        r"(?P<tgt2>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})"
    ),
    }


class MergerParts(NamedTuple):
    """What a merger shape names: the first company, the second (the target), the text its price is read from, and
    whether the merger is only talked of."""

    acquirer: str | None
    targets: list[str]
    price_text: str
    talked_of: bool


def merger_parts(name: str, groups: dict[str, str], clause: str, end: int) -> MergerParts | None:
    """The parts of the merger shape `name` found in `clause` (its groups, a part it did not read empty; it ends at `end`);
    None when the clause tells no merger that is an acquisition."""
    if name == "merger-of":
        acquirer, target = last_name(groups.get("acq") or groups.get("acq2") or ""), last_name(groups.get("tgt") or groups.get("tgt2") or "")
        talked = re.search(r"(?i)\btalks\b", groups.get("noun") or clause[max(0, end - 200) : end]) is not None
        if _NOT_A_MERGER.search(clause) or _MERGER_FORMED.search(clause[max(0, end - 120) : end]) or _APPOSITION_MERGER.search(clause[:end]):
            return None  # "Viatris, formed by the merger between …", "GoTo, a merger of Gojek and …": the merger a company came from
        return MergerParts(acquirer, [target] if target else [], clause[end:], talked)
    if name == "merge":
        acquirer = company_from_subject(groups.get("acq") or groups.get("acq2") or "")
        target = company_from_subject(groups.get("tgt") or groups.get("tgt2") or "")
        return MergerParts(acquirer, [target] if target else [], clause[end:], False)
    if _NOT_A_MERGER.search(clause) or _MERGER_PAST.search(groups["acq"][-60:]):
        return None  # "Satellogic to go public through merger with Cantor Fitzgerald SPAC", "who led its 2018 merger with Cigna"
    acquirer, targets = _merger_sides(name, groups["acq"], groups.get("tgt") or "")
    price_text = clause[end:] if name == "merge-pair" else groups.get("tgt") or ""
    return MergerParts(acquirer, targets, price_text, _MERGE_TALK.search(groups["acq"][-100:] + " " + groups["verb"]) is not None)
