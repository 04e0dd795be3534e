"""Load admin YAML with line numbers, and report every problem as `file:line: message`.

Pydantic validates the data; this module maps each validation error back to the line of
the offending key, adds a did-you-mean for unknown keys, and collects all problems of all
files so the admin sees them at once.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

__all__ = ["Issue", "AdminInputError", "LoadedYaml", "load_yaml", "validation_issues", "suggest"]

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in an admin file. `severity` is "error" or "warning"."""

    file: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.file}:{self.line}: {prefix}{self.message}"


class AdminInputError(Exception):
    """Config or rule files are invalid; `issues` holds every problem found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = sorted(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


@dataclass
class LoadedYaml:
    """Parsed YAML plus the line of every key and list item, by path."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1


def load_yaml(path: Path | str, text: str | None = None) -> tuple[LoadedYaml | None, list[Issue]]:
    """Parse `path` safely (no tags that build objects), recording lines and duplicate keys."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return None, [Issue(name, 1, f"cannot read file: {exc}")]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [Issue(name, line, f"invalid YAML: {problem}")]
    except yaml.YAMLError as exc:
        return None, [Issue(name, 1, f"invalid YAML: {exc}")]
    finally:
        loader.dispose()
    loaded = LoadedYaml(name, data)
    issues: list[Issue] = []
    if node is not None:
        _record_lines(node, (), loaded, issues)
    return loaded, issues


def _record_lines(node: yaml.Node, loc: Loc, loaded: LoadedYaml, issues: list[Issue]) -> None:
    loaded.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                issues.append(Issue(loaded.path, key_node.start_mark.line + 1, f"duplicate key {key!r}"))
            seen.add(key)
            loaded.lines[(*loc, key)] = key_node.start_mark.line + 1
            _record_lines(value_node, (*loc, key), loaded, issues)
            loaded.lines[(*loc, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), loaded, issues)


def suggest(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'priority'?)" when a close match exists, else ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def validation_issues(
    error: ValidationError, loaded: LoadedYaml, model: type[BaseModel], prefix: Loc = ()
) -> list[Issue]:
    """Turn a pydantic error into `file:line` issues; unknown keys get a suggestion."""
    issues = []
    for item in error.errors():
        loc = (*prefix, *item["loc"])
        where = ".".join(str(part) for part in loc) or "(top level)"
        if item["type"] == "extra_forbidden":
            key = str(loc[-1])
            allowed = _fields_at(model, tuple(item["loc"][:-1]))
            hint = suggest(key, allowed)
            known = f"; allowed: {', '.join(sorted(allowed))}" if allowed and not hint else ""
            message = f"unknown key {key!r}{hint}{known}"
        else:
            message = f"{where}: {item['msg']}"
            if item["type"] not in ("missing",) and "input" in item and not isinstance(item["input"], (dict, list)):
                message += f" (got {item['input']!r})"
        issues.append(Issue(loaded.path, loaded.line_of(loc), message))
    return issues


def _fields_at(model: Any, loc: Loc) -> list[str]:
    """The field names of the (nested) model at `loc`, following lists and dicts."""
    current: Any = model
    for part in loc:
        current = _unwrap(current, part)
        if current is None:
            return []
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _unwrap(annotation: Any, part: str | int) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field_info = annotation.model_fields.get(str(part))
        return _strip(field_info.annotation) if field_info else None
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, Sequence) and isinstance(part, int):
        return _strip(typing.get_args(annotation)[0])
    if origin is dict:
        return _strip(typing.get_args(annotation)[1])
    return None


def _strip(annotation: Any) -> Any:
    """Optional[X] / X | None → X, so nested lookups see the model."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType")) and len(args) == 1:
        return args[0]
    return annotation
