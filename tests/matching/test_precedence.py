"""An account whose own name the mention is comes before accounts that answer to it only by an alias or a short form.

The items are real, from the spent extraction sets (quoted with their set and id); the accounts are the set's labelled
company and the distractor that took its alerts in round 15's figure (`evaluate_alerts.distractor_accounts`: Meta with
its alias Facebook, Mistral AI and Apple Hospitality REIT from the matching set's CRM, BARCLAYS BANK PLC from EDGAR)."""

from __future__ import annotations

from datetime import datetime, timezone

from signalwatch.accounts import Account
from signalwatch.events import EventType, SignalEvent
from signalwatch.resolve import AccountIndex

# holdout6 rh6-0030
FACEBOOK = ("Facebook Hires First Chief Marketing Officer\nFacebook has finally brought on a chief marketing officer. The "
            "social network poached Gary Briggs, a former CMO at Google's Motorola Mobility, as the company's first CMO, "
            "according to AdAge .")
# train2 rt-0040
MISTRAL = ("French AI start-up Mistral is in talks to raise $1B\nFrench artificial intelligence (AI) start-up Mistral is in "
           "talks to raise up to $1 billion in equity. The funding round could involve several investors, including Abu "
           "Dhabi's MGX fund, as per Bloomberg.")
# holdout8 rh8-0058
BARCLAYS = ("Barclays CEO Jes Staley Steps Down Following U.K. Probe Into Jeffrey Epstein Links\n(RTTNews) - Barclays plc "
            "(BARC.L, BCS) said Monday that its chief executive Jes Staley will step down following U.K. regulators' "
            "investigations into his relationship with U.S. Financier and convicted sex offender Jeffrey Epstein.")
# holdout22 rh22-0151
WALT_DISNEY = ("Walt Disney Co. names Bob Chapek new CEO. Bob Iger to stay on as company executive chairman\nThe Walt Disney "
               "Company has named a new CEO. Bob Chapek is replacing Bob Iger, effective immediately, the company announced Tuesday.")
META = Account(id=2, name="Meta", domain="meta.com", aliases=("Meta Platforms", "Facebook"), industry="social media")


def test_the_account_named_facebook_comes_before_metas_alias_facebook() -> None:
    index = AccountIndex([Account(id=1, name="Facebook"), META])
    found = index.resolve("Facebook", None, FACEBOOK)
    assert (found.account_id, found.method) == (1, "name")
    assert "Meta" in found.reason and "only by alias or short form" in found.reason
    assert index.resolve("Meta Platforms", None, FACEBOOK).account_id == 2
    assert AccountIndex([META]).resolve("Facebook", None, FACEBOOK).account_id == 2  # the alias still reaches Meta alone


def test_the_account_named_mistral_comes_before_mistral_ai() -> None:
    index = AccountIndex([Account(id=1, name="Mistral"), Account(id=2, name="Mistral AI", domain="mistral.ai",
                                                                 industry="artificial intelligence")])
    assert index.resolve("Mistral", None, MISTRAL).account_id == 1
    # An item that writes the other's longer name leaves it to the evidence, here the name and the industry.
    assert index.resolve("Mistral", None, MISTRAL + " Mistral AI was founded in 2023.").account_id == 2


def test_an_alias_of_one_account_that_is_another_accounts_name_in_full() -> None:
    # The labelled account is "Walt Disney"; the matching set's Disney has the alias "Walt Disney".
    index = AccountIndex([Account(id=1, name="Walt Disney"),
                          Account(id=2, name="Disney", domain="disney.com", aliases=("The Walt Disney Company", "Walt Disney"))])
    assert index.resolve("Walt Disney", None, WALT_DISNEY).account_id == 1


def test_a_short_form_of_an_edgar_filer_does_not_take_the_account_of_that_name() -> None:
    index = AccountIndex([Account(id=1, name="Barclays"), Account(id=2, name="BARCLAYS BANK PLC")])
    assert index.resolve("Barclays", None, BARCLAYS).account_id == 1


def test_two_accounts_of_the_name_are_still_refused_and_a_shared_name_is_still_the_items_to_settle() -> None:
    twins = AccountIndex([Account(id=1, name="Facebook"), Account(id=3, name="Facebook, Inc."), META])
    assert twins.resolve("Facebook", None, FACEBOOK).method == "ambiguous"
    # "Mercury" (a name several companies share) is not the account named Mercury when the item is about the insurer.
    shared = AccountIndex([Account(id=1, name="Mercury", industry="fintech"),
                           Account(id=2, name="Mercury Insurance", aliases=("Mercury General",), industry="insurance")])
    text = "Mercury names new CEO\nThe auto insurer said its chief executive will retire; insurance premiums rose."
    assert shared.resolve("Mercury", None, text).account_id == 2


def test_explain_says_which_accounts_the_name_came_before() -> None:
    when = datetime(2026, 1, 1, tzinfo=timezone.utc)
    event = SignalEvent(type=EventType.LEADERSHIP, change="appointed", source="judge", source_kind="rss", source_id="rh6-0030",
                        title=FACEBOOK.split("\n")[0], summary=FACEBOOK.split("\n")[1], occurred_at=when, detected_at=when,
                        company_name="Facebook", dedupe_key="rh6-0030:0")
    found = AccountIndex([Account(id=1, name="Facebook"), META]).explain(event)
    assert found.account_id == 1 and "before Meta" in found.reason
