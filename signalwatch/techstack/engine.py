"""The fingerprint engine: match compiled patterns against page and DNS evidence, fast.

Semantics (shared by the fast engine and the reference one): each pattern is searched in
the values of its evidence kind, in order; the first matching value is its evidence. A
technology's confidence is the highest confidence among its matching patterns.

Speed comes from literal prefilters. Most patterns contain a fixed run of characters
("js.hs-scripts.com/"); `required_literal` extracts it, and a pattern whose literal is not a
substring of the lower-cased text of its kind is skipped without running the regex. Patterns
are compiled with IGNORECASE|ASCII, which folds exactly the ASCII letters bytes.lower() folds,
so the prefilter never hides a match: the fast engine reports exactly what the reference
engine (`ReferenceEngine`, every regex on everything) reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from signalwatch.techstack.dns import DnsRecords
from signalwatch.techstack.fingerprints import DNS_KINDS, FingerprintSet, Pattern
from signalwatch.techstack.page import PageEvidence

__all__ = ["Detection", "Evidence", "Fingerprinter", "ReferenceEngine", "required_literal"]

MAX_DETAIL = 160
MIN_LITERAL = 3
_ESCAPE_LENGTH = {"x": 4, "u": 6, "U": 10}  # \x27, \u00e9, \U0001f600: the digits are not literals


@dataclass(frozen=True, order=True)
class Evidence:
    """Why a technology was detected: the evidence kind and the value that matched."""

    kind: str
    detail: str

    @property
    def source(self) -> str:
        return "dns" if self.kind in DNS_KINDS else "web"


@dataclass(frozen=True)
class Detection:
    """One technology found in one poll of one domain."""

    tech: str
    confidence: float
    evidence: tuple[Evidence, ...]

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(item.source for item in self.evidence)


def _skip_class(pattern: str, i: int) -> int:
    """Index just past the character class starting at pattern[i] == '['."""
    i += 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _skip_group(pattern: str, i: int) -> int:
    """Index just past the group starting at pattern[i] == '('."""
    depth = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _skip_class(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def required_literal(pattern: str) -> str | None:
    """The longest run of fixed characters every match of `pattern` contains, lower-cased.

    Conservative by construction: groups, classes, escapes such as \\d and anything followed
    by a quantifier end a run, and a top-level alternation means there is no required literal.
    """
    if re.compile(pattern).flags & re.VERBOSE:
        return None  # (?x): spaces and comments are not literal text
    runs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            runs.append("".join(current))
            current.clear()

    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "|":
            return None
        if char == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt and not nxt.isalnum():
                current.append(nxt)
                i += 2
                continue
            flush()
            i += _ESCAPE_LENGTH.get(nxt, 2)
            while nxt.isdigit() and i < len(pattern) and pattern[i].isdigit():  # \12 backrefs, \012 octal
                i += 1
            continue
        if char in "*?+{":
            if current:  # the quantified character may be absent or repeated: not fixed
                current.pop()
            flush()
            i = pattern.find("}", i) + 1 if char == "{" and "}" in pattern[i:] else i + 1
            continue
        if char in "([":
            flush()
            i = _skip_group(pattern, i) if char == "(" else _skip_class(pattern, i)
            continue
        if char in ".^$":
            flush()
        else:
            current.append(char)
        i += 1
    flush()
    best = max(runs, key=len, default="")
    return best.lower() if len(best) >= MIN_LITERAL else None


def _search_values(pattern: Pattern, values: Sequence[str]) -> str | None:
    for value in values:
        if pattern.regex.search(value):
            return value
    return None


def _match(pattern: Pattern, page: PageEvidence | None, dns: DnsRecords | None) -> Evidence | None:
    """Apply one pattern to its kind of evidence; the reference semantics of the engine."""
    kind, detail = pattern.kind, None
    if page is not None:
        if kind == "html":
            found = pattern.regex.search(page.html)
            detail = found.group(0) if found else None
        elif kind == "script":
            detail = _search_values(pattern, page.scripts)
        elif kind == "link":
            detail = _search_values(pattern, page.links)
        elif kind == "cookie":
            detail = _search_values(pattern, page.cookies)
        elif kind == "meta":
            value = _search_values(pattern, page.meta.get(pattern.key or "", ()))
            detail = f"{pattern.key}={value}" if value is not None else None
        elif kind == "header":
            header = page.headers.get(pattern.key or "")
            detail = f"{pattern.key}: {header}" if header is not None and pattern.regex.search(header) else None
    if dns is not None and kind in DNS_KINDS:
        detail = _search_values(pattern, dns.values(kind))
    return Evidence(kind, detail[:MAX_DETAIL]) if detail is not None else None


def _summarize(hits: Iterable[tuple[Pattern, Evidence]]) -> dict[str, Detection]:
    evidence: dict[str, dict[Evidence, None]] = {}
    confidence: dict[str, float] = {}
    for pattern, item in hits:
        evidence.setdefault(pattern.tech, {})[item] = None
        confidence[pattern.tech] = max(confidence.get(pattern.tech, 0.0), pattern.confidence)
    return {tech: Detection(tech, confidence[tech], tuple(items)) for tech, items in evidence.items()}


def _merge(results: Iterable[dict[str, Detection]]) -> dict[str, Detection]:
    merged: dict[str, Detection] = {}
    for result in results:
        for tech, found in result.items():
            if tech in merged:
                before = merged[tech]
                items = tuple(dict.fromkeys(before.evidence + found.evidence))
                found = Detection(tech, max(before.confidence, found.confidence), items)
            merged[tech] = found
    return merged


def _folded(text: str) -> bytes:
    """ASCII-lower-cased bytes of `text`, one byte per character, for literal prefilters."""
    return text.encode("ascii", "replace").lower()


class ReferenceEngine:
    """Every pattern of every technology, run with `re.search` on its evidence: the baseline."""

    def __init__(self, fingerprints: FingerprintSet) -> None:
        self.fingerprints = fingerprints

    def detect(self, pages: Sequence[PageEvidence] = (), dns: DnsRecords | None = None) -> dict[str, Detection]:
        results = []
        for page in pages:
            results.append(_summarize((p, e) for p in self.fingerprints.patterns if (e := _match(p, page, None))))
        if dns is not None:
            results.append(_summarize((p, e) for p in self.fingerprints.patterns if (e := _match(p, None, dns))))
        return _merge(results)


class Fingerprinter:
    """The fast engine: per evidence kind, patterns whose literal is absent are never run."""

    def __init__(self, fingerprints: FingerprintSet) -> None:
        self.fingerprints = fingerprints
        # (position in file order, pattern, literal or None) grouped by kind. Literals are
        # ASCII bytes: a page is prefiltered as ASCII bytes (others become "?"), which is both
        # exact for IGNORECASE|ASCII patterns and far lighter than str.lower() on wide text.
        self._by_kind: dict[str, list[tuple[int, Pattern, bytes | None]]] = {}
        for index, pattern in enumerate(fingerprints.patterns):
            literal = required_literal(pattern.source)
            prefilter = literal.encode("ascii") if literal is not None and literal.isascii() else None
            self._by_kind.setdefault(pattern.kind, []).append((index, pattern, prefilter))

    def _run(self, kinds: Iterable[tuple[str, bytes]], page: PageEvidence | None,
             dns: DnsRecords | None) -> dict[str, Detection]:
        hits: list[tuple[int, Pattern, Evidence]] = []
        for kind, haystack in kinds:
            for index, pattern, literal in self._by_kind.get(kind, ()):
                if literal is not None and literal not in haystack:
                    continue
                found = _match(pattern, page, dns)
                if found is not None:
                    hits.append((index, pattern, found))
        hits.sort(key=lambda hit: hit[0])  # report in file order, exactly like the reference
        return _summarize((pattern, found) for _, pattern, found in hits)

    def detect_page(self, page: PageEvidence) -> dict[str, Detection]:
        kinds = [
            ("html", _folded(page.html)),
            ("script", _folded("\n".join(page.scripts))),
            ("link", _folded("\n".join(page.links))),
            ("cookie", _folded("\n".join(page.cookies))),
            # Keyed kinds are a dictionary lookup first; the prefilter text is every value.
            ("meta", _folded("\n".join(v for values in page.meta.values() for v in values))),
            ("header", _folded("\n".join(page.headers.values()))),
        ]
        return self._run(kinds, page, None)

    def detect_dns(self, dns: DnsRecords) -> dict[str, Detection]:
        kinds = [(kind, _folded("\n".join(dns.values(kind)))) for kind in DNS_KINDS]
        return self._run(kinds, None, dns)

    def detect(self, pages: Sequence[PageEvidence] = (), dns: DnsRecords | None = None) -> dict[str, Detection]:
        results = [self.detect_page(page) for page in pages]
        if dns is not None:
            results.append(self.detect_dns(dns))
        return _merge(results)
