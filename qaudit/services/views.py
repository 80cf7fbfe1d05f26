"""Typed views and words the terminal UI shows, handed out by the services layer.

The UI (``qaudit.tui``) imports neither the Excel nor the planner packages: what it shows
of them comes through here.
"""

from __future__ import annotations

from qaudit.excel.diff import Change
from qaudit.excel.preview import ImportPreview
from qaudit.excel.preview import show as answer_state_text
from qaudit.scheduling.explain import (
    assignment,
    kind_label,
    message,
    status,
    text,
    violation_lines,
    why_not,
)

__all__ = [
    "Change",
    "ImportPreview",
    "answer_state_text",
    "assignment",
    "kind_label",
    "message",
    "status",
    "text",
    "violation_lines",
    "why_not",
]
