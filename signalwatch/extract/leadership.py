"""Leadership changes in news headlines: who was appointed or departed, to or from which role, where."""

from __future__ import annotations

import re

from signalwatch.events import EventType
from signalwatch.extract.leadership_patterns import (
    ALSO,
    CLAUSE_SPLIT,
    HEADLINE_RULES,
    LEADERSHIP_WORDS,
    LEADING_NAME,
    PERSON,
    PERSON2,
    ROLE_WORDS,
    SUCCESSOR,
    SUCCESSOR_GATE,
    SUMMARY_RULES,
    TRAILING_VERB,
    TRANSITION,
    TRANSITION_WORDS,
    UNNAMED,
    UNNAMED_GATE,
)
from signalwatch.extract.model import Extraction
from signalwatch.extract.roles import function_of, seniority_of, tidy_title
from signalwatch.extract.text import company_from_subject, sentences, words

__all__ = ["extract_leadership", "LEADERSHIP_WORDS"]

def extract_leadership(
    headline: str, summary: str, company_hint: str | None = None, tokens: frozenset[str] | None = None
) -> list[Extraction]:
    """The appointments and departures a headline reports (the summary fills in a missing person).

    `company_hint` is the company another extractor found in the same headline; `tokens` is
    `words(headline)` when the caller already has it.
    """
    tokens = tokens if tokens is not None else words(headline)
    if not tokens & LEADERSHIP_WORDS:
        return []
    found: list[Extraction] = []
    clauses = CLAUSE_SPLIT.split(headline)
    company = company_hint
    if company is None and len(clauses) > 1:
        # "Orbitly shakes up leadership, names Priya Nair COO": the first clause names the company.
        lead = LEADING_NAME.match(clauses[0])
        company = company_from_subject(lead.group(0)) if lead else None
    unnamed: list[Extraction] = []
    for clause in clauses:
        events = _from_clause(clause, company, tokens)
        if not events and found and tokens & SUCCESSOR_GATE:
            events = _successor(clause, company, found)
        if events:
            company = company or events[0].company_name
            found.extend(events)
            continue
        match = UNNAMED.match(clause) if tokens & UNNAMED_GATE and tokens & ROLE_WORDS else None
        if match:
            where = company_from_subject(match.group("pre")) or company
            title = match.group("title") or match.group("title3")
            if where and title:
                unnamed.append(_event("appointed", where, None, title))
            company = company or where
    if company is None and _needs_summary(headline, found, tokens):
        company = _company_before_transition(headline)
    missing_person = unnamed or any(e.attributes["person"] is None for e in found)
    if (missing_person or _needs_summary(headline, found, tokens)) and summary and company:
        from_summary = _from_summary(summary, company)
        if from_summary:
            return _dedupe([e for e in found if e.attributes["person"] is not None] + from_summary)
        found = [_with_person_from(summary, e) for e in found]
    return _dedupe(found + unnamed)


def _with_person_from(summary: str, event: Extraction) -> Extraction:
    """Fill a missing person from the summary when it names whoever holds the headline's title."""
    title = event.attributes["title"]
    if event.attributes["person"] is not None or not title:
        return event
    named = re.escape(title)
    pattern = re.compile(rf"(?i:{named})\s+{PERSON}|{PERSON2},\s+(?:(?i:the\s+company's|its)\s+)?(?i:{named})\b")
    match = pattern.search(summary)
    if not match:
        return event
    person = match.group("person") or match.group("person2")
    return _event(event.change, event.company_name, person, title)


def _company_before_transition(headline: str) -> str | None:
    """"Acme Bolsters Executive Team" → "Acme": the words before the transition phrase, less a verb."""
    match = TRANSITION.search(headline)
    if match is None:
        return None
    return company_from_subject(TRAILING_VERB.sub("", headline[: match.start()]))


def _needs_summary(headline: str, found: list[Extraction], tokens: frozenset[str]) -> bool:
    return not found and bool(tokens & TRANSITION_WORDS) and bool(TRANSITION.search(headline))


def _from_clause(clause: str, company: str | None, tokens: frozenset[str]) -> list[Extraction]:
    has_role = bool(tokens & ROLE_WORDS)
    for change, gate, pattern, needs_role in HEADLINE_RULES:
        if not tokens & gate or (needs_role and not has_role):
            continue  # cheap keyword screens: the full patterns are costly to try
        match = pattern.match(clause)
        if not match:
            continue
        groups = match.groupdict()
        title = groups.get("title") or groups.get("title2")
        named = groups.get("co") or groups.get("co2") or groups.get("pre")
        where = _company(named, company, loose=change == "appointed" and groups.get("pre") is not None)
        if where is None:
            continue
        person = groups.get("person") or groups.get("person2")
        events = [_event(change, where, person, title)]
        also = ALSO.match(clause[match.end():])
        if also and change == "appointed":
            events.append(_event(change, where, also.group("person"), also.group("title")))
        return events
    return []


def _company(named: str | None, company: str | None, loose: bool) -> str | None:
    """The company a clause names, the headline's company when it names none."""
    if not named or not named.strip():
        return company
    where = company_from_subject(named)
    if where is None and loose:
        # "Acme shakes up leadership, names ...": the leading capitalised words name the company.
        lead = LEADING_NAME.match(named.strip())
        where = company_from_subject(lead.group(0)) if lead else None
    return where


def _successor(clause: str, company: str | None, found: list[Extraction]) -> list[Extraction]:
    match = SUCCESSOR.match(clause)
    departed = next((e for e in found if e.change == "departed"), None)
    if not match or departed is None:
        return []
    pre = match.group("pre") or match.group("pre2")
    where = company_from_subject(pre) if pre else company
    person = match.group("person") or match.group("person2")
    return [_event("appointed", where or company, person, departed.attributes["title"])]


def _from_summary(summary: str, company: str) -> list[Extraction]:
    found = []
    for sentence in sentences(summary)[:3]:
        for change, gate, pattern in SUMMARY_RULES:
            if not gate.search(sentence):
                continue
            for match in pattern.finditer(sentence):
                found.append(_event(change, company, match.group("person"), match.group("title")))
    return found


def _event(change: str, company: str | None, person: str | None, title: str | None) -> Extraction:
    title = tidy_title(title) if title else None
    attributes = {
        "person": person,
        "title": title,
        "function": function_of(title),
        "seniority": seniority_of(title),
    }
    return Extraction(EventType.LEADERSHIP, change, company, attributes)


def _dedupe(events: list[Extraction]) -> list[Extraction]:
    seen = set()
    kept = []
    for event in events:
        key = (event.change, event.attributes["person"], event.attributes["title"])
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept
