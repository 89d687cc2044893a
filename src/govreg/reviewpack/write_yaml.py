"""Write verdicts into a reviewer's YAML file, changing nothing else in it.

Why text splicing rather than a YAML dumper: re-dumping a file re-indents it and
moves comments. We locate each record and each of its fields with the register's
own strict reader (`yamlio`), then replace only the lines of fields whose value
changed and append new records at the end. Every other byte, comments and order
included, stays as it was; a file with nothing to change is not rewritten at all.
ruamel.yaml (round-trip mode) is used only to read a changed field's end-of-line
comment, so that it is kept beside the new value.

Values are written so that `yamlio` reads them back as the same strings: ids and
plain words stay plain; dates, locators, and anything that could read as another
type (a YAML 1.1 boolean, a number) or that has YAML syntax in it is double-quoted.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..yamlio import _AMBIGUOUS, _BOOL, _FLOAT, _INT, _NULL, read_yaml

FIELD_ORDER = ("id", "subject", "reviewer", "date", "verdict", "summary", "cites", "evidence_url")
ALWAYS_QUOTED = {"date", "summary", "evidence_url"}
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,()/£%-]*")


def scalar(text: str, quoted: bool = False) -> str:
    """A string as a YAML scalar that the register's reader reads back unchanged."""
    plain = (
        not quoted
        and _PLAIN.fullmatch(text) is not None
        and not text.endswith(" ")
        and text not in _NULL
        and text not in _BOOL
        and not _INT.match(text)
        and not _FLOAT.match(text)
        and not any(p.match(text) for p, _ in _AMBIGUOUS)
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def value_text(key: str, value: Any) -> str:
    """The text after `key: ` for one field of a review."""
    if key == "cites":
        parts = [f"{{source: {scalar(c['source'])}, at: {scalar(c['at'], quoted=True)}}}" for c in value]
        return "[" + ", ".join(parts) + "]"
    return scalar(str(value), quoted=key in ALWAYS_QUOTED)


def record_text(fields: dict[str, Any]) -> str:
    """A whole new record, in the register's style (`- id:` at the margin, two-space fields)."""
    lines = []
    for i, key in enumerate(k for k in FIELD_ORDER if fields.get(k) not in (None, [])):
        lines.append(("- " if i == 0 else "  ") + f"{key}: {value_text(key, fields[key])}")
    return "\n".join(lines) + "\n"


def _is_filler(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _eol_comments(text: str) -> dict[tuple[int, str], str]:
    """End-of-line comments of each record's fields: (record index, key) -> '# ...'."""
    from ruamel.yaml import YAML

    out: dict[tuple[int, str], str] = {}
    try:
        data = YAML(typ="rt").load(io.StringIO(text))
    except Exception:  # the strict reader has already accepted the file; comments are a courtesy
        return out
    for i, item in enumerate(data or []):
        for key, tokens in getattr(getattr(item, "ca", None), "items", {}).items():
            token = tokens[2] if len(tokens) > 2 else None
            if token is not None and getattr(token, "value", "").lstrip().startswith("#"):
                out[(i, key)] = token.value.strip().splitlines()[0]
    return out


@dataclass(frozen=True, slots=True)
class Edit:
    """New values for some fields of one existing record (None removes a field)."""

    position: int
    fields: dict[str, Any]


def splice(path: Path, edits: list[Edit], new: list[dict[str, Any]], header: str) -> str | None:
    """The file's new text, or None when nothing changes."""
    if not edits and not new:
        return None
    if not path.exists():
        return header + "".join(record_text(f) for f in new)
    text = path.read_text(encoding="utf-8")
    doc, problems = read_yaml(path, str(path))
    if doc is None or (doc.data is not None and not isinstance(doc.data, list)):
        raise ValueError(f"{path}: cannot update: " + "; ".join(str(p) for p in problems))
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    comments = _eol_comments(text) if edits else {}
    records: list[Any] = doc.data or []
    count = len(records)
    starts = [doc.lines[(i,)][0] - 1 for i in range(count)]
    replaced: dict[int, list[str]] = {}  # first line index -> new lines (for a span)
    spans: list[tuple[int, int]] = []
    for edit in sorted(edits, key=lambda e: e.position):
        i = edit.position
        end = starts[i + 1] if i + 1 < count else len(lines)
        while end > starts[i] + 1 and _is_filler(lines[end - 1]):
            end -= 1  # comments and blank lines before the next record belong to it
        keys = sorted(records[i], key=lambda k: doc.lines[(i, k)])
        key_line = {k: doc.lines[(i, k)][0] - 1 for k in keys}
        indent = " " * (doc.lines[(i, keys[-1])][1] - 1)
        out: list[str] = []
        for n, key in enumerate(keys):
            first = key_line[key]
            last = key_line[keys[n + 1]] if n + 1 < len(keys) else end
            chunk = lines[first:last]
            if key not in edit.fields:
                out += chunk
                continue
            value = edit.fields[key]
            kept = [ln for ln in chunk[1:] if ln.strip().startswith("#")]
            if value is None:
                out += kept
                continue
            lead = chunk[0][: len(chunk[0]) - len(chunk[0].lstrip())] if n == 0 else indent
            eol = comments.get((i, key))
            out.append(f"{lead}{key}: {value_text(key, value)}" + (f"  {eol}" if eol else "") + "\n")
            out += kept
        for key in FIELD_ORDER:
            if key not in records[i] and edit.fields.get(key) is not None:
                out.append(f"{indent}{key}: {value_text(key, edit.fields[key])}\n")
        replaced[starts[i]] = out
        spans.append((starts[i], end))
    result: list[str] = []
    cursor = 0
    for start, end in spans:
        result += lines[cursor:start] + replaced[start]
        cursor = end
    result += lines[cursor:]
    return "".join(result) + "".join(record_text(f) for f in new)
