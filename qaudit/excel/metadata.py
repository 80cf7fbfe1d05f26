"""The hidden metadata sheet: which assessment a workbook belongs to, and what was exported.

Not a secret signature (anyone with qaudit could recompute it) but tamper-evident: a
digest over every value and the exported state of every point shows when the hidden sheet
was edited, and the per-point digests let the import tell a cell the location changed
from one it left alone (a three-way comparison with what is in qaudit now).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from qaudit.domain.enums import Result

KEYS = (
    "format",
    "checklist_id",
    "checklist_version",
    "content_hash",
    "location_id",
    "location_code",
    "location_name",
    "assessment_id",
    "assessment_kind",
    "exported_at",
    "exported_by",
    "points_sheet",
    "point_ids",
)
BASE_HEADER = ("point", "exported")
READ_ONLY = "read_only"
"""An optional key: present (and sealed by the integrity digest) only in read-only exports."""


@dataclass(frozen=True)
class AnswerState:
    """An answer as the comparison sees it: the result, the note and the evidence."""

    result: Result = Result.NOT_ASSESSED
    note: str = ""
    evidence: str = ""

    @property
    def digest(self) -> str:
        raw = "\x1f".join((self.result.value, self.note, self.evidence))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    @property
    def empty(self) -> bool:
        return self == AnswerState()


@dataclass(frozen=True)
class ExportMeta:
    format: str
    checklist_id: str
    checklist_version: str
    content_hash: str
    location_id: int
    location_code: str
    location_name: str
    assessment_id: int
    assessment_kind: str
    exported_at: datetime
    exported_by: str
    points_sheet: str
    base: Mapping[str, str] = field(default_factory=dict)
    """Point id -> digest of its answer at export time."""
    read_only: bool = False
    """Exported from a closed assessment: for reading only, refused by the import."""

    @property
    def point_ids(self) -> str:
        return point_ids_digest(self.base)

    def values(self) -> dict[str, str]:
        data = {k: str(v) for k, v in asdict(self).items() if k != "base"}
        data["exported_at"] = self.exported_at.isoformat()
        data["point_ids"] = self.point_ids
        values = {key: data[key] for key in KEYS}
        if self.read_only:
            values[READ_ONLY] = "yes"
        return values

    @property
    def integrity(self) -> str:
        return integrity_of(self.values(), self.base)


def point_ids_digest(point_ids: Iterable[str]) -> str:
    joined = "\n".join(sorted(point_ids))
    return "sha256:" + hashlib.sha256(joined.encode("utf-8")).hexdigest()


def integrity_of(values: Mapping[str, str], base: Mapping[str, str]) -> str:
    canonical = json.dumps([dict(values), dict(base)], sort_keys=True, ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_time(text: str) -> datetime:
    """An ISO time; a naive one is taken as UTC (SQLite returns naive times)."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
