"""The Nu HTML Checker (vnu-jar from npm, run with java) finds no errors in any page.

The allow-list holds only errors in Material for MkDocs' own templates, each with
its reason; anything the register writes must be error-free.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

ALLOWED = {
    # Material's drawer, search and palette toggles are checkboxes with autocomplete="off" (so Firefox does
    # not restore a stale open/closed state); the HTML spec does not list autocomplete for checkboxes.
    "Attribute \u201cautocomplete\u201d is only allowed when the input type is \u201ccolor\u201d, \u201cdate\u201d, "
    "\u201cdatetime-local\u201d, \u201cemail\u201d, \u201chidden\u201d, \u201cmonth\u201d, \u201cnumber\u201d, "
    "\u201cpassword\u201d, \u201crange\u201d, \u201csearch\u201d, \u201ctel\u201d, \u201ctext\u201d, "
    "\u201ctime\u201d, \u201curl\u201d, or \u201cweek\u201d.",
    # Material's navigation section labels render tabindex="" when navigation.sections is on (partials/nav-item).
    "Bad value \u201c\u201d for attribute \u201ctabindex\u201d on element \u201clabel\u201d: "
    "The empty string is not a valid integer.",
    # Material's integrated table-of-contents label points at the __toc toggle, which it renders only on pages
    # whose table of contents is shown in the primary navigation.
    "The value of the \u201cfor\u201d attribute of the \u201clabel\u201d element must be the ID of a non-hidden "
    "form control.",
}


def test_every_page_is_valid_html(real_site: Path) -> None:
    if shutil.which("java") is None or not VNU.is_file():
        message = "java and node_modules/vnu-jar are installed by `make test`"
        if os.environ.get("CI"):
            pytest.fail(f"the Nu HTML Checker cannot run under CI: {message}")
        pytest.skip(message)
    pages = [str(p) for p in sorted(real_site.rglob("*.html"))]
    done = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    # vnu exits 0 (valid) or 1 (errors) and always writes its JSON report: anything else is a failure
    # of the checker, never a pass.
    assert done.returncode in (0, 1), f"vnu failed to run (exit {done.returncode}): {done.stderr[-2000:]}"
    report = json.loads(done.stderr)
    assert isinstance(report.get("messages"), list), done.stderr[-2000:]
    messages = report["messages"]
    assert done.returncode == 0 or messages, "vnu reported failure with no message"
    errors = [m for m in messages if m.get("type") == "error" and m.get("message") not in ALLOWED]
    print(f"pages checked by vnu: {len(pages)}")
    summary = [
        f"{Path(m.get('url', '')).relative_to(real_site) if m.get('url') else ''}: {m.get('message')}"
        for m in errors[:40]
    ]
    assert errors == [], "\n".join(summary)
