"""Run one pure step in a forked process while this process goes on with another.

Why: a national register's exports (about 11 s at 42 systems) and its pages (about 9 s)
both need only the index and `derive`'s results, not each other (bar the Downloads page,
printed last). On two cores they can run side by side. A forked child has the index and
`Derived` without copying them, and sends back only its result, pickled.

Where fork is not available, or not asked for, the step runs in this process when its
result is first asked for: the result is the same either way.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _child(step: Callable[[], Any], send: Any) -> None:
    try:
        outcome: tuple[bool, Any] = (True, step())
    except BaseException as exc:  # sent back and raised in the parent, with this traceback as a note
        exc.add_note("In the background process:\n" + traceback.format_exc())
        outcome = (False, exc)
    try:
        send.send(outcome)
    except Exception as exc:  # the result or the error could not be pickled
        send.send((False, RuntimeError(f"the background step's result could not be sent back: {exc!r}")))


class Job(Generic[T]):
    """A step started in a forked child, or kept to run here (`fork=False`)."""

    def __init__(self, step: Callable[[], T], fork: bool) -> None:
        self._step = step
        self._done: tuple[T] | None = None
        self._error: BaseException | None = None
        self._proc: Any = None
        self._recv: Any = None
        if fork and can_fork():
            context = multiprocessing.get_context("fork")
            self._recv, send = context.Pipe(duplex=False)
            self._proc = context.Process(target=_child, args=(step, send), name="govreg-background", daemon=True)
            self._proc.start()
            send.close()

    def result(self) -> T:
        """The step's result (waiting for the child); its exception if it raised one."""
        if self._done is not None:
            return self._done[0]
        if self._error is not None:
            raise self._error
        if self._proc is None:
            self._done = (self._step(),)
            return self._done[0]
        try:
            ok, value = self._recv.recv()
        except EOFError:
            ok, value = False, None
        finally:
            self._recv.close()
        self._proc.join()
        if value is None and not ok:
            value = RuntimeError(f"the background step ended without a result (exit code {self._proc.exitcode})")
        self._proc = None
        if not ok:
            self._error = value
            raise value
        self._done = (value,)
        return self._done[0]

    def close(self) -> None:
        """Stop the child if its result was never collected (the caller failed first)."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
            self._recv.close()
            self._proc = None


@contextmanager
def background(step: Callable[[], T], fork: bool = True) -> Iterator[Job[T]]:
    """Start `step` (forked when `fork` and the platform allows); the child never outlives the block."""
    job = Job(step, fork)
    try:
        yield job
    finally:
        job.close()


__all__ = ["Job", "background", "can_fork"]
