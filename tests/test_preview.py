"""`govreg serve`: MkDocs' live preview of a register, its scratch site in memory where there is room."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from govreg import preview
from govreg.starter import init


def test_scratch_folder_is_shared_memory_with_room_and_never_overrides_tmpdir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert preview.scratch_folder({}, tmp_path) == tmp_path
    assert preview.scratch_folder({"TMPDIR": "/elsewhere"}, tmp_path) is None  # the person's own choice
    assert preview.scratch_folder({}, tmp_path / "absent") is None
    monkeypatch.setattr(preview, "ROOM_NEEDED", 2**62)  # more room than any disk has
    assert preview.scratch_folder({}, tmp_path) is None


def test_scratch_folder_must_be_a_folder_this_user_may_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    afile = tmp_path / "file"
    afile.write_text("not a folder")
    assert preview.scratch_folder({}, afile) is None
    monkeypatch.setattr(preview.os, "access", lambda path, mode: False)  # as for a user without write access
    assert preview.scratch_folder({}, tmp_path) is None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, child: subprocess.Popen[bytes], seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        body = _page(url)
        if body is not None and text in body:
            return
        assert child.poll() is None, "govreg serve stopped"
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not show at {url} within {seconds} s")


def _scratch_sites(folder: Path | None) -> set[str]:
    """The previews' folders in a memory file system, each holding MkDocs' site."""
    return {p.name for p in folder.glob("govreg-preview-*")} if folder is not None else set()


IGNORING_INTERRUPTS = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "sys.argv = ['govreg', *sys.argv[1:]]; runpy.run_module('govreg', run_name='__main__')"
)
"""`python -m govreg` started with Ctrl-C ignored, as a script's background job is (CI runs the tests so)."""


def test_serve_previews_a_register_and_shows_an_edit_to_its_data(tmp_path: Path) -> None:
    """The starter, served: a body's page, then an edit to its purpose, shown without a restart; Ctrl-C
    stops it even when it was started with interrupts ignored."""
    folder = tmp_path / "mine"
    assert init(folder) == 0
    env = {k: v for k, v in os.environ.items() if k not in {"TMPDIR", "GOVREG_DATA", "GOVREG_AS_OF"}}
    memory = preview.scratch_folder(env)
    before = _scratch_sites(memory)
    port = _free_port()
    page = f"http://127.0.0.1:{port}/bodies/bolton-jcc/"
    bodies = folder / "data" / "bolton" / "bodies.yml"
    original = bodies.read_text(encoding="utf-8")
    log = (tmp_path / "serve.log").open("w+b")
    child = subprocess.Popen(
        [sys.executable, "-c", IGNORING_INTERRUPTS, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        env=dict(env, GOVREG_HTML_CACHE="off"),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for(page, "Adult Health and Social Care Pooled", child)
        if memory is not None:
            ours = _scratch_sites(memory) - before
            assert ours and any((memory / name).glob("mkdocs_*") for name in ours), f"no preview site in {memory}"
        edited = original.replace("It will have responsibility", "It will have (edited in preview) responsibility")
        assert edited != original
        bodies.write_text(edited, encoding="utf-8")
        _wait_for(page, "It will have (edited in preview) responsibility", child, seconds=60)
    finally:
        os.killpg(child.pid, signal.SIGINT)  # Ctrl-C, as a person stops it
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            alive = subprocess.run(
                ["ps", "-o", "pid,ppid,stat,args", "-g", str(child.pid)], capture_output=True, text=True
            )
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            raise AssertionError(f"govreg serve did not stop on Ctrl-C:\n{alive.stdout}") from None
        finally:
            log.seek(0)
            output = log.read().decode("utf-8", "replace")
            log.close()
    assert child.returncode == 0, output
    if memory is not None:
        assert f"kept in memory ({memory})" in output
        assert _scratch_sites(memory) == before, "the preview left its folder behind"
    assert "Traceback" not in output, output


def test_an_interrupt_mkdocs_ignores_still_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """After Ctrl-C, MkDocs is given STOP_WAIT seconds, then told to terminate."""
    monkeypatch.setattr(preview, "STOP_WAIT", 0.5)
    stubborn = subprocess.Popen(
        [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGINT, signal.SIG_IGN); time.sleep(60)"]
    )
    time.sleep(0.3)
    stubborn.send_signal(signal.SIGINT)
    started = time.monotonic()
    preview._stop(stubborn)
    assert stubborn.returncode == -signal.SIGTERM and time.monotonic() - started < 5


def test_a_preview_that_fails_leaves_no_folder_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shm"
    shared.mkdir()
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(preview, "scratch_folder", lambda environ: shared)
    assert preview.serve(tmp_path / "no-such-mkdocs.yml", None, None, None) != 0
    assert list(shared.iterdir()) == []


def test_terminating_the_preview_stops_mkdocs_too(tmp_path: Path) -> None:
    """`kill` of govreg serve (a service manager, a script) does not leave MkDocs serving alone."""
    folder = tmp_path / "mine"
    assert init(folder) == 0
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, "-m", "govreg", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=folder,
        env=dict(os.environ, GOVREG_HTML_CACHE="off"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", "Governance Register", child)
        child.terminate()  # the wrapper alone, not its process group
        child.wait(timeout=30)
        end = time.monotonic() + 30
        while _page(f"http://127.0.0.1:{port}/") is not None and time.monotonic() < end:
            time.sleep(0.2)
        assert _page(f"http://127.0.0.1:{port}/") is None, "MkDocs still serving after govreg serve was terminated"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)  # whatever is left of the group
