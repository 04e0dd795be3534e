"""Round 14's speed work changes no reading: each shortcut answers as the slow path it stands in for.

The shortcuts: leadership rules tried only on clauses holding the markers their pattern needs (`screens.required_chars`),
`written_as_name` by string search on ASCII text, `find_name` for the whole-name search the acquisition and layoff
readers compiled a pattern per name for, costly funding patterns tried only on text holding one of the words they need
(`screens.Screened`), `former_employer` screened for its words, sentence splits kept for
recent texts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from signalwatch.extract.leadership_patterns import candidate_rules, rules
from signalwatch.extract.names import mark
from signalwatch.extract.screens import Screened, required_chars, required_words
from signalwatch.extract.text import clean, find_name, former_employer, sentences, words, written_as_name

DEVSET = Path(__file__).parent.parent / "fixtures" / "news" / "devset.jsonl"


@pytest.mark.parametrize(("pattern", "needed"), [
    (r"⟦\d+⟧\s+⟪\d+⟫", "⟦⟪"),
    (r"(?:⟪\d+⟫'s\s+)?⟦\d+⟧", "⟦"),  # an optional group needs nothing
    (r"⟦\d+⟧|⟪\d+⟫", ""),  # each alternative holds a different marker: neither is needed
    (r"(?:⟦\d+⟧|x⟦)+ resigns", "⟦"),  # both alternatives hold it, and the repeat occurs at least once
    (r"(?:⟦\d+⟧)* resigns", ""),
    (r"resigns(?=.*⟪)", "⟪"),  # a lookahead must find its text in the clause
    (r"resigns(?!.*⟪)", ""),
    (r"[⟦⟪]\d", ""),  # a class: not counted
])
def test_the_markers_a_pattern_needs(pattern: str, needed: str) -> None:
    assert required_chars(re.compile(pattern), "⟦⟪") == needed


def test_a_rule_that_names_a_title_and_a_person_needs_both_markers() -> None:
    by_name = {rule.name: rule for rule in rules()}
    assert by_name["title-person-departs"].marks == "⟦⟪"  # "Uber CEO Kalanick resigns"
    assert by_name["company-title-departs"].marks == "⟦"  # "Uber CEO resigns": no person
    assert by_name["person-departs"].marks == "⟪"


def _devset_clauses() -> list[str]:
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [mark(text).text for item in items
            for text in [clean(item["title"]), *sentences(clean(item.get("summary", "")))[:4]] if text]


def test_the_marker_screen_never_hides_a_match() -> None:
    # every rule that matches a marked devset clause is among the rules the screen lets that clause try
    clauses = _devset_clauses()
    assert len(clauses) > 100
    tried = matched = 0
    for text in clauses:
        screened = {rule.name for rule in candidate_rules(words(text), text)}
        for rule in candidate_rules(words(text)):
            tried += 1
            if rule.pattern.search(text):
                matched += 1
                assert rule.name in screened, (rule.name, text)
    assert matched > 50 and tried > matched


def _written_as_name_by_regex(name: str, text: str) -> bool:
    return any(match.group(0)[0].isupper() for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE))


@pytest.mark.parametrize(("name", "text"), [
    ("Discord", "Gamer chat app Discord raised money"),
    ("leading", "The leading provider"),
    ("Leading", "the leading provider, Leading Edge"),
    ("oneeleven", "ONEELEVEN HEAD STEPS DOWN"),
    ("Acme", "Acme_Corp and AcmeX"),  # no whole word: "_" and letters join
    ("Acme", "acme, then Acme."),
    ("a a", "a A a"),  # the regex reads "a A" first and goes on after it: the overlapping "A a" is never read
    ("a a", "x a A a"),
    ("Zoë", "zoë and Zoë"),  # not ASCII: the regex itself answers
    ("", "anything"),
])
def test_written_as_name_answers_as_its_regex(name: str, text: str) -> None:
    assert written_as_name(name, text) == _written_as_name_by_regex(name, text)


def test_a_former_employer_is_read_only_after_ex_or_former() -> None:
    assert former_employer("Google", "Startup founded by ex-Google engineers")
    assert former_employer("Google", "Startup founded by FORMER  Google staff")
    assert not former_employer("Google", "Startup founded by Google engineers")
    assert former_employer("Ex-Uber")


def test_a_kept_split_is_a_new_list_each_time() -> None:
    text = "Acme raised $5M. The round was led by Foo Ventures."
    first = sentences(text)
    first.append("changed by a caller")
    assert sentences(text) == ["Acme raised $5M.", "The round was led by Foo Ventures."]


@pytest.mark.parametrize(("name", "text"), [
    ("Grab", "Superapp Grab's deal with Grabber"),
    ("Grab", "e-Grab and Grab_x, then Grab"),  # a hyphen or a word character beside it: not whole
    ("Whole Foods", "to acquire Whole Foods, the high-end organic food market"),
    ("Söderberg", "ÅSöderberg and Söderberg-Partners, Söderberg"),  # letters beyond ASCII are word characters too
    ("Acme", "no such name"),
    ("", "- x"),
])
def test_find_name_answers_as_its_regex(name: str, text: str) -> None:
    found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    assert find_name(name, text) == (found.start() if found else -1)


@pytest.mark.parametrize(("pattern", "needed"), [
    (r"(?i)\s+(?:from|via)\s+(?:an?\s+)?(?:rights\s+issue|ipo)\b", ("from", "via")),  # the longest strings win
    (r"(?:has\s+)?raised|secured", ("raised", "secured")),
    (r"(?:seed)?\s+round", ("round",)),  # an optional part needs nothing
    (r"\d+\s?[mb]", None),  # no literal every match holds
    (r"(?i)K\u212a", ("k",)),  # a literal beyond ASCII is no screen word
])
def test_the_words_a_pattern_needs(pattern: str, needed: tuple[str, ...] | None) -> None:
    assert required_words(re.compile(pattern)) == needed


def test_a_screened_pattern_answers_as_the_pattern() -> None:
    # every screened funding pattern, on every devset headline and summary sentence, as written and in lower case
    from signalwatch.extract import funding, funding_checks, funding_patterns, funding_summary
    screened = [value for module in (funding, funding_checks, funding_patterns, funding_summary)
                for value in vars(module).values() if isinstance(value, Screened)]
    assert len(screened) >= 8
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [text for item in items for text in [item["title"], *sentences(item.get("summary", ""))]]
    texts += [text.lower() for text in texts] + ["İPO from a rights issue", "raised via IPO"]
    skipped = 0
    for pattern in screened:
        for text in texts:
            assert _span(pattern.search(text)) == _span(pattern.compiled.search(text))
            assert _span(pattern.match(text)) == _span(pattern.compiled.match(text))
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.compiled.finditer(text)]
            skipped += not pattern._passes(text)
    assert skipped > len(texts)  # the screens do skip text


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


def test_the_round_and_verb_patterns_match_as_without_their_lookaheads() -> None:
    # the leading lookaheads (round 14, speed only) list the letters every shape starts with; a shape added with another
    # first letter would be missed: over every spent item's headline and summary, in lower case, the matches are the same
    from signalwatch.extract import funding_patterns as rules
    from signalwatch.extract.train import load_pool

    plain_round = re.compile(rules.ROUND.pattern.replace("(?=[a-lnprstvw])(?:", "(?:", 1).replace(r"(?=[a-k]\s+round\b)", "", 1))
    plain_verb = re.compile(rules.VERB.pattern.replace("(?=[a-eghilnoprstw])", "", 1))
    assert plain_round.pattern != rules.ROUND.pattern and plain_verb.pattern != rules.VERB.pattern
    texts = [text.lower() for part in load_pool().values() for item in part for text in (item.title, item.summary)]
    for guarded, plain in ((rules.ROUND, plain_round), (rules.VERB, plain_verb)):
        found = 0
        for text in texts:
            ours = [(m.span(), m.groupdict()) for m in guarded.finditer(text)]
            assert ours == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            found += len(ours)
        assert found > 500


def test_sentence_ends_split_as_without_their_leading_lookbehind() -> None:
    # every end shape ends on ".", "!" or "?": the lookbehind that says so first (speed only) splits every spent text the same
    from signalwatch.extract import text
    from signalwatch.extract.train import load_pool

    plain = re.compile(text._SENTENCE_END.pattern.replace("(?<=[.!?])", "", 1))
    assert plain.pattern != text._SENTENCE_END.pattern
    texts = [item.summary for part in load_pool().values() for item in part if item.summary]
    assert sum(len(text._SENTENCE_END.split(summary)) for summary in texts) > len(texts)
    assert all(text._SENTENCE_END.split(summary) == plain.split(summary) for summary in texts)


def test_the_tagger_reads_the_same_company_spans_when_asked_for_companies_alone() -> None:
    # the "fill" and "pick" uses read only company spans: the margins of the others are no longer computed
    from signalwatch.extract.learned_tagger import load_tagger

    tagger = load_tagger()
    if tagger is None:
        pytest.skip("no shipped tagger")
    items = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()][:60]
    compared = 0
    for item in items:
        for task in ("funding", "leadership"):
            every = tagger.spans(clean(item["title"]), clean(item.get("summary", "")), task)
            companies = tagger.spans(clean(item["title"]), clean(item.get("summary", "")), task, roles=("company",))
            assert companies == [span for span in every if span.role == "company"]
            compared += len(companies)
    assert compared > 20
