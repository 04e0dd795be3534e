"""The name a mention ends with, read as the mention writes it (`matching.written_forms`, extract round 18).

A mention that carries headline words before a name ties to the name: the longest name it ends with, a last word written
as a coined name ("edX", "IAG") though short or a word, and after a joining word that only opens the mention ("With
Cognizant"). The items are real, from the spent extraction sets (quoted with their set and id); the accounts are named
as the set's labels name them (`evaluate_alerts`)."""

from __future__ import annotations

from datetime import datetime, timezone

from signalwatch.accounts import Account
from signalwatch.events import EventType, SignalEvent
from signalwatch.resolve import AccountIndex

# holdout33 rh33-0001
MAERSK = ("New CEO for Container Line AP Moller-Maersk\nContainer shipping and logistics firm AP Moller-Maersk has appointed a "
          "new CEO. Vincent Clerc will take over as CEO from Soren Skou as of January 1, the company said in a statement on "
          "its website on Monday.")
# holdout11 rh11-0176
EDX = ("Cambridge-Based Online Learning Platform edX To Be Acquired By 2U\nThe online learning platform known as 2U announced "
       "Tuesday that it will be acquiring edX, a nonprofit platform run by Harvard and MIT, for $800 million.")
# holdout33 rh33-0156 (the item has no text below its headline)
IAG = "British Airways-owner IAG's to acquire Irishairline Aer Lingus (approved July 14)"
# holdout30 rh30-0056
COGNIZANT = ("Indian IT sector stares at another wave of major layoffs\nIt seems like the IT sector is staring at another major "
             "wave of layoffs. With Cognizant planning to layoff as many as 7,000 employees in the next few quarters and "
             "similar reports emerging about other IT majors like Infosys and CapGemini, close to 2 per cent of mid-senior "
             "level employees might face the axe.")


def _index(*names: str) -> AccountIndex:
    return AccountIndex([Account(id=n, name=name) for n, name in enumerate(names, start=1)])


def test_the_longest_name_a_mention_ends_with_is_the_one_tied() -> None:
    found = _index("Maersk", "AP Moller-Maersk").resolve("Container Line AP Moller-Maersk", None, MAERSK)
    assert found.account_id == 2 and "ends with the name 'ap moller maersk'" in found.reason


def test_a_last_word_written_as_a_coined_name_is_specific_though_short_or_a_word() -> None:
    found = _index("edX", "2U").resolve("Online Learning Platform edX", None, EDX)
    assert found.account_id == 1 and "written as a coined name" in found.reason
    assert _index("Aer Lingus", "IAG").resolve("British Airways-owner IAG", None, IAG).account_id == 2
    # written as a word, or shouted with the rest of the mention, the short name proves nothing
    assert _index("Edx").resolve("Online Learning Platform edx", None, EDX.replace("edX", "edx")).account_id is None
    assert _index("Box").resolve("NEW CEO FOR BOX", None, "NEW CEO FOR BOX\nThe firm named a new CEO.").account_id is None


def test_a_joining_word_that_opens_the_mention_joins_no_two_names() -> None:
    found = _index("Cognizant").resolve("With Cognizant", None, COGNIZANT)
    assert found.account_id == 1 and "ends with the name 'cognizant'" in found.reason
    # holdout17 rh17-0220: an "and" between two names is still two companies
    text = "Dealflow.la #50 - Loft and Klar both raise $100 Million+ rounds"
    assert _index("Klar").resolve("Loft and Klar", None, text).account_id is None


def test_explain_names_the_tail_that_decided() -> None:
    index = _index("Maersk", "AP Moller-Maersk")
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    title, _, summary = MAERSK.partition("\n")
    event = SignalEvent(type=EventType.LEADERSHIP, change="appointed", source="news", source_kind="rss", source_id="rh33-0001",
                        title=title, summary=summary, occurred_at=when, detected_at=when,
                        company_name="Container Line AP Moller-Maersk", dedupe_key="rh33-0001:0")
    found = index.explain(event)
    assert found.account_id == 2
    assert found.reason.endswith("'Container Line AP Moller-Maersk' ends with the name 'ap moller maersk' → AP Moller-Maersk")
