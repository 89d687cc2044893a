"""Changes between register versions: added, removed, changed and status-changed records."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, build_site, run_cli

MINI = FIXTURES / "mini" / "data"


def test_changes_since_a_release(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    done = run_cli("release", "--data", str(data), "--as-of", "2019-04-10", "--out", str(tmp_path / "releases"))
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "releases").glob("2019-04-10-*.json"))) == 1

    # Later: a milestone is reported done, a decision is withdrawn, a theme is added, a body is edited.
    ms = data / "bolton" / "milestones.yml"
    ms.write_text(
        ms.read_text().replace(
            "      summary: The paper asks Cabinet and the CCG Board to approve the pool.\n"
            "      cites: [{source: src-bolton-2019-04-scf, at: recommendations}]\n",
            "      summary: The paper asks Cabinet and the CCG Board to approve the pool.\n"
            "      cites: [{source: src-bolton-2019-04-scf, at: recommendations}]\n"
            "    - date: 12th April 2019\n      status: done\n      summary: Approved.\n"
            "      cites: [{source: src-bolton-2019-04-scf, at: recommendations}]\n",
            1,
        )
    )
    (data / "bolton" / "decisions.yml").unlink()
    (data / "themes.yml").write_text(
        (data / "themes.yml").read_text() + "- id: new-theme\n  name: A new theme\n  description: Added later.\n"
    )
    bodies = data / "bolton" / "bodies.yml"
    bodies.write_text(bodies.read_text().replace("rotating.", "rotating between meetings."))

    site = build_site(data, tmp_path / "site", "--releases", str(tmp_path / "releases"))
    page = (site / "changes" / "index.html").read_text(encoding="utf-8")
    section = page.split('id="between-register-versions"', 1)[1].split('id="dated-changes"', 1)[0]
    assert "Added (1)" in section and "new-theme/" in section
    assert "Removed (1)" in section and "bolton-2019-04-recs" in section
    assert "Status changed (1)" in section and "Planned → Done" in section
    assert "Changed in other ways" in section and "bolton-jcc/" in section


def test_first_version_says_so(mini_site: Path) -> None:
    page = (mini_site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "first published version" in page


def test_bad_release_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "broken.json").write_text("{not json")
    done = run_cli(
        "build", "--data", str(MINI), "--site-dir", str(tmp_path / "site"), "--releases", str(tmp_path / "releases")
    )
    assert done.returncode != 0
    assert "broken.json" in done.stdout + done.stderr and "Traceback" not in done.stderr
