"""Progress shows on a terminal and nowhere else."""

from __future__ import annotations

import io
import os

from conftest import ROOT, run_cli
from govreg.progress import FD_VARIABLE, Progress, count, for_terminal


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_one_line_rewritten_in_place_and_a_final_line() -> None:
    now = [0.0]
    out = Terminal()
    p = Progress(out, interval=1.0, clock=lambda: now[0])
    p.update("pages 1 of 3")
    p.update("pages 2 of 3")  # within the interval: skipped
    now[0] = 2.0
    p.update("pages 3 of 3")
    p.done("3 pages")
    assert out.getvalue() == "\rpages 1 of 3\rpages 3 of 3\r3 pages     \n"


def test_a_pipe_gets_nothing() -> None:
    out = io.StringIO()
    p = for_terminal({}, out)
    p.update("pages 1 of 3", force=True)
    p.done("done")
    assert not p.on and out.getvalue() == ""
    assert for_terminal({}, Terminal()).on


def test_a_child_writes_to_the_terminal_it_was_lent() -> None:
    read, write = os.pipe()
    try:
        p = for_terminal({FD_VARIABLE: str(write)}, io.StringIO())
        p.done("42 pages")
        assert os.read(read, 100) == b"\r42 pages\n"
    finally:
        os.close(read)
        os.close(write)


def test_builds_into_a_pipe_print_no_progress(tmp_path: object) -> None:
    done = run_cli("build", "--data", str(ROOT / "tests" / "fixtures" / "mini" / "data"), "--site-dir", f"{tmp_path}/s")
    assert done.returncode == 0 and "\r" not in done.stdout + done.stderr


def test_count() -> None:
    assert (count(1, "page"), count(2345, "page")) == ("1 page", "2,345 pages")
