"""Names of the cycle's values as a report prints them: each enum's own ``label`` (the one
vocabulary in ``qaudit.domain.enums``), translated when shown."""

from __future__ import annotations

from enum import Enum


def label(value: Enum) -> str:
    """The translated name of an enum value (the value itself if it has no name)."""
    named = getattr(value, "label", None)
    return named if isinstance(named, str) else str(value.value)
