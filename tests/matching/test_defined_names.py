"""A name the item pairs with another in brackets ties to the account of the other (round 16): "Zimbabwe Broadcasting
Corporation (ZBC)" makes the headline's "ZBC" that account's news, and "Anglo American Platinum (Amplats)" the reverse."""

from __future__ import annotations

from signalwatch.accounts import Account
from signalwatch.matching.defined_names import defined_names
from signalwatch.resolve import AccountIndex

# holdout27 rh27-0223 (herald.co.zw), verbatim, summary cut after its first sentence.
ZBC = ("ZBC chief executive suspended\nThe national broadcaster, Zimbabwe Broadcasting Corporation (ZBC), board of "
       "directors has suspended the company’s chief executive officer, Ms Adelaide Chikunguru, with immediate effect.")
# holdout24 rh24-0059, verbatim, summary cut after its first sentence.
AMPLATS = ("Craig Miller named Amplats' new CEO\nAnglo American Platinum (Amplats) named finance director Craig Miller as "
           "its new CEO on Thursday, 27 July, as the world's biggest platinum miner by value positions to navigate "
           "challenges posed by lower metal prices and power outages in South Africa.")


def test_an_initialism_ties_to_the_name_the_item_writes_before_it_in_brackets() -> None:
    index = AccountIndex([Account(id=1, name="Zimbabwe Broadcasting Corporation"), Account(id=2, name="ZESA Holdings")])
    found = index.resolve("ZBC", None, ZBC)
    assert found.account_id == 1 and found.method == "context"
    assert "the item pairs 'ZBC' with 'Zimbabwe Broadcasting Corporation' in brackets" in found.reason, found.reason


def test_a_full_name_ties_to_the_short_name_in_brackets_after_it() -> None:
    index = AccountIndex([Account(id=1, name="Amplats"), Account(id=2, name="Newmont Corp")])
    assert index.resolve("Anglo American Platinum", None, AMPLATS).account_id == 1


def test_nothing_without_the_bracketed_pair_and_never_a_ticker() -> None:
    index = AccountIndex([Account(id=1, name="Zimbabwe Broadcasting Corporation")])
    assert index.resolve("ZBC", None, "ZBC chief executive suspended\nZimbabwe Broadcasting Corporation said.").account_id is None
    assert list(defined_names("Google", "Google (GOOG) is acquiring Nest Labs")) == ["GOOG"]
    assert list(defined_names("Telefonica", "Telefonica (NYSE:TEF) said")) == []


def test_two_accounts_of_the_bracketed_name_settle_nothing() -> None:
    index = AccountIndex([Account(id=1, name="Amplats"), Account(id=2, name="Amplats Ltd")])
    assert index.resolve("Anglo American Platinum", None, AMPLATS).account_id is None
