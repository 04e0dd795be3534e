"""Load admin YAML with line numbers, and report every problem as `file:line: message`.

Pydantic validates the data; this module maps each validation error back to the line of
the offending key, adds a did-you-mean for unknown keys, and collects all problems of all
files so the admin sees them at once. Aliases are allowed within a small budget
(`MAX_ALIAS_NODES`), checked before anything is expanded, so a "billion laughs" file is a
`file:line` error instead of gigabytes.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

__all__ = ["Issue", "AdminInputError", "LoadedYaml", "load_yaml", "validation_issues", "suggest"]

Loc = tuple[str | int, ...]
# Nodes that aliases may add to a file (each use counts everything its anchor holds). Rule and
# config files are a few thousand nodes written out; a billion-laughs file is a billion.
MAX_ALIAS_NODES = 10_000


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


class _Loader(yaml.SafeLoader):
    """The safe loader with YAML 1.2's booleans: only true/false (any case) are booleans.

    YAML 1.1 (PyYAML's default) also reads yes/no/on/off/y/n as booleans, so Norway's country code
    in `country: [US, NO]` became False and a documented `mode: off` became False; admins write
    these as words. A boolean setting still accepts yes/no/on/off (the config models parse them).
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(path: Path | str, text: str | None = None) -> tuple[LoadedYaml | None, list[Issue]]:
    """Parse `path` safely (no tags that build objects), recording lines and duplicate keys."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            return None, [Issue(name, 1, f"cannot read file: {exc}")]
    loader = _Loader(text)
    loaded = LoadedYaml(name, None)
    issues: list[Issue] = []
    try:
        node = loader.get_single_node()  # composing keeps an alias as a reference: no expansion yet
        if node is not None:
            refused = _alias_problem(node)
            if refused is not None:
                return None, [Issue(name, refused[0], refused[1])]
            # lines (and duplicate keys) from the nodes as written, before merge keys are flattened
            _record_lines(node, (), loaded, issues)
            loaded.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        return None, [Issue(name, line, f"invalid YAML: {problem}")]
    except yaml.YAMLError as exc:
        return None, [Issue(name, 1, f"invalid YAML: {exc}")]
    except RecursionError:
        return None, [Issue(name, 1, "invalid YAML: nested too deeply")]
    finally:
        loader.dispose()
    return loaded, issues


def _alias_problem(root: yaml.Node) -> tuple[int, str] | None:
    """(line, message) when aliases would expand the document past `MAX_ALIAS_NODES` or refer to
    themselves; None otherwise.

    Every reader of the data (line recording, validation, compiling match blocks, merge keys)
    walks it as a tree, so an alias costs as much as the nodes it stands for: nine nested
    aliases of ten items each are a billion nodes ("billion laughs"). The composed graph keeps
    an alias as a reference to its anchor's node, so the expansion is counted here, once per
    distinct node and in time linear in the file, before anything is expanded."""
    budget = _AliasBudget()
    budget.size(root, root.start_mark.line + 1)
    return budget.problem


@dataclass
class _AliasBudget:
    """Walks a composed YAML graph once, adding up the nodes that alias uses stand for."""

    sizes: dict[int, int] = field(default_factory=dict)  # id(node) → expanded size, capped
    active: set[int] = field(default_factory=set)  # nodes being walked: an alias to one is a cycle
    added: int = 0
    problem: tuple[int, str] | None = None

    def size(self, node: yaml.Node, line: int) -> int:
        """The expanded size of `node` (capped at the budget); counts it as added if already seen,
        which only an alias can do (the composer makes a new node for everything else)."""
        key = id(node)
        if key in self.sizes:
            self.added += self.sizes[key]
            if self.added > MAX_ALIAS_NODES and self.problem is None:
                self.problem = (line, f"aliases expand the file past {MAX_ALIAS_NODES:,} nodes here (nested aliases "
                                      "multiply, as in a \"billion laughs\"): write the values out or use fewer aliases")
            return self.sizes[key]
        if key in self.active:
            self.problem = self.problem or (line, "an alias inside its own anchor makes an endless structure: write the values out")
            return 0
        self.active.add(key)
        total = 1
        for child, child_line in _children(node):
            total += self.size(child, child_line)
            if self.problem is not None:
                break
        self.active.discard(key)
        self.sizes[key] = min(total, MAX_ALIAS_NODES + 1)
        return self.sizes[key]


def _children(node: yaml.Node) -> Iterator[tuple[yaml.Node, int]]:
    """The child nodes of `node` with the line an alias among them is reported at: a mapping
    value's key line, else the container's own line (an alias node carries its anchor's mark)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            yield key_node, key_line
            yield value_node, key_line
    elif isinstance(node, yaml.SequenceNode):
        here = node.start_mark.line + 1
        for item in node.value:
            yield item, here


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
