"""Trigger events from one news item's headline and summary: funding, leadership, acquisitions, layoffs.

The headline carries the strongest evidence, so every extractor reads it first; the summary
completes the headline's events and adds the ones only it reports, in narrow shapes that each
extractor documents. An item whose words hold no cue of any event is skipped at once, because
most feed items report nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from signalwatch.extract.acquisition import ACQUISITION_WORDS, extract_acquisitions, refused_acquisitions
from signalwatch.extract.funding import FUNDING_SHAPE_WORDS, FUNDING_WORDS, extract_funding, refused_funding
from signalwatch.extract.funding_clause import MONEY_MARK
from signalwatch.extract.layoffs import LAYOFF_WORDS, extract_layoffs, refused_layoffs
from signalwatch.extract.leadership import LEADERSHIP_WORDS, SUMMARY_CHANGE_WORDS, extract_leadership, headline_denies, refused_leadership
from signalwatch.extract.learned import Model, decide, features, load_model, model_events
from signalwatch.extract.learned_tagger import Tagger, fill_company, load_tagger
from signalwatch.extract.model import Extraction
from signalwatch.extract.text import clean, strip_dateline, unshout, words

__all__ = ["extract_news", "extract_with", "why_none", "pattern_events"]

SUMMARY_LIMIT = 1200  # characters of summary read: the facts are in the first sentences of the standfirst

# A cheap screen run before any real pattern: most feed items carry none of these words.
_CUE_WORDS = (
    FUNDING_WORDS | FUNDING_SHAPE_WORDS | LEADERSHIP_WORDS | LAYOFF_WORDS | ACQUISITION_WORDS
    | frozenset("funding financing fundraise fundraising round grant grants".split())
)
_SUMMARY_CUES = frozenset(
    """raised raises raising secured secures closed closes landed lands received receives gained attracted attracts netted
    nets collected banked grabbed snagged bagged scored obtained funding financing round rounds investment invest invests
    invested grant grants seed series""".split()
) | LAYOFF_WORDS | ACQUISITION_WORDS


_DIGIT = re.compile(r"\d")  # the screen before `MONEY_MARK`, whose shapes are all written with a digit

# Words without which the funding extractor cannot find a round (in the headline, in the summary).
_FUNDING_HEADLINE = FUNDING_WORDS | FUNDING_SHAPE_WORDS
_FUNDING_SUMMARY = _SUMMARY_CUES | frozenset("led leads leading invest pump pumps pumped injected infused talks seeking".split())


def extract_news(title: str, summary: str = "") -> list[Extraction]:
    """Events reported by a news item; [] when the item reports none we recognise.

    The patterns read the item first; only when they find no event at all does the learned
    detector (learned.py, loaded on first use) look for a funding round or a leadership change.
    """
    return extract_with(title, summary, None)


def extract_with(title: str, summary: str, models: dict[str, Model] | None, tagger: Tagger | None = None) -> list[Extraction]:
    """`extract_news` with the given learned models (None: the shipped ones and the shipped tagger; {}: patterns only) and
    `tagger` (learned_tagger; given or shipped, its use "fill" names the company of a leadership change the patterns read
    with a person and no company). For training and tests."""
    headline, body = _prepared(title, summary)
    if not headline:
        return []
    if tagger is None and models is None:
        tagger = load_tagger()
    fill = tagger.uses.get("fill") if tagger is not None else None
    found = _patterns(headline, body, keep_unnamed=fill is not None)
    if fill is not None and tagger is not None:
        named = (event if event.company_name is not None else fill_company(event, headline, body, tagger, float(fill["margin"]))[0]
                 for event in found)
        found = [event for event in named if event is not None]
    if found:
        return found
    if models is None:
        models = load_model()
    learned = model_events(headline, body, models, tagger=tagger)  # [] when no model is shipped
    # "Ruangguru denies receiving US$256M from state-run programme" (holdout10 rh10-0057): a headline that denies a report
    # reports no event, as the patterns hold (leadership.headline_denies); the learned readers were never told
    return [] if learned and headline_denies(headline) else learned


def pattern_events(title: str, summary: str) -> list[Extraction]:
    """The patterns' events of an item, with the leadership changes they read with a person and no company (company None),
    which `extract_news` drops unless the tagger names the company. For training."""
    headline, body = _prepared(title, summary)
    return _patterns(headline, body, keep_unnamed=True) if headline else []


def why_none(title: str, summary: str = "") -> str:
    """Why `extract_news` finds no event in an item (for `extract --explain`): the screen that passed
    it over, or the readers that ran, what they read and their checks refused (with the check), and what the learned
    detector made of it."""
    headline, body = _prepared(title, summary)
    if not headline:
        return "the headline is empty"
    readers = _readers(headline, words(headline), words(body) if body else frozenset())
    if not readers:
        return "no funding, leadership, acquisition or layoff word in the headline or summary, and no amount in the headline"
    refused = _refused(headline, body, readers)
    said = f"the {', '.join(readers)} patterns {'kept no event' if refused else 'matched no clause they know'}{refused}"
    models = load_model() or {}
    if not models:
        return said + "; the learned detectors are switched off (their training found no gain over these patterns)"
    feats = features(headline, body)
    for task, model in models.items():
        detection = decide(model, task, feats)
        if model.threshold > 1.0:
            said += f"; the {task} detector is off"
        elif detection.probability < model.threshold:
            said += f"; the {task} detector: p={detection.probability:.2f}, below its {model.threshold:.2f}"
        else:
            slots = "company and amount or round" if task == "funding" else "person tied to a stated change"
            said += f"; the {task} detector: p={detection.probability:.2f}, but no {slots} to fill"
    return said


# What each reader read and its checks refused (an item with no event: no funding company to hint the others).
_REFUSED: dict[str, tuple[str, Callable[[str, str], list[str]]]] = {
    "funding": ("rounds", refused_funding), "acquisition": ("acquisitions", refused_acquisitions),
    "leadership": ("leadership changes", refused_leadership), "layoffs": ("layoffs", refused_layoffs),
}


def _refused(headline: str, body: str, readers: tuple[str, ...]) -> str:
    """"; <kind> read and refused: <what>: <the check>; ..." for each reader that ran and refused what it read, in reading order."""
    said = ""
    for reader in readers:
        kind, refused = _REFUSED[reader]
        told = refused(headline, body)
        if told:
            said += f"; {kind} read and refused: {'; '.join(told)}"
    return said


def _prepared(title: str, summary: str) -> tuple[str, str]:
    """The headline and summary as the readers see them (cleaned; the summary cut to `SUMMARY_LIMIT`, its dateline dropped)."""
    headline = unshout(clean(title))
    return headline, strip_dateline(clean(summary[:SUMMARY_LIMIT])) if summary and headline else ""


def _readers(headline: str, tokens: frozenset[str], body_tokens: frozenset[str]) -> tuple[str, ...]:
    """The event types whose readers an item's words let run, in the order they run: a cheap screen
    before the real patterns, since most feed items carry none of these words."""
    money = _DIGIT.search(headline) is not None and MONEY_MARK.search(headline) is not None  # each of its shapes holds a digit
    if not (tokens & _CUE_WORDS or body_tokens & _SUMMARY_CUES or body_tokens & SUMMARY_CHANGE_WORDS):
        # "Mermade catches $3.3 million for cultivated scallops from OurCrowd & others": an amount is a funding cue alone
        return ("funding",) if money else ()
    both = tokens | body_tokens
    runs = {"funding": bool(tokens & _FUNDING_HEADLINE or body_tokens & _FUNDING_SUMMARY) or money,
            "acquisition": bool(both & ACQUISITION_WORDS), "leadership": True, "layoffs": bool(both & LAYOFF_WORDS)}
    return tuple(kind for kind, run in runs.items() if run)


def _patterns(headline: str, body: str, keep_unnamed: bool = False) -> list[Extraction]:
    tokens = words(headline)
    readers = _readers(headline, tokens, words(body) if body else frozenset())
    found: list[Extraction] = []
    funding = extract_funding(headline, body, tokens) if "funding" in readers else []
    found.extend(funding)
    hint = funding[0].company_name if funding else None
    if "acquisition" in readers:
        found.extend(extract_acquisitions(headline, body))
    if "leadership" in readers:
        found.extend(extract_leadership(headline, body, hint, tokens, keep_unnamed))
    if "layoffs" in readers:
        found.extend(extract_layoffs(headline, body, hint))
    return found
