"""Limits on what a template may compute while a report is filled in.

A template is text staff can edit, so it can hold ``{{ 1/0 }}`` or a loop of a billion
rounds. The sandbox already refuses a ``range`` above 100,000 items; here every ``range``
a template uses also checks a deadline, so no template can keep a report (or the terminal
UI's worker) busy for longer than :data:`RENDER_SECONDS`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from qaudit.errors import QauditError
from qaudit.i18n import _

RENDER_SECONDS = 30.0
MAX_RANGE = 100_000
_DEADLINE: ContextVar[float | None] = ContextVar("render_deadline", default=None)


class RenderLimit(QauditError):
    """A template computed too much: too large a range, or too long."""


@contextmanager
def render_deadline(seconds: float = RENDER_SECONDS) -> Iterator[None]:
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def limited_range(*args: int) -> Iterator[int]:
    """``range`` for templates: at most :data:`MAX_RANGE` items, and never past the deadline."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise RenderLimit(
            _("a range of {n} numbers is too large (at most {limit})").format(
                n=len(numbers), limit=MAX_RANGE
            )
        )
    deadline = _DEADLINE.get()
    for count, number in enumerate(numbers):
        if deadline is not None and count % 256 == 0 and time.monotonic() > deadline:
            raise RenderLimit(
                _(
                    "the template was still computing after {seconds} seconds (a loop too long)"
                ).format(seconds=int(RENDER_SECONDS))
            )
        yield number
