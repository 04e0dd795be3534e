"""A mention the item writes inside a longer name (`matching.enclosing_names`): the name cut at an apostrophe or a full stop;
and a mention misspelt by a letter, or spaced otherwise, where the item also writes the name right (`matching.near_spellings`).

The items are real, from the spent extraction sets (quoted with their set and id); the accounts are named as the set's
labels name them (extract round 17, `evaluate_alerts`)."""

from __future__ import annotations

import pytest

from signalwatch.accounts import Account
from signalwatch.events import EventType, SignalEvent
from signalwatch.resolve import AccountIndex

# holdout25 rh25-0170
MACYS = ("Macy’s Terry Lundgren to step down as CEO next year\nMacy’s Inc (M.N) said Terry Lundgren will step down as CEO "
         "next year and be succeeded by former chief merchandising officer Jeff Gennette as the department store operator "
         "tries to revive sales hit by stiff competition from online and off-price retailers.")
# holdout5 rh5-0034
HBC = ("Hudson’s Bay Company to buy Saks\nHBC will acquire the luxury retailer for approximately $2.9 billion and look to "
       "introduce the brand to Canada through full-line, outlet and online stores. This morning, Hudson’s Bay Company and "
       "Saks announced that they have entered into a merger agreement that will see HBC acquire the American luxury "
       "retailer, paying $16 per share or approximately $2.9 billion, including debt.")
# holdout26 rh26-0234
NORMANS_CAY = ("30 workers laid off at Norman’s Cay\nNASSAU, BAHAMAS—- Thirty workers , including 10 expats, have been sent to "
               "the unemployment line following a major downsizing exercise at Norman’s Cay, part of what officials say is a "
               "sweeping reset of the island’s troubled development project.")
# holdout27 rh27-0215
POST_DISPATCH = ("Newspaper layoffs number in the hundreds\nJust when it seemed like newspapers were adapting nicely to the "
                 "digital landscape, a slew of recent layoffs among papers are numbering in the hundreds. In June, the St. "
                 "Louis Post-Dispatch laid off 23 employees in the production, information technology and marketing "
                 "departments, while the Boston Herald offered buyouts.")

# holdout4 rh4-0074
NATURALMOTION = ("Zynga Buys Natural Motion, Cuts Global Workforce by 15 Percent\nZynga has invested $527 million in a buyout of "
                 "Clumsy Ninja and CSR Racing maker - UK-based mobile game maker NaturalMotion - even as it lays off one in "
                 "seven of its employees.")
# holdout19 rh19-0247
DREAM_SPORTS = ("Dreams Sports collects $840m in a funding round\nIndia.- Dream Sports, the parent company behind India’s popular "
                "fantasy sports gaming brand Dream11, has raised $840m in a new round of investment.")
# holdout24 rh24-0084
NEWSQUEST = ("Substantial redundancies at Newsquest puts quality journalism in danger, say NUJ\nUnion dismayed by the large round "
             "of job cuts and redundancies announced. The NUJ is dismayed by the large round of job cuts and redundancies "
             "announced by Newsquest, the second largest publisher of regional and local newspapers in the UK.")


def _index(*names: str) -> AccountIndex:
    return AccountIndex([Account(id=n, name=name) for n, name in enumerate(names, start=1)])


@pytest.mark.parametrize(("mention", "name", "text", "run"), [
    ("Macy", "Macy’s Inc", MACYS, "Macy’s"),
    ("Bay Company", "Hudson’s Bay Company", HBC, "Hudson’s Bay Company"),
    ("Hudson", "Hudson’s Bay Company", HBC, "Hudson’s Bay Company"),
    ("Cay", "Norman’s Cay", NORMANS_CAY, "Norman’s Cay"),
    ("Louis Post-Dispatch", "St. Louis Post-Dispatch", POST_DISPATCH, "St. Louis Post-Dispatch"),
])
def test_a_name_cut_where_the_item_writes_it_reaches_the_account_written_around_it(mention: str, name: str, text: str,
                                                                                  run: str) -> None:
    found = _index("Saks", name).resolve(mention, None, text)
    assert (found.account_id, found.method) == (2, "context")
    assert f"inside '{run}'" in found.reason


def test_the_item_must_write_the_name_around_the_mention() -> None:
    # the words of the name written apart are not the name: "Cay" beside "Norman’s resort" names nothing
    text = "Cay workers laid off\nNorman’s resort on the cay cuts 30 jobs."
    assert _index("Norman’s Cay").resolve("Cay", None, text).account_id is None
    assert _index("Macy’s Inc").resolve("Macy", None, "Macy to step down").account_id is None  # not written there at all


def test_an_ordinary_word_in_a_sentence_is_not_cut_from_the_name_beside_it() -> None:
    # "Holdings" of "Seven & i Holdings", "Hospital" in "Community Hospital receives": a bare word, no cut at an apostrophe
    assert _index("Community Hospital").resolve("Hospital", None, "Community Hospital receives a grant").account_id is None


def test_two_accounts_around_the_mention_are_not_guessed_between() -> None:
    text = "Hudson’s Bay Company and Hudson’s Bay Trading name new chiefs"
    assert _index("Hudson’s Bay Company", "Hudson’s Bay Trading").resolve("Hudson", None, text).account_id is None


def test_explain_prints_the_name_written_around_the_mention() -> None:
    event = SignalEvent(type=EventType.LEADERSHIP, change="departed", source="test", source_kind="rss", source_id="rh25-0170",
                        title=MACYS.split("\n")[0], summary=MACYS.split("\n", 1)[1], company_name="Macy",
                        occurred_at="2026-01-01T00:00:00Z", detected_at="2026-01-01T00:00:00Z", dedupe_key="x")
    found = _index("Macy’s Inc").explain(event)
    assert found.account_id == 1
    assert found.reason == "the item writes 'Macy' inside 'Macy’s' → Macy’s Inc"


@pytest.mark.parametrize(("mention", "name", "text"), [
    ("Natural Motion", "NaturalMotion", NATURALMOTION),  # spaced otherwise
    ("Dreams Sports", "Dream Sports", DREAM_SPORTS),  # a letter added
    ("Newsques", "Newsquest", NEWSQUEST),  # a letter dropped
])
def test_a_name_one_letter_off_the_one_the_item_writes_reaches_it(mention: str, name: str, text: str) -> None:
    found = _index("Zynga", name).resolve(mention, None, text)
    assert (found.account_id, found.method) == (2, "context")
    assert f"the item also writes '{name}', which '{mention}' misspells or spaces otherwise" in found.reason


def test_the_item_must_write_the_name_right() -> None:
    headline = NEWSQUEST.split("\n")[0].replace("Newsquest", "Newsques")
    assert _index("Newsquest").resolve("Newsques", None, headline).account_id is None


def test_short_names_and_two_near_names_are_not_guessed() -> None:
    assert _index("Olaf").resolve("Ola", None, "Ola raises $50m\nOlaf said").account_id is None  # under six letters
    text = "Hotsuite to cut staff\nHootsuite and Hotsuites both said"
    assert _index("Hootsuite", "Hotsuites").resolve("Hotsuite", None, text).account_id is None
