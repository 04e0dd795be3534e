"""Reading a Form D `primary_doc.xml` (an `edgarSubmission`) into the facts we alert on. Pure.

    edgarSubmission/submissionType                       D or D/A
    primaryIssuer/{cik, entityName, entityType, issuerAddress/stateOrCountry, yearOfInc/value}
    relatedPersonsList/relatedPersonInfo[]/{relatedPersonName, relatedPersonRelationshipList}
    offeringData/industryGroup/{industryGroupType, investmentFundInfo}
    offeringData/issuerSize/revenueRange
    offeringData/typeOfFiling/{newOrAmendment/isAmendment, dateOfFirstSale/(value|yetToOccur)}
    offeringData/typesOfSecuritiesOffered/{is*Type, descriptionOfOtherType}
    offeringData/offeringSalesAmounts/{totalOfferingAmount ("Indefinite" allowed), totalAmountSold, totalRemaining}
    offeringData/investors/totalNumberAlreadyInvested
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FormD", "FormDParseError", "parse_form_d"]

_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_SECURITY_TYPES = {
    "isEquityType": "equity",
    "isDebtType": "debt",
    "isOptionToAcquireType": "option",
    "isSecurityToBeAcquiredType": "security_to_be_acquired",
    "isPooledInvestmentFundType": "pooled_fund",
    "isTenantInCommonType": "tenant_in_common",
    "isMineralPropertyType": "mineral_property",
    "isOtherType": "other",
}


class FormDParseError(ValueError):
    """The document is not a readable Form D submission."""


@dataclass(frozen=True)
class FormD:
    """The facts of one Form D or D/A filing."""

    submission_type: str
    cik: str
    entity_name: str
    entity_type: str | None
    state: str | None
    year_of_inc: str | None
    industry_group: str | None
    is_pooled_fund: bool
    revenue_range: str | None
    is_amendment: bool
    date_of_first_sale: str | None  # ISO date; None when "yet to occur"
    total_offering_amount: float | None  # None when "Indefinite" or missing
    offering_indefinite: bool
    total_amount_sold: float | None
    total_remaining: float | None
    investors_count: int | None
    securities: tuple[str, ...] = ()
    related_persons: tuple[dict[str, Any], ...] = field(default=())
    instrument: str | None = None  # the issuer's words for an "other" security, e.g. "Simple Agreement for Future Equity (SAFE)"


def parse_form_d(body: bytes | str) -> FormD:
    """Parse one primary_doc.xml; FormDParseError says what is wrong with it."""
    data = (body.encode("utf-8") if isinstance(body, str) else body).lstrip()  # a blank line before <?xml happens
    if _DOCTYPE.search(data[:2048]):
        raise FormDParseError("Form D document declares a DOCTYPE/ENTITY; refusing to expand it")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FormDParseError(f"Form D document is not XML: {exc}") from exc
    for element in root.iter():  # namespaces differ between schema versions; names do not
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    if root.tag != "edgarSubmission":
        raise FormDParseError(f"expected <edgarSubmission>, got <{root.tag}>")
    issuer = root.find("primaryIssuer")
    offering = root.find("offeringData")
    if issuer is None or offering is None:
        raise FormDParseError("Form D document lacks primaryIssuer or offeringData")
    submission = _text(root, "submissionType") or "D"
    industry = _text(offering, "industryGroup/industryGroupType")
    fund = offering.find("industryGroup/investmentFundInfo")
    securities = tuple(
        label for tag, label in _SECURITY_TYPES.items() if (_text(offering, f"typesOfSecuritiesOffered/{tag}") or "").lower() == "true"
    )
    offered_text = _text(offering, "offeringSalesAmounts/totalOfferingAmount")
    return FormD(
        submission_type=submission,
        cik=_text(issuer, "cik") or "",
        entity_name=_text(issuer, "entityName") or "",
        entity_type=_text(issuer, "entityType"),
        state=_text(issuer, "issuerAddress/stateOrCountry"),
        year_of_inc=_text(issuer, "yearOfInc/value"),
        industry_group=industry,
        is_pooled_fund=(industry or "").lower() == "pooled investment fund" or fund is not None or "pooled_fund" in securities,
        revenue_range=_text(offering, "issuerSize/revenueRange"),
        is_amendment=submission.upper().endswith("/A") or _text(offering, "typeOfFiling/newOrAmendment/isAmendment") == "true",
        date_of_first_sale=_text(offering, "typeOfFiling/dateOfFirstSale/value"),
        total_offering_amount=_amount(offered_text),
        offering_indefinite=(offered_text or "").strip().lower() == "indefinite",
        total_amount_sold=_amount(_text(offering, "offeringSalesAmounts/totalAmountSold")),
        total_remaining=_amount(_text(offering, "offeringSalesAmounts/totalRemaining")),
        investors_count=_integer(_text(offering, "investors/totalNumberAlreadyInvested")),
        securities=securities,
        related_persons=tuple(_person(info) for info in root.findall("relatedPersonsList/relatedPersonInfo")),
        instrument=_text(offering, "typesOfSecuritiesOffered/descriptionOfOtherType"),
    )


def _text(parent: ET.Element, path: str) -> str | None:
    found = parent.find(path)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def _amount(text: str | None) -> float | None:
    if not text:
        return None
    cleaned = text.replace(",", "").replace("$", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None  # "Indefinite", "N/A"


def _integer(text: str | None) -> int | None:
    amount = _amount(text)
    return int(amount) if amount is not None else None


# What filers type as the "first name" of a related person that is an entity: its legal-form
# suffix ("Ltd." + "Belltower Fund Group"), or a placeholder ("-", "N/A").
_ENTITY_SUFFIX = re.compile(
    r"^(?:l\.?l\.?c\.?|l\.?l\.?p\.?|l\.?p\.?|ltd\.?|limited|inc\.?|incorporated|corp\.?|corporation|co\.?|"
    r"gmbh|ag|s\.?a\.?|b\.?v\.?|n\.?v\.?|plc|pte\.? ltd\.?|pty\.? ltd\.?|trust|fund|partners)$",
    re.IGNORECASE,
)
_PLACEHOLDER = {"", "-", "--", ".", "N/A", "NA", "NONE", "X"}


def _person(info: ET.Element) -> dict[str, Any]:
    first, middle, last = (_text(info, f"relatedPersonName/{p}") or "" for p in ("firstName", "middleName", "lastName"))
    entity = bool(last) and not middle and (first.upper() in _PLACEHOLDER or bool(_ENTITY_SUFFIX.match(first)))
    if entity:
        # An entity's name goes in lastName; a legal-form suffix in firstName belongs after it.
        base = last.rstrip(" ,")
        name = base if first.upper() in _PLACEHOLDER else f"{base}, {first}"
    else:
        name = " ".join(p for p in (first, middle, last) if p and p.upper() != "N/A")
    relationships = [" ".join((r.text or "").split()) for r in info.findall("relatedPersonRelationshipList/relationship")]
    return {
        "name": name,
        "entity": entity,
        "relationships": [r for r in relationships if r],
        "clarification": _text(info, "relationshipClarification"),
    }
