"""Checklists as versioned plain-text data, validated into typed specs."""

from qaudit.checklists.catalogue import (
    Catalogue,
    load_catalogue,
    shipped_catalogue,
    validate_files,
)
from qaudit.checklists.errors import ChecklistError, Problem
from qaudit.checklists.loader import load_file
from qaudit.checklists.spec import (
    ChecklistSpec,
    Dimension,
    Point,
    Promise,
    PromiseSetSpec,
    ReadinessSpec,
    Spec,
    Theme,
    checklist_from_json,
)

__all__ = [
    "Catalogue",
    "ChecklistError",
    "ChecklistSpec",
    "Dimension",
    "Point",
    "Problem",
    "Promise",
    "PromiseSetSpec",
    "ReadinessSpec",
    "Spec",
    "Theme",
    "checklist_from_json",
    "load_catalogue",
    "load_file",
    "shipped_catalogue",
    "validate_files",
]
