"""A filled review pack, read as untrusted input.

Why so careful: the file comes back from outside. Before openpyxl sees a workbook
we check its size, the number and the unpacked size of its parts (a zip bomb fails
here, fast) and refuse any XML part with a document type declaration (entity
expansion). openpyxl then reads it read-only, with defusedxml installed, values
as stored (a formula is refused, never computed), and without external links.
A CSV gets the same caps on size, rows and cells.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from .columns import EDITABLE, FORMULA_START, NAMES


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on what an import will read."""

    max_bytes: int = 5_000_000
    max_unpacked: int = 50_000_000
    max_parts: int = 200
    max_ratio: int = 200
    max_rows: int = 5_000
    max_cells: int = 200_000


LIMITS = Limits()


@dataclass(frozen=True, slots=True, order=True)
class PackError:
    """One thing wrong with a filled pack, located like a spreadsheet names it."""

    file: str
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.sheet, self.row or "", self.column) if x != "")
        return f"{where}: {self.message}"


@dataclass
class PackRowIn:
    """One row of a filled pack: its values by column name, and where each column is."""

    row: int
    values: dict[str, Any]
    letters: dict[str, str]
    formulas: set[str] = field(default_factory=set)
    extra: list[str] = field(default_factory=list)  # letters of filled cells outside the pack's columns


@dataclass
class PackIn:
    file: str
    sheet: str
    rows: list[PackRowIn]
    as_of: date | None
    errors: list[PackError]

    def error(self, row: int, column: str, message: str) -> PackError:
        return PackError(self.file, self.sheet, row, column, message)


class Refused(Exception):
    """The whole file is refused (too big, not a pack, hostile)."""


_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_AS_OF = re.compile(r"as at (\d{4}-\d{2}-\d{2})")


def _check_zip(path: Path, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise Refused(f"not an .xlsx workbook ({exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_parts:
            raise Refused(f"workbook has {len(infos)} parts, over the limit of {limits.max_parts}")
        unpacked = sum(i.file_size for i in infos)
        if unpacked > limits.max_unpacked:
            raise Refused(
                f"workbook unpacks to {unpacked:,} bytes, over the limit of {limits.max_unpacked:,} "
                "(a zip bomb, or far larger than any review pack)"
            )
        for info in infos:
            if info.file_size > 1_000_000 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise Refused(f"part {info.filename} is compressed more than {limits.max_ratio} to 1 (a zip bomb?)")
            if info.filename.endswith((".xml", ".rels", ".vml")):
                data = archive.read(info)  # bounded by file_size, checked above
                if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                    data = data.decode("utf-16", errors="replace").encode("utf-8")
                if _DTD.search(data):
                    raise Refused(
                        f"part {info.filename} declares an XML document type or entities; refused "
                        "(entity expansion attacks hide there, and no spreadsheet program needs them)"
                    )


def _text(value: Any) -> Any:
    """A cell value as text, keeping dates as dates."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows_from(file: str, sheet: str, raw: Any, limits: Limits) -> PackIn:
    """Find the header row, then read every row after it by column name."""
    pack = PackIn(file, sheet, [], None, [])
    header: dict[int, str] | None = None
    cells = 0
    for n, cells_in_row in enumerate(raw, start=1):
        if n > limits.max_rows:
            raise Refused(f"more than {limits.max_rows:,} rows; a review pack is far smaller")
        cells += len(cells_in_row)
        if cells > limits.max_cells:
            raise Refused(f"more than {limits.max_cells:,} cells; a review pack is far smaller")
        values = [v for v, _ in cells_in_row]
        if header is None:
            texts = [str(v).strip() if isinstance(v, str) else "" for v in values]
            if texts and texts[0] == "id" and "reviewer_verdict" in texts:
                header = {i: t for i, t in enumerate(texts) if t}
            elif pack.as_of is None:
                found = _AS_OF.search(" ".join(texts))
                if found:
                    pack.as_of = date.fromisoformat(found.group(1))
            continue
        if all(v in (None, "") for v in values):
            continue
        row = PackRowIn(n, {}, {})
        for i, (value, is_formula) in enumerate(cells_in_row):
            name = header.get(i)
            if name is None:
                if value not in (None, ""):
                    row.extra.append(get_column_letter(i + 1))
                continue
            row.values[name] = _text(value)
            row.letters[name] = get_column_letter(i + 1)
            if is_formula:
                row.formulas.add(name)
        pack.rows.append(row)
    if header is None:
        raise Refused("no header row: this is not a review pack (its header starts with 'id')")
    missing = [name for name in NAMES if name not in header.values()]
    if missing:
        raise Refused("columns missing from the header: " + ", ".join(missing))
    return pack


def read_xlsx(path: Path, limits: Limits = LIMITS) -> PackIn:
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise Refused("defusedxml is not installed; refusing to read a workbook without it")
    _check_zip(path, limits)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False, keep_vba=False)
    except Exception as exc:  # openpyxl and defusedxml raise many kinds; all mean "cannot read"
        raise Refused(f"cannot read the workbook ({type(exc).__name__}: {exc})") from None
    try:
        ws = wb["Review pack"] if "Review pack" in wb.sheetnames else wb.worksheets[0]

        # The workbook's own <dimension> may understate it: rows past it would be silently
        # dropped, so read every row there is (the caps bound the work).
        ws.reset_dimensions()

        def rows() -> Any:
            for row in ws.iter_rows():
                yield [(c.value, getattr(c, "data_type", None) == "f") for c in row]

        try:
            return _rows_from(path.name, ws.title, rows(), limits)
        except Refused:
            raise
        except Exception as exc:
            raise Refused(f"cannot read the workbook ({type(exc).__name__}: {exc})") from None
    finally:
        wb.close()


def _unneutralise(text: str) -> str:
    """Undo the export's apostrophe before a formula-like text."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def read_csv(path: Path, limits: Limits = LIMITS) -> PackIn:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(f"not UTF-8 text ({exc.reason}); save the CSV as UTF-8") from None
    try:
        records = list(_capped(csv.reader(io.StringIO(text, newline="")), limits))
    except csv.Error as exc:
        raise Refused(f"cannot read the CSV ({exc})") from None
    rows = [[(_unneutralise(v), False) for v in rec] for rec in records]
    pack = _rows_from(path.name, path.stem, rows, limits)
    for row in pack.rows:
        for name in EDITABLE:
            value = row.values.get(name)
            if isinstance(value, str) and value.startswith("="):
                row.formulas.add(name)  # a spreadsheet would run it: refused
    return pack


def _capped(reader: Any, limits: Limits) -> Any:
    for n, rec in enumerate(reader, start=1):
        if n > limits.max_rows:
            raise Refused(f"more than {limits.max_rows:,} rows; a review pack is far smaller")
        yield rec


def read_pack(path: Path, limits: Limits = LIMITS) -> PackIn:
    """Read a filled pack (.xlsx or .csv); raise `Refused` when the whole file is unusable."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise Refused(f"cannot read the file ({exc.strerror})") from None
    if size > limits.max_bytes:
        raise Refused(f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(path, limits)
    if suffix == ".csv":
        return read_csv(path, limits)
    raise Refused("expected a .xlsx workbook or a .csv file")
