"""A headline that is a whole standfirst sentence, read as the summary's sentences are (round 19, issue 14).

Some feeds put the lead sentence where the headline goes: "Soteria Biotherapeutics Inc., a company developing switchable
bispecific T-cell engagers to treat patients with solid tumors, has raised $42 million in series A financing to fund early
development ..., it said." (holdout21 rh21-0084), "Less than a year after Novartis AG's acquisition of optogenetics specialist
Vedere Bio Inc., its successor Vedere Bio II Inc. is launching with $77 million in series A financing, led by Octagon Capital."
(holdout24 rh24-0088). The headline shapes expect a short subject before the verb; a long description set off by commas, or a
clause before the subject, defeats them. The summary's sentence readers (`funding_summary.summary_rounds`) read those shapes,
so a long headline with clauses that no headline shape reads is given to them as a sentence of its own.
"""

from __future__ import annotations

from signalwatch.extract.funding_summary import Round, summary_rounds

__all__ = ["is_sentence_headline", "headline_sentence_rounds"]

# A sentence, not a headline: at least this long and this many words (headlines run 40 to 90 characters, 6 to 14 words).
_MIN_CHARS = 100
_MIN_SPACES = 15


def is_sentence_headline(headline: str) -> bool:
    """Whether a headline is a whole sentence of a standfirst: long, with a comma or a final full stop."""
    return len(headline) >= _MIN_CHARS and headline.count(" ") >= _MIN_SPACES and ("," in headline or headline.endswith("."))


def headline_sentence_rounds(headline: str, lead: str | None) -> list[Round]:
    """The rounds a sentence headline reports in the summary's sentence shapes, each `why` naming the headline as the sentence
    read; `lead` is the company the item's headline leads with, when known (for "The company" and "It")."""
    found = summary_rounds([headline], lead)
    for read in found:
        read.why = read.why.replace("summary sentence 1", "headline read as a sentence").replace(
            "summary-sentence 1", "headline-read-as-a-sentence")
    return found
