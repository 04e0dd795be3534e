"""An account's `crm_id` as a string: one id per CRM, "hubspot:123;salesforce:001...".

An account can live in both CRMs, so its `crm_id` keeps one id per CRM (no schema change: the
column was already free text) plus any entry an import gave without a CRM prefix. The account
sync (crm/sync.py), the store's import matching and every reader of an account's CRM ids parse
and write it here, and only here.
"""

from __future__ import annotations

__all__ = ["KNOWN_CRMS", "crm_key", "crm_ids", "crm_entries", "with_crm_id", "without_crm_id", "merged_crm_id"]

KNOWN_CRMS = ("hubspot", "salesforce")  # also the order of the ids in a stored crm_id
_ID_SEPARATOR = ";"


def crm_key(crm: str, remote_id: str) -> str:
    return f"{crm}:{remote_id}"


def _split_ids(value: str | None) -> tuple[dict[str, str], list[str]]:
    """(CRM -> remote id, other entries kept verbatim: an id a CSV import gave without a CRM prefix)."""
    ids: dict[str, str] = {}
    others: list[str] = []
    for entry in crm_entries(value):
        crm, colon, remote_id = entry.partition(":")
        if colon and crm in KNOWN_CRMS and remote_id:
            ids[crm] = remote_id
        else:
            others.append(entry)
    return ids, others


def _joined(ids: dict[str, str], others: list[str]) -> str | None:
    """A crm_id in one fixed order, so syncing the CRMs in turn never flips it."""
    parts = others + [crm_key(crm, ids[crm]) for crm in KNOWN_CRMS if crm in ids]
    return _ID_SEPARATOR.join(parts) or None


def crm_ids(value: str | None) -> dict[str, str]:
    """The id each CRM has for an account, read from its stored crm_id."""
    return _split_ids(value)[0]


def with_crm_id(value: str | None, crm: str, remote_id: str) -> str | None:
    """`value` with `crm`'s id set to `remote_id`; the other CRM's id (and any other entry) stays."""
    ids, others = _split_ids(value)
    return _joined({**ids, crm: remote_id}, others)


def without_crm_id(value: str | None, crm: str) -> str | None:
    """`value` without `crm`'s id."""
    ids, others = _split_ids(value)
    ids.pop(crm, None)
    return _joined(ids, others)


def crm_entries(value: str | None) -> list[str]:
    """Every entry a stored `crm_id` holds, as written ("hubspot:123;salesforce:001..." -> both)."""
    return [entry for entry in (part.strip() for part in (value or "").split(_ID_SEPARATOR)) if entry]


def merged_crm_id(held: str, new: str) -> str:
    """`held` with the entries of `new` (an import's): an entry of the same CRM ("hubspot:") is
    replaced, the others are kept, held ones first."""
    def crm(entry: str) -> str:
        return entry.partition(":")[0] if ":" in entry else entry

    fresh = {crm(entry): entry for entry in crm_entries(new)}
    return _ID_SEPARATOR.join([*(entry for entry in crm_entries(held) if crm(entry) not in fresh), *fresh.values()])
