"""Exports made in a forked process beside the pages: the same outputs as in one process."""

from __future__ import annotations

import os
import time
from datetime import date

import pytest

from conftest import ROOT
from govreg import background
from govreg.build import Result, generate
from govreg.session import Session

AS_OF = date(2022, 7, 1)

pytestmark = pytest.mark.skipif(not background.can_fork(), reason="no fork on this platform")


def _outputs(result: Result) -> list[tuple[str, str | bytes]]:
    return [(o.path, o.content) for o in result.outputs]


def _pid() -> int:
    return os.getpid()


def _fail() -> None:
    raise ValueError("bad record")


def test_the_step_runs_in_another_process_and_its_result_comes_back() -> None:
    with background.background(_pid) as job:
        assert job.result() != os.getpid()
        assert job.result() == job.result()
    with background.background(_pid, fork=False) as job:
        assert job.result() == os.getpid()


def test_an_error_in_the_child_is_raised_here_with_its_traceback() -> None:
    with background.background(_fail) as job, pytest.raises(ValueError, match="bad record") as caught:
        job.result()
    assert any("In the background process" in note and "_fail" in note for note in caught.value.__notes__)


def test_a_child_that_dies_gives_an_error_not_a_hang_and_the_step_is_not_run_again() -> None:
    with background.background(lambda: os._exit(3)) as job:
        for _ in range(2):
            with pytest.raises(RuntimeError, match="exit code 3"):
                job.result()


def test_a_child_whose_result_is_not_collected_is_stopped() -> None:
    with background.background(lambda: time.sleep(60)) as job:
        proc = job._proc
        assert proc is not None and proc.is_alive()
    assert not proc.is_alive()


def test_forked_exports_give_the_same_outputs_byte_for_byte() -> None:
    data = ROOT / "data"
    alone = generate(data, AS_OF, parallel=False)
    forked = generate(data, AS_OF, parallel=True)
    assert not alone.problems and len(alone.outputs) > 1000
    assert _outputs(forked) == _outputs(alone)


def test_the_session_keeps_what_the_forked_exports_made() -> None:
    """The review workbooks are made in the child: the parent's session must keep them for the next edit."""
    kept = Session()
    first = generate(ROOT / "data", AS_OF, session=kept, parallel=True)
    workbooks = {key for key in kept.used() if key[0] == "xlsx"}
    assert workbooks, "the session kept no review workbook made in the child"
    again = generate(ROOT / "data", AS_OF, session=kept, parallel=True)
    assert _outputs(again) == _outputs(first)
    assert workbooks <= kept.used()
