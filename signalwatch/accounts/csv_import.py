"""Read target accounts from a CSV file: good rows are kept, bad ones reported by line."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

from signalwatch.accounts import FIELD_KINDS, GIVEN_FIELDS, REQUIRED_FIELDS, Account
from signalwatch.accounts.country import country_code
from signalwatch.resolve import normalize_domain
from signalwatch.yamlload import Issue, suggest

__all__ = ["read_accounts_csv", "iter_accounts_csv", "COLUMNS", "CRM_EXPORTS"]

COLUMNS = GIVEN_FIELDS  # the account schema, in its order: a new Account field is a new column
# A CRM's own export, read as it is: a HubSpot companies export (its column labels) or a Salesforce
# accounts report. Per CRM: our column -> the export's headers for it (the first one present
# fills it). A file is read as an export when its header names that CRM's company-name column;
# the export's other columns (owner names, phone, city...) are ignored, with one warning naming
# them. The record id becomes `crm_id` "hubspot:123" / "salesforce:001...", as `crm sync` writes it.
CRM_EXPORTS: dict[str, dict[str, tuple[str, ...]]] = {
    "hubspot": {"name": ("Company name",), "crm_id": ("Record ID", "Company ID"),
                "domain": ("Company Domain Name", "Website URL"), "industry": ("Industry",),
                "employees": ("Number of Employees",), "revenue": ("Annual Revenue",), "country": ("Country/Region",)},
    "salesforce": {"name": ("Account Name",), "crm_id": ("Account ID",), "domain": ("Website",),
                   "industry": ("Industry",), "employees": ("Employees",), "revenue": ("Annual Revenue",),
                   "country": ("Billing Country",)},
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SLACK_USER = re.compile(r"^[UW][A-Z0-9]{6,}$")
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$")
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9}
# What only some columns need beyond their type: a format to match, a case to store in.
_FORMATS: dict[str, tuple[re.Pattern[str], str]] = {
    "owner_email": (_EMAIL, "is not an email address"),
    "owner_slack_id": (_SLACK_USER, "is not a Slack user id (like U0123ABCD)"),
}
_CASE: dict[str, Callable[[str], str]] = {"industry": str.lower, "country": lambda text: country_code(text) or "", "tags": str.lower}
if _unreadable := [name for name in COLUMNS if FIELD_KINDS[name] not in (str, int, float, tuple)]:
    raise TypeError(f"the accounts CSV reader has no conversion for the Account fields {_unreadable}: add one to _cell")


_MONEY_MARKS = re.compile(r"(?i)^\s*(?:usd|eur|gbp|cad|aud|chf|[$€£¥])\s*|\s*(?:usd|eur|gbp|cad|aud|chf|[$€£¥])\s*$")
_RANGE = re.compile(r"^([\d.,]+)\s*(?:(?:-|–|to)\s*[\d.,]+|\+)$")  # "1,001-5,000" or "10,001+" employees, as CRMs band them: the lower bound


def _number(text: str) -> float:
    """"1,200", "$12M", "€45,000,000", "USD 50,000,000", "8.000.000" (dots grouping thousands), "1,001-5,000" or
    "10,001+" (its lower bound)."""
    cleaned = _MONEY_MARKS.sub("", text).strip().lower()
    banded = _RANGE.match(cleaned)
    if banded:
        cleaned = banded.group(1)
    if cleaned.count(".") > 1 and "," not in cleaned:
        cleaned = cleaned.replace(".", "")
    cleaned = cleaned.replace(",", "")
    scale = _SCALE.get(cleaned[-1:], 1.0)
    return float(cleaned[:-1] if scale != 1.0 else cleaned) * scale


def _cell(column: str, raw: str) -> tuple[Any, str | None]:
    """One cell as the value of its account field (by the field's type), or why it cannot be."""
    case = _CASE.get(column, str.strip)
    if FIELD_KINDS[column] is tuple:  # a list: "Acme Inc; ACME"
        return tuple(case(x.strip()) for x in raw.split(";") if x.strip()), None
    if column == "domain":
        domain = normalize_domain(raw)
        return domain, f"domain {raw!r} is not a domain name" if domain and not _DOMAIN.match(domain) else None
    text = raw.strip()
    if not text:
        return None, f"{column} is empty" if column in REQUIRED_FIELDS else None
    if FIELD_KINDS[column] in (int, float):
        try:
            return FIELD_KINDS[column](_number(raw)), None
        except ValueError:
            return None, f"{column} {raw!r} is not a number"
    pattern, says = _FORMATS.get(column, (None, ""))
    if pattern is not None and not pattern.match(text):
        return None, f"{column} {text!r} {says}"
    return case(text), None


def _row(values: dict[str, str], line: int, path: str, providers: Collection[str]) -> tuple[Account | None, list[Issue]]:
    problems: list[str] = []
    found: dict[str, Any] = {}
    for column in COLUMNS:
        found[column], problem = _cell(column, values.get(column) or "")
        if problem:
            problems.append(problem)
    for board in found["boards"]:
        provider = board.partition(":")[0].strip().lower()
        if ":" not in board:
            problems.append(f"board {board!r} must look like provider:id, e.g. greenhouse:acme")
        elif providers and provider not in providers:
            problems.append(f"board {board!r}: unknown provider {provider!r}{suggest(provider, providers)}")
    crm_id = found["crm_id"]
    if crm_id and crm_id.partition(":")[0].strip().lower() in providers:
        problems.append(f"crm_id {crm_id!r} looks like a job board: put it in the boards column")
    if problems:
        return None, [Issue(path, line, "; ".join(problems))]
    return Account(id=0, **found), []


def read_accounts_csv(path: Path | str, board_providers: Collection[str] = ()) -> tuple[list[Account], list[Issue]]:
    """Parse the file; an unknown column rejects the file (every row would be misread).

    With the job-board providers the daemon polls (`board_providers`), a board of another
    provider, or a crm_id that names one (a board id in the wrong column), rejects its row.
    """
    issues: list[Issue] = []
    accounts = list(iter_accounts_csv(path, issues, board_providers))
    return accounts, issues


def iter_accounts_csv(path: Path | str, issues: list[Issue], board_providers: Collection[str] = (),
                      columns: set[str] | None = None) -> Iterator[Account]:
    """The good rows one by one (an import of 200,000 rows never holds them all); problems are
    appended to `issues` as they are met, and the account fields the file carries to `columns`
    (filled once the header is read, before the first account), so an update leaves the others."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        issues.append(Issue(name, 1, f"cannot read file: {exc}"))
        return
    if data[:4] == b"PK\x03\x04":  # a zip: an Excel workbook (.xlsx) or an OpenDocument sheet, not text
        issues.append(Issue(name, 1, "a spreadsheet workbook (.xlsx/.ods), not CSV: save it as 'CSV UTF-8' and import that"))
        return
    text, encoding_issue = _decode(data, name)
    del data
    if encoding_issue:
        issues.append(encoding_issue)
    yield from _parse(io.StringIO(text, newline=""), name, board_providers, issues, columns if columns is not None else set())


def _decode(data: bytes, name: str) -> tuple[str, Issue | None]:
    """The file's text. Spreadsheets on Windows save CSV as Windows-1252, not UTF-8: such a file
    is read as that, with a warning naming the first line that is not UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Excel's "Unicode text" and some CRM exports write UTF-16
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return data.decode("cp1252", errors="replace"), Issue(
            name, line, f"not UTF-8 (byte 0x{data[exc.start]:02x}); read as Windows-1252: check accented names, "
            "or save the file as CSV UTF-8", severity="warning")


def _key(header: str) -> str:
    return re.sub(r"[\s_]+", " ", header.strip().lower())


def _export_of(header: list[str]) -> tuple[str, dict[str, list[str]]] | None:
    """(crm, our column -> the file's header keys that fill it, in order) when the file is a CRM's own export, else None."""
    present = {_key(h) for h in header}
    for crm, columns in CRM_EXPORTS.items():
        if _key(columns["name"][0]) not in present:
            continue
        return crm, {ours: found for ours, names in columns.items() if (found := [_key(n) for n in names if _key(n) in present])}
    return None


# The lines a Salesforce report's "Export Details" writes below its rows.
_FOOTER = re.compile(r"(?i)^(?:grand totals?\b|total\b|confidential information\b|copyright\s*\(c\))")


def _parse(handle: io.StringIO, name: str, board_providers: Collection[str], issues: list[Issue],
           columns: set[str]) -> Iterator[Account]:
    """Rows of the decoded file: an unknown column rejects the file, a bad row only itself."""
    reader = csv.DictReader(handle)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    export = _export_of(header) if any(h not in COLUMNS for h in header) else None
    if export:
        crm, sources = export
        used = {key for keys in sources.values() for key in keys}
        read_as = ", ".join(f"{h.strip()!r} as {ours}" for h in reader.fieldnames or [] for ours, keys in sources.items() if _key(h) in keys)
        ignored = [h.strip() for h in reader.fieldnames or [] if _key(h) not in used]
        issues.append(Issue(name, 1, f"read as a {crm} export: {read_as}"
                            + (f"; ignored: {', '.join(repr(h) for h in ignored)}" if ignored else ""), severity="warning"))
        columns.update(sources)
        yield from _rows(reader, name, board_providers, issues, sources, crm)
        return
    unknown = [h for h in header if h not in COLUMNS]
    if not header or "name" not in header:
        separator = next((name for mark, name in ((";", "';'"), ("\t", "tabs")) if len(header) == 1 and mark in header[0]), None)
        hint = f" (the header is separated by {separator}, as spreadsheets save some exports: save it as CSV with commas)" if separator else ""
        exports = "; or a HubSpot companies export / Salesforce accounts report as it is"
        issues.append(Issue(name, 1, f"the header must include 'name'; columns: {', '.join(COLUMNS)}{exports}{hint}"))
        return
    if unknown:
        issues.extend(Issue(name, 1, f"unknown column {col!r}{suggest(col, COLUMNS)}") for col in unknown)
        return
    columns.update(header)
    yield from _rows(reader, name, board_providers, issues, {h: [_key(h)] for h in header}, None)


def _rows(reader: csv.DictReader[str], name: str, board_providers: Collection[str], issues: list[Issue],
          sources: dict[str, list[str]], crm: str | None) -> Iterator[Account]:
    """The good rows, each of our columns filled from the first of its `sources` (the file's header
    keys) that the row has a value in; with `crm`, a CRM export whose record ids and industries are
    that CRM's, and whose report footer ends the rows."""
    seen: dict[str, int] = {}
    key_of = {header: _key(header) for header in reader.fieldnames or []}  # once, not per cell of each of 200,000 rows
    if crm:
        from signalwatch.crm.fetch import industry_word  # only for a CRM export: the CRM package is slow to import
    try:
        for raw in reader:
            line = reader.line_num
            if None in raw:
                issues.append(Issue(name, line, "more fields than columns"))
                continue
            cells = {key_of[k]: (v or "") for k, v in raw.items() if k is not None}
            if crm and _FOOTER.match(next((v.strip() for v in cells.values() if v.strip()), "")) and sum(1 for v in cells.values() if v.strip()) == 1:
                break  # "Grand Totals (2 records)", "Confidential Information - Do Not Distribute", "Copyright (c) ..."
            values = {ours: next((cells[key] for key in keys if cells.get(key, "").strip()), "") for ours, keys in sources.items()}
            if any("\x00" in value for value in values.values()):
                issues.append(Issue(name, line, "contains a NUL byte (is this a binary or UTF-16 file?)"))
                continue
            if crm and values.get("crm_id", "").strip():
                values["crm_id"] = f"{crm}:{values['crm_id'].strip()}"
            if crm and values.get("industry", "").strip():
                values["industry"] = industry_word(values["industry"]) or ""  # HubSpot's COMPUTER_SOFTWARE is "software", as `crm sync` reads it
            account, problems = _row(values, line, name, board_providers)
            # one company per domain; without one, per CRM record (two records of one name are namesakes), else per name
            key = (account.domain or account.crm_id or account.name.lower()) if account else None
            if account and key in seen:
                problems = [Issue(name, line, f"duplicate of line {seen[key]} ({key})")]
                account = None
            issues += problems
            if account:
                seen[key or ""] = line
                yield account
    except csv.Error as exc:
        issues.append(Issue(name, reader.line_num, f"unreadable CSV: {exc}"))
