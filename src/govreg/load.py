"""Load: data files -> validated records, with every problem located.

Why: editors should fix all mistakes in one pass, so every file and every
record is validated even after the first error, and each pydantic error is
translated back to the file, line and column of the YAML it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .models import BY_FILE, Kind, Record
from .problems import Problem, ProblemCode
from .session import Session, digest
from .texts import text_fields
from .yamlio import Document, Path_, read_yaml


@dataclass(frozen=True, slots=True)
class SeenId:
    """An id as written, valid record or not, so duplicates are found either way."""

    id: str
    kind: str
    file: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Loaded:
    """A validated record and where it came from."""

    record: Record
    kind: Kind
    file: str
    doc: Document
    position: int
    texts: tuple[str, ...] = ()
    """Every free-text value of the record (`texts.text_fields`), for the glossary check."""

    def locate(self, path: Path_ = ()) -> tuple[int, int]:
        return self.doc.locate((self.position, *path))

    def problem(self, path: Path_, message: str, code: Any) -> Problem:
        line, col = self.locate(path)
        field = format_path(path)
        prefix = f"{self.kind.name} {self.record.id}: " + (f"{field}: " if field else "")
        return Problem(self.file, line, col, prefix + message, code)


def format_path(path: Path_) -> str:
    """('updates', 1, 'date') -> 'updates[1].date'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


REVIEWS_FOLDER = "reviews"
"""A folder of this name holds each reviewer's verdicts in a file named after the reviewer."""


def kind_of_file(path: Path) -> Kind | None:
    """The kind a data file holds: its name (`milestones.yml`), or, in a `reviews/` folder,
    any other name is one reviewer's verdicts (`data/reviews/healthwatch-bolton.yml`)."""
    kind = BY_FILE.get(path.stem)
    if kind is None and path.parent.name == REVIEWS_FOLDER:
        return BY_FILE["reviews"]
    return kind


def _reviewer_matches_file(got: list[Loaded], stem: str) -> list[Problem]:
    """In `reviews/<reviewer>.yml`, every verdict is that reviewer's own."""
    out = []
    for item in got:
        reviewer = getattr(item.record, "reviewer", stem)
        if reviewer != stem:
            line, col = item.locate(("reviewer",))
            message = (
                f"review {item.record.id}: reviewer: this file holds the verdicts of {stem!r}, "
                f"found {reviewer!r} (put them in {REVIEWS_FOLDER}/{reviewer}.yml)"
            )
            out.append(Problem(item.file, line, col, message, "schema"))
    return out


def discover(data_dir: Path) -> list[Path]:
    """Every YAML file under the data folder, in a stable order."""
    return sorted(p for p in data_dir.rglob("*") if p.suffix in {".yml", ".yaml"} and p.is_file())


def _data_path(raw: Any, loc: tuple[Any, ...]) -> tuple[Path_, Path_]:
    """Split a pydantic loc into the part present in the data and the display path.

    Why: pydantic adds union and validator tags to `loc` ('str', 'function-plain[...]');
    those are not fields, so we keep only the steps that exist in the YAML.
    """
    present: list[str | int] = []
    shown: list[str | int] = []
    cur = raw
    for part in loc:
        if (isinstance(cur, dict) and isinstance(part, str) and part in cur) or (
            isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)
        ):
            cur = cur[part]  # type: ignore[index]
            present.append(part)
            shown.append(part)
        elif isinstance(cur, dict) and isinstance(part, str) and "[" not in part and part not in {"str", "int"}:
            shown.append(part)  # a missing field: shown, located at its parent
            break
    return tuple(present), tuple(shown)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (not in the schema; check the spelling)"
    msg: str = err["msg"]
    if kind in {"date", "date_type"}:
        return msg
    if isinstance(err.get("input"), (dict, list)):
        return msg
    return f"{msg}, found {_short(err.get('input'))}"


def validate_file(
    path: Path, display: str, kind: Kind, max_bytes: int, seen: list[SeenId]
) -> tuple[list[Loaded], list[Problem]]:
    """Read and validate one data file; note every id written in `seen`."""
    doc, problems = read_yaml(path, display, max_bytes)
    if doc is None:
        return [], problems
    data = doc.data
    if data is None:
        return [], problems
    if not isinstance(data, list):
        line, col = doc.locate(())
        return [], [*problems, Problem(display, line, col, f"a {kind.file} file must be a list of records", "schema")]
    loaded: list[Loaded] = []
    flagged = {p.line for p in problems}  # lines the YAML reader already reported
    for i, raw in enumerate(data):
        if not isinstance(raw, dict):
            line, col = doc.locate((i,))
            problems.append(
                Problem(display, line, col, f"{kind.name} #{i + 1}: expected a mapping of fields", "schema")
            )
            continue
        if isinstance(raw.get("id"), str):
            seen.append(SeenId(raw["id"], kind.name, display, *doc.locate((i, "id"))))
        try:
            record = kind.model.model_validate(raw)
        except ValidationError as exc:
            rid = raw.get("id") if isinstance(raw.get("id"), str) else f"#{i + 1}"
            reported: set[Path_] = set()
            for err in exc.errors():
                present, shown = _data_path(raw, err["loc"])
                if shown in reported:
                    continue  # one message per field: union members repeat the same fault
                reported.add(shown)
                line, col = doc.locate((i, *present))
                if line in flagged:
                    continue
                field = format_path(shown)
                code: ProblemCode = "date" if err["type"] in {"date", "date_type"} else "schema"
                prefix = f"{kind.name} {rid}: " + (f"{field}: " if field else "")
                problems.append(Problem(display, line, col, prefix + _message(err), code))
            continue
        loaded.append(Loaded(record, kind, display, doc, i, tuple(t for _, t in text_fields(record))))
    return loaded, problems


def load(
    data_dir: Path, max_bytes: int | None = None, session: Session | None = None
) -> tuple[list[Loaded], list[SeenId], list[Problem]]:
    """Load every data file; return the valid records, every id written, and all problems.

    With a `session`, a file whose bytes are unchanged since the session last saw it is not
    parsed or validated again: its records, ids and problems are reused.
    """
    from .yamlio import MAX_BYTES

    cap = MAX_BYTES if max_bytes is None else max_bytes
    if not data_dir.is_dir():
        return [], [], [Problem(str(data_dir), 0, 0, "data folder not found", "file")]
    records: list[Loaded] = []
    seen: list[SeenId] = []
    problems: list[Problem] = []
    for path in discover(data_dir):
        display = str(path)
        kind = kind_of_file(path)
        if kind is None:
            problems.append(
                Problem(
                    display,
                    0,
                    0,
                    f"file name {path.stem!r} is not a record kind; expected one of: {', '.join(sorted(BY_FILE))} "
                    f"(or put a reviewer's verdicts in {REVIEWS_FOLDER}/<reviewer>.yml)",
                    "file",
                )
            )
            continue
        key = _file_key(path, display, kind, cap) if session is not None else None
        cached = session.get("load", key) if session is not None and key is not None else None
        if cached is not None:
            got, ids, probs = cached
        else:
            start = len(seen)
            got, probs = validate_file(path, display, kind, cap, seen)
            if kind.name == "review" and path.stem not in BY_FILE:
                probs += _reviewer_matches_file(got, path.stem)
            ids = seen[start:]
            del seen[start:]
            # Stored only if the file did not change while it was read.
            if session is not None and key is not None and key == _file_key(path, display, kind, cap):
                session.put("load", key, (got, ids, probs))
        records += got
        seen += ids
        problems += probs
    return records, seen, problems


def _file_key(path: Path, display: str, kind: Kind, cap: int) -> str | None:
    """What a file's load result depends on: its name, kind, the size cap and its bytes."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return f"{display}\0{kind.name}\0{cap}\0{digest(data)}"
