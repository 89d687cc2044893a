"""A review pack as a workbook (.xlsx) that opens in LibreOffice, Excel or Numbers.

Why reproducible: the site promises the same bytes for the same data and as-of
date. openpyxl stamps the save time into docProps/core.xml and into every zip
entry; we fix both to the as-of date.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from ..packs import Pack
from .columns import COLUMNS, FORMULA_START, HEADER_ROW, STATUSES, preamble, row_values

SHEET = "Review pack"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
EDIT_FILL = PatternFill("solid", fgColor="FFF4CE")
HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")


def _text(ws: object, row: int, col: int, value: str) -> None:
    """Put text in a cell as text: never a formula, whatever it starts with."""
    cell = ws.cell(row=row, column=col)  # type: ignore[attr-defined]
    cell.value = value
    cell.data_type = "s"  # openpyxl would otherwise store '=...' as a formula
    if value.startswith(FORMULA_START):
        cell.quotePrefix = True  # and spreadsheets show it as typed text


def pack_xlsx(pack: Pack, version: str) -> bytes:
    """The pack as workbook bytes; the same pack and version give the same bytes."""
    return zip_parts(pack_parts(pack, version), pack.as_of)


def pack_parts(pack: Pack, version: str) -> list[tuple[str, bytes]]:
    """The workbook's zip entries (name, bytes), before they are stamped and zipped.

    Why apart: `mkdocs serve` keeps these per pack with a stand-in for the version, which
    every data edit changes, and only substitutes and zips again (see `with_version`).
    """
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    title, about, how = preamble(pack, version)
    _text(ws, 1, 1, title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    _text(ws, 2, 1, about)
    _text(ws, 3, 1, how)
    for i, col in enumerate(COLUMNS, start=1):
        _text(ws, HEADER_ROW, i, col.name)
        head = ws.cell(row=HEADER_ROW, column=i)
        head.font = Font(bold=True)
        head.fill = EDIT_FILL if col.editable else HEAD_FILL
        head.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = col.width
    last = HEADER_ROW + len(pack.rows)
    for r, row in enumerate(pack.rows, start=HEADER_ROW + 1):
        values = row_values(row)
        for i, col in enumerate(COLUMNS, start=1):
            _text(ws, r, i, values[col.name])
            cell = ws.cell(row=r, column=i)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col.editable:
                cell.fill = EDIT_FILL
                cell.protection = Protection(locked=False)
        ws.row_dimensions[r].height = 15 * _lines(values)  # no spreadsheet program fits rows on opening
    names = [c.name for c in COLUMNS]
    verdict_col = get_column_letter(names.index("reviewer_verdict") + 1)
    date_col = get_column_letter(names.index("reviewer_date") + 1)
    rows_range = f"{HEADER_ROW + 1}:{max(last, HEADER_ROW + 1)}"
    first, end = rows_range.split(":")
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUSES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Verdict",
        error="Choose one of: " + ", ".join(STATUSES),
        promptTitle="Your verdict",
        prompt="Choose a verdict, or leave empty to skip this row.",
    )
    dv.add(f"{verdict_col}{first}:{verdict_col}{end}")
    ws.add_data_validation(dv)
    ws.cell(row=HEADER_ROW, column=names.index("reviewer_date") + 1).number_format = "@"
    for r in range(HEADER_ROW + 1, last + 1):
        ws[f"{date_col}{r}"].number_format = "yyyy-mm-dd"
    ws.column_dimensions[get_column_letter(len(COLUMNS))].hidden = True  # row_check
    ws.freeze_panes = f"B{HEADER_ROW + 1}"  # the header and the item ids stay in view
    ws.row_dimensions[HEADER_ROW].height = 30
    # Protect the register's columns from slips, without a password; sorting, filtering,
    # resizing and formatting stay allowed.
    ws.protection.sheet = True
    for name in ("formatCells", "formatColumns", "formatRows", "sort", "autoFilter"):
        setattr(ws.protection, name, False)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{max(last, HEADER_ROW)}"
    ws.page_setup.orientation = "landscape"  # printed, the pack is one page wide
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    stamp = datetime(pack.as_of.year, pack.as_of.month, pack.as_of.day)
    wb.properties.creator = "Governance Register"
    wb.properties.lastModifiedBy = "Governance Register"
    wb.properties.title = title
    wb.properties.created = stamp
    wb.properties.modified = stamp
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src:
        return [(info.filename, src.read(info.filename)) for info in src.infolist()]


def with_version(parts: list[tuple[str, bytes]], stand_in: str, version: str) -> list[tuple[str, bytes]]:
    """Parts made with `stand_in` as the version, with the real version put in its place."""
    old, new = stand_in.encode(), version.encode()
    return [(name, body.replace(old, new)) for name, body in parts]


def _lines(values: dict[str, str]) -> int:
    """Lines the tallest cell of a row wraps to, at the columns' widths (at most 8)."""
    widths = {c.name: c.width for c in COLUMNS}
    most = max((len(v) + widths[k] - 1) // widths[k] for k, v in values.items() if k in widths)
    return min(max(most, 1), 8)


def zip_parts(parts: list[tuple[str, bytes]], day: date) -> bytes:
    """The archive with every entry stamped with `day` (zip and openpyxl stamp the save time)."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in parts:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            if name == "docProps/core.xml":  # openpyxl stamps the save time as `modified`
                body = _MODIFIED.sub(rb"\g<1>" + f"{day.isoformat()}T00:00:00Z".encode() + rb"\g<2>", body)
            dst.writestr(entry, body)
    return out.getvalue()
