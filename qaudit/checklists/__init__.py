"""Checklists as versioned plain-text data, validated into typed specs."""

from qaudit.checklists.catalogue import (
    Catalogue,
    load_catalogue,
    shipped_catalogue,
    validate_files,
)
from qaudit.checklists.errors import ChecklistError, Problem
from qaudit.checklists.loader import load_file
from qaudit.checklists.spec import ChecklistSpec, Point, Promise, PromiseSetSpec, Spec, Theme

__all__ = [
    "Catalogue",
    "ChecklistError",
    "ChecklistSpec",
    "Point",
    "Problem",
    "Promise",
    "PromiseSetSpec",
    "Spec",
    "Theme",
    "load_catalogue",
    "load_file",
    "shipped_catalogue",
    "validate_files",
]
