"""Fingerprint data: load, validate and compile the bundled YAML and admin-supplied files.

A fingerprint is one regex for one technology and one kind of evidence (a script URL, a
header, an SPF include...). Data files never contain code: patterns are regexes compiled
with `re.IGNORECASE | re.ASCII`, and a bad one is reported with its file and technology.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from signalwatch.techstack.catalog import (
    Catalog,
    CatalogError,
    default_catalog,
    technologies_from_entries,
)

__all__ = [
    "DNS_KINDS",
    "EVIDENCE_KINDS",
    "KEYED_KINDS",
    "PAGE_KINDS",
    "FingerprintError",
    "FingerprintSet",
    "Pattern",
    "default_fingerprints",
    "load_fingerprints",
    "parse_fingerprint_document",
]

PAGE_KINDS = ("script", "link", "html", "meta", "header", "cookie")
DNS_KINDS = ("mx", "spf", "txt")
EVIDENCE_KINDS = PAGE_KINDS + DNS_KINDS
KEYED_KINDS = frozenset({"meta", "header"})  # {name: regex on value}; the others are lists
FLAGS = re.IGNORECASE | re.ASCII  # ASCII keeps case-folding equal to str.lower() (see engine)

DEFAULT_CONFIDENCE: Mapping[str, float] = {
    "script": 0.95, "link": 0.9, "html": 0.85, "meta": 0.95, "header": 0.9, "cookie": 0.8,
    "mx": 0.95, "spf": 0.6, "txt": 0.5,
}  # fmt: skip


class FingerprintError(ValueError):
    """A fingerprint file is invalid; the message lists every problem, one per line."""


@dataclass(frozen=True)
class Pattern:
    """One compiled fingerprint: `key` is the meta or header name for keyed kinds."""

    tech: str
    kind: str
    key: str | None
    source: str
    confidence: float
    regex: re.Pattern[str]


@dataclass(frozen=True)
class FingerprintSet:
    """The catalog the fingerprints refer to and every compiled pattern, in file order."""

    catalog: Catalog
    patterns: tuple[Pattern, ...]

    def technologies(self) -> set[str]:
        return {pattern.tech for pattern in self.patterns}

    def extended(self, catalog: Catalog, patterns: Iterable[Pattern]) -> FingerprintSet:
        return FingerprintSet(catalog, self.patterns + tuple(patterns))


def _compile_one(tech: str, kind: str, key: str | None, source: object, confidence: float, where: str,
                 errors: list[str]) -> Pattern | None:
    if not isinstance(source, str):
        errors.append(f"{where}: pattern must be a string, got {type(source).__name__}")
        return None
    try:
        regex = re.compile(source, FLAGS)
    except re.error as exc:
        errors.append(f"{where}: invalid regex {source!r}: {exc}")
        return None
    return Pattern(tech, kind, key.lower() if key is not None else None, source, confidence, regex)


def _confidences(spec: Any, defaults: Mapping[str, float], where: str, errors: list[str]) -> dict[str, float]:
    result = dict(defaults)
    if spec is None:
        return result
    if not isinstance(spec, dict):
        errors.append(f"{where}: confidence must be a mapping of evidence kind to a number")
        return result
    for kind, value in spec.items():
        if kind not in EVIDENCE_KINDS:
            errors.append(f"{where}: confidence for unknown evidence kind {kind!r}")
        elif not isinstance(value, (int, float)) or not 0 < value <= 1:
            errors.append(f"{where}: confidence for {kind} must be a number in (0, 1], got {value!r}")
        else:
            result[kind] = float(value)
    return result


def _patterns_for(tech: str, spec: Any, defaults: Mapping[str, float], origin: str,
                  errors: list[str]) -> list[Pattern]:
    where = f"{origin}: fingerprints.{tech}"
    if not isinstance(spec, dict):
        errors.append(f"{where}: expected a mapping of evidence kinds")
        return []
    confidence = _confidences(spec.get("confidence"), defaults, where, errors)
    patterns: list[Pattern] = []
    for kind, value in spec.items():
        if kind == "confidence":
            continue
        if kind not in EVIDENCE_KINDS:
            errors.append(f"{where}: unknown evidence kind {kind!r} (known: {', '.join(EVIDENCE_KINDS)})")
            continue
        if kind in KEYED_KINDS:
            if not isinstance(value, dict):
                errors.append(f"{where}.{kind}: expected a mapping of name to regex")
                continue
            items: list[tuple[str | None, object]] = [(str(name), regex) for name, regex in value.items()]
        else:
            if not isinstance(value, list):
                errors.append(f"{where}.{kind}: expected a list of regexes")
                continue
            items = [(None, regex) for regex in value]
        for key, source in items:
            compiled = _compile_one(tech, kind, key, source, confidence[kind], f"{where}.{kind}", errors)
            if compiled is not None:
                patterns.append(compiled)
    return patterns


def parse_fingerprint_document(raw: Any, catalog: Catalog, origin: str) -> tuple[Catalog, list[Pattern]]:
    """Validate one file in our format; returns the catalog extended by its `technologies`."""
    if not isinstance(raw, dict):
        raise FingerprintError(f"{origin}: expected a mapping with `fingerprints`")
    errors: list[str] = []
    unknown = set(raw) - {"defaults", "fingerprints", "technologies"}
    if unknown:
        errors.append(f"{origin}: unknown top-level keys: {', '.join(sorted(map(str, unknown)))}")
    if "technologies" in raw:
        try:
            catalog = catalog.extended(technologies_from_entries(raw["technologies"] or [], origin))
        except CatalogError as exc:
            errors.append(str(exc))
    defaults = _confidences(raw.get("defaults"), DEFAULT_CONFIDENCE, f"{origin}: defaults", errors)
    fingerprints = raw.get("fingerprints") or {}
    if not isinstance(fingerprints, dict):
        errors.append(f"{origin}: `fingerprints` must map technology ids to evidence")
        fingerprints = {}
    patterns: list[Pattern] = []
    for tech, spec in fingerprints.items():
        if tech not in catalog:
            errors.append(f"{origin}: fingerprints.{tech}: unknown technology id (add it under `technologies:`)")
            continue
        patterns.extend(_patterns_for(str(tech), spec, defaults, origin, errors))
    if errors:
        raise FingerprintError("\n".join(errors))
    return catalog, patterns


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FingerprintError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise FingerprintError(f"{path}: not valid YAML: {exc}") from exc


def load_fingerprints(
    extra_files: Iterable[str | Path] = (),
    wappalyzer_files: Iterable[str | Path] = (),
    *,
    catalog: Catalog | None = None,
) -> FingerprintSet:
    """The bundled fingerprints plus admin files in our format and in Wappalyzer's format."""
    from signalwatch.techstack.wappalyzer import (
        parse_wappalyzer,  # local: optional format
    )

    text = resources.files("signalwatch.techstack").joinpath("fingerprints.yaml").read_text(encoding="utf-8")
    base_catalog, patterns = parse_fingerprint_document(yaml.safe_load(text), catalog or default_catalog(),
                                                        "fingerprints.yaml")
    result = FingerprintSet(base_catalog, tuple(patterns))
    for path in map(Path, extra_files):
        new_catalog, more = parse_fingerprint_document(_read_yaml(path), result.catalog, str(path))
        result = result.extended(new_catalog, more)
    for path in map(Path, wappalyzer_files):
        new_catalog, more = parse_wappalyzer(_read_json(path), result.catalog, str(path))
        result = result.extended(new_catalog, more)
    return result


def _read_json(path: Path) -> Any:
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FingerprintError(f"{path}: cannot read: {exc}") from exc
    except ValueError as exc:
        raise FingerprintError(f"{path}: not valid JSON: {exc}") from exc


@lru_cache(maxsize=1)
def default_fingerprints() -> FingerprintSet:
    """The bundled fingerprints, loaded once per process."""
    return load_fingerprints()
