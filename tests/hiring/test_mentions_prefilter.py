"""The word-index prefilter of technology mentions finds exactly what the full alternation finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from signalwatch.connectors.jobboards.registry import PROVIDERS
from signalwatch.techstack.catalog import Catalog, Technology, default_catalog
from signalwatch.techstack.phrases import PhraseMatcher

FIXTURES = Path(__file__).parent.parent / "fixtures"
BOARDS = {
    "greenhouse": ["greenhouse/acme.json"], "lever": ["lever/acme.json"], "ashby": ["ashby/acme.json"],
    "workable": ["workable/acme.json"], "recruitee": ["recruitee/acme.json"], "personio": ["personio/acme.xml"],
    "smartrecruiters": ["smartrecruiters/acme-offset-0.json", "smartrecruiters/acme-offset-100.json"],
}
# Ways a phrase meets the text around it: alone, glued to a word, inside an address, cased, punctuated.
CONTEXTS = [
    "{p}", " {p} ", "({p})", "{p}.", "{p},", "x{p}", "{p}x", "jobs@{p}", "https://{p}/x", "cdn.{p}",
    "{P}", "{T}", "«{p}»", "{p}'s", "_{p}", "{p}_", "-{p}-", "/{p}", "{p}/", "\n{p}\n", "{p}2", "2{p}",
]
FILLER = ["experience with", "and", "or", "we use", "migrating from", "to", "the", "Segment", "front", "drift",
          "snowflake", "Snowflake", "market segment", "e-mail", "İstanbul", "ſales", "KPI", "naïve", "ß", "—"]


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]


def corpus(catalog: Catalog, seed: int = 11, size: int = 400) -> list[str]:
    """Job descriptions from every provider's fixture, plus generated texts around every catalog phrase."""
    texts = [posting.description for name, paths in BOARDS.items()
             for posting in PROVIDERS[name].parse([(FIXTURES / path).read_bytes() for path in paths])]
    texts += [page.read_text(encoding="utf-8") for page in sorted((FIXTURES / "techstack/pages").glob("*.html"))]
    phrases = [phrase for tech in catalog for group in tech.phrases() for phrase in group]
    rng = random.Random(seed)
    for phrase in phrases:  # every phrase in every context, with its whitespace varied
        spaced = phrase.replace(" ", rng.choice([" ", "  ", "\n", "\t "]))
        texts.append(" ".join(c.format(p=spaced, P=spaced.upper(), T=spaced.title()) for c in CONTEXTS))
    for _ in range(size):  # random mixtures: overlapping phrases ("HubSpot CMS" and "HubSpot"), twins of ASCII letters
        words = rng.choices(phrases + FILLER, k=rng.randint(3, 40))
        words = [w.swapcase() if rng.random() < 0.1 else w for w in words]
        texts.append(rng.choice([" ", ", ", " / ", "\n"]).join(words).replace("s", rng.choice(["s", "ſ", "s"]), 1))
    return texts


def test_prefiltered_mentions_equal_the_full_scan_on_fixtures_and_a_varied_corpus() -> None:
    catalog = default_catalog()
    texts = corpus(catalog)
    assert len(texts) > 1000
    found = 0
    for text in texts:
        expected = catalog.find_mentions(text, prefilter=False)
        assert catalog.find_mentions(text) == expected, text[:200]
        found += bool(expected)
    assert found > len(texts) // 2  # the corpus does name technologies, so the comparison means something


@pytest.mark.parametrize("ignore_case", [True, False])
def test_prefiltered_match_spans_equal_the_full_scan(ignore_case: bool) -> None:
    catalog = default_catalog()
    phrases = sorted({" ".join((p.casefold() if ignore_case else p).split())
                      for tech in catalog for p in tech.phrases()[0 if ignore_case else 1]})
    matcher = PhraseMatcher(phrases, ignore_case=ignore_case)
    for text in corpus(catalog, seed=5, size=200):
        assert spans(matcher.finditer(text)) == spans(matcher.full.finditer(text)), text[:200]


def test_case_variants_that_lowercasing_misses_are_still_found() -> None:
    # re.IGNORECASE matches "ſ" (long s) to "s" and "K" (Kelvin sign) to "k"; the word index must agree.
    catalog = default_catalog()
    for text in ("Experience with ſalesforce", "HubSpot and \u212aubernetes", "SALESFORCE"):
        assert catalog.find_mentions(text) == catalog.find_mentions(text, prefilter=False) != []


def test_a_phrase_with_a_non_ascii_word_is_always_scanned() -> None:
    catalog = Catalog([Technology("cafe", "Café Suite", "other"), Technology("hubspot", "HubSpot", "crm")])
    for text in ("we run CAFÉ SUITE", "we run café  suite", "Cafe Suite", "nothing here"):
        assert catalog.find_mentions(text) == catalog.find_mentions(text, prefilter=False)
    assert catalog.find_mentions("CAFÉ Suite and HubSpot") == ["cafe", "hubspot"]
