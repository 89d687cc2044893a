"""Strict YAML reading: plain data plus a map from every value to its line.

Why: `yaml.safe_load` keeps the last of duplicate keys, turns `no` into False,
`010` into 8, `1:30` into 90, and expands alias bombs. We read the event stream
from libyaml's C parser and build plain Python data ourselves, resolving only
the scalar types the register needs, so none of that can happen silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 1_000_000
"""Files larger than this are refused before parsing."""

Path_ = tuple[str | int, ...]
Scalar = str | int | float | bool | None

_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
# YAML 1.1 readings that a human rarely means: refuse them, ask for quotes.
_AMBIGUOUS = [
    (re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$"), "a YAML 1.1 boolean"),
    (re.compile(r"^(True|TRUE|False|FALSE|Null|NULL)$"), "a YAML boolean or null in unusual case"),
    (re.compile(r"^[-+]?0[0-9_]+$"), "an octal number"),
    (re.compile(r"^[-+]?0[oxb][0-9a-fA-F_]+$"), "an octal, hex or binary number"),
    (re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$"), "a sexagesimal number"),
    (re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$"), "infinity or not-a-number"),
    (
        re.compile(r"^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"),
        "a number in an unusual form",
    ),
]


@dataclass
class Document:
    """A parsed file: its plain data and where each value stood."""

    data: Any
    lines: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at `path`, or of its nearest parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return (1, 1)


class _Refused(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _mark(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _scalar(event: Any, problems: list[Problem], file: str) -> Scalar:
    value: str = event.value
    if event.tag not in (None, "!"):
        raise _Refused(*_mark(event), f"YAML tag {event.tag!r} is not allowed")
    if event.style or (event.implicit and not event.implicit[0]):
        return value  # quoted or block scalar: always a string
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    for pattern, what in _AMBIGUOUS:
        if pattern.match(value):
            problems.append(
                Problem(
                    file,
                    *_mark(event),
                    f"value {value!r} would be read as {what}: put it in quotes "
                    "if you mean the text, or write true/false or a plain number",
                    "yaml",
                )
            )
            break
    return value


class _Builder:
    def __init__(self, events: Any, problems: list[Problem], file: str) -> None:
        self.events = events
        self.problems = problems
        self.file = file
        self.lines: dict[Path_, tuple[int, int]] = {}

    def node(self, event: Any, path: Path_) -> Any:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(*_mark(event), "YAML anchors and aliases are not allowed")
        self.lines[path] = _mark(event)
        if isinstance(event, yaml.ScalarEvent):
            return _scalar(event, self.problems, self.file)
        if isinstance(event, yaml.SequenceStartEvent):
            self._no_tag(event)
            items: list[Any] = []
            for ev in self.events:
                if isinstance(ev, yaml.SequenceEndEvent):
                    return items
                items.append(self.node(ev, (*path, len(items))))
        if isinstance(event, yaml.MappingStartEvent):
            self._no_tag(event)
            mapping: dict[str, Any] = {}
            seen: dict[str, tuple[int, int]] = {}
            for ev in self.events:
                if isinstance(ev, yaml.MappingEndEvent):
                    return mapping
                if not isinstance(ev, yaml.ScalarEvent):
                    raise _Refused(*_mark(ev), "mapping keys must be plain text")
                key = ev.value
                where = _mark(ev)
                value = self.node(next(self.events), (*path, key))
                if key in seen:
                    self.problems.append(
                        Problem(
                            self.file,
                            where[0],
                            where[1],
                            f"duplicate key {key!r} (first at line {seen[key][0]})",
                            "duplicate_key",
                        )
                    )
                    continue
                seen[key] = where
                self.lines[(*path, key)] = where
                mapping[key] = value
        raise _Refused(*_mark(event), f"unexpected YAML event {type(event).__name__}")

    @staticmethod
    def _no_tag(event: Any) -> None:
        if event.tag not in (None, "!") and not event.implicit:
            raise _Refused(*_mark(event), f"YAML tag {event.tag!r} is not allowed")


def read_yaml(path: Path, display: str, max_bytes: int = MAX_BYTES) -> tuple[Document | None, list[Problem]]:
    """Parse one file strictly; return its document (None if unusable) and problems."""
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(display, 0, 0, f"file is {size} bytes, over the limit of {max_bytes}", "file")]
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 0, 0, f"file is not UTF-8 text ({exc.reason})", "file")]
    except OSError as exc:
        return None, [Problem(display, 0, 0, f"cannot read file: {exc.strerror}", "file")]
    events = iter(yaml.parse(text, Loader=yaml.CSafeLoader))
    builder = _Builder(events, problems, display)
    data: Any = None
    try:
        docs = 0
        for ev in events:
            if isinstance(ev, yaml.DocumentStartEvent):
                docs += 1
                if docs > 1:
                    raise _Refused(*_mark(ev), "only one YAML document per file is allowed")
                data = builder.node(next(events), ())
    except _Refused as exc:
        return None, [*problems, Problem(display, exc.line, exc.column, exc.message, "yaml")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        return None, [*problems, Problem(display, line, col, f"YAML syntax error: {what}", "yaml")]
    except yaml.YAMLError as exc:
        return None, [*problems, Problem(display, 0, 0, f"YAML error: {exc}", "yaml")]
    return Document(data, builder.lines), problems
