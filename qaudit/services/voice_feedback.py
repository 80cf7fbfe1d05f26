"""Client-experience feedback: units, the Excel template, and importing filled-in workbooks.

``import_feedback`` checks the whole workbook before anything is written, then writes every
new or changed response in one transaction with one audit-log entry (or nothing). The
respondent reference is unique per location: importing the same file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine, insert, update
from sqlmodel import Session, col, select

from qaudit.checklists import shipped_catalogue
from qaudit.domain.clientvoice_enums import Parameter
from qaudit.domain.models import ClientUnit, ExternalAggregate, FeedbackResponse, utcnow
from qaudit.errors import QauditError, Refused
from qaudit.excel.feedback_reader import FeedbackRow, read_feedback
from qaudit.excel.feedback_writer import FeedbackTemplate, write_template
from qaudit.i18n import _
from qaudit.services import audit, locations
from qaudit.storage import transaction

_FIELDS = ("responded_on", "unit_id", "group", "recommend", *[p.value for p in Parameter])


@dataclass(frozen=True)
class FeedbackImport:
    """What an import did (or, with ``dry_run``, would do)."""

    file: str
    location_id: int
    location_code: str
    new: int
    updated: int
    unchanged: int
    dry_run: bool

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "location": self.location_id,
            "location_code": self.location_code,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
        }

    def __str__(self) -> str:
        text = _("{file} → {code}: {new} new, {updated} changed, {unchanged} unchanged responses")
        return text.format(
            file=self.file,
            code=self.location_code,
            new=self.new,
            updated=self.updated,
            unchanged=self.unchanged,
        )


# --- units ----------------------------------------------------------------------------------


def units(session: Session, location_id: int) -> list[ClientUnit]:
    return list(
        session.exec(
            select(ClientUnit)
            .where(ClientUnit.location_id == location_id)
            .order_by(col(ClientUnit.name))
        )
    )


def add_unit(engine: Engine, location_id: int, name: str) -> ClientUnit:
    name = name.strip()
    if not name:
        raise QauditError(_("a unit needs a name"))
    with transaction(engine) as session:
        locations.writable(session, location_id)
        if any(u.name.casefold() == name.casefold() for u in units(session, location_id)):
            raise Refused(
                _("location {id} already has a unit “{name}”").format(id=location_id, name=name)
            )
        unit = ClientUnit(location_id=location_id, name=name)
        session.add(unit)
        session.flush()
        audit.log(session, "unit_add", "clientunit", unit.id, name=name)
    return unit


def unit_id_by_name(session: Session, location_id: int, name: str | None) -> int | None:
    """The id of a location's unit by its name (any case); None for no name."""
    if not name:
        return None
    for unit in units(session, location_id):
        if unit.name.casefold() == name.strip().casefold():
            return unit.id
    known = ", ".join(u.name for u in units(session, location_id)) or _("none yet")
    raise QauditError(
        _("unknown unit “{unit}”; the location's units: {options}").format(unit=name, options=known)
    )


# --- the template ---------------------------------------------------------------------------


def write_feedback_template(engine: Engine, out: Path, location_id: int | None = None) -> Path:
    promises = [(p.id, p.title) for p in shipped_catalogue().promises.promises]
    heading: list[tuple[str, str]] = []
    code, names = "", []
    if location_id is not None:
        with transaction(engine) as session:
            location = locations.readable(session, location_id)
            names = [u.name for u in units(session, location_id)]
            code = location.code
            heading.append((_("Location"), f"{location.code} {location.name}"))
    heading.append((_("Client promises"), ", ".join(pid for pid, _title in promises)))
    data = FeedbackTemplate(location_id, code, names, promises, heading)
    return write_template(Path(out), data)


# --- the import -----------------------------------------------------------------------------


def import_feedback(
    engine: Engine,
    path: Path,
    location_id: int | None = None,
    *,
    dry_run: bool = False,
    today: date | None = None,
) -> FeedbackImport:
    """Check ``path`` whole, then store its new and changed responses (unless ``dry_run``)."""
    path = Path(path)
    today = today or date.today()
    promise_ids = shipped_catalogue().promises.promise_index.keys()
    with transaction(engine) as session:
        chosen: dict[str, Any] = {}

        def units_for(named: int | None) -> list[str]:
            chosen["location"] = locations.writable(
                session, _location_for(path, named, location_id)
            )
            chosen["units"] = {u.name: u.id for u in units(session, chosen["location"].id)}
            return list(chosen["units"])

        parsed = read_feedback(path, promise_ids, units_for, today)
        location, unit_ids = chosen["location"], chosen["units"]
        existing = _existing(session, location.id)
        new, changed, unchanged = _sort(parsed.rows, existing, unit_ids)
        result = FeedbackImport(
            path.name, location.id, location.code, len(new), len(changed), unchanged, dry_run
        )
        if dry_run or not (new or changed):
            return result
        _write(session, location.id, new, changed)
        audit.log(
            session,
            "feedback_import",
            "location",
            location.id,
            file=path.name,
            new=len(new),
            updated=len(changed),
        )
    return result


def _location_for(path: Path, named: int | None, given: int | None) -> int:
    """The location of the import: the template's (``named``) or ``given``; refused when
    they differ or when neither is known."""
    if named is not None and given is not None and named != given:
        raise Refused(
            _(
                "{file}: the workbook was made for location {theirs}, not {ours}; "
                "nothing was imported"
            ).format(file=path.name, theirs=named, ours=given)
        )
    location = given if given is not None else named
    if location is None:
        raise QauditError(
            _("{file}: the workbook names no location; give --location ID").format(file=path.name)
        )
    return location


def _existing(session: Session, location_id: int) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """Per respondent reference: the row id and its content, as compared with the file."""
    columns = [col(getattr(FeedbackResponse, name)) for name in _FIELDS]
    query = sa.select(
        col(FeedbackResponse.id),
        col(FeedbackResponse.respondent_ref),
        col(FeedbackResponse.promises),
        col(FeedbackResponse.free_text),
        *columns,
    ).where(col(FeedbackResponse.location_id) == location_id)
    return {
        ref: (row_id, (*rest, promises or {}, free_text))
        for row_id, ref, promises, free_text, *rest in session.execute(query)
    }


def _values(row: FeedbackRow, unit_ids: dict[str, int | None]) -> dict[str, Any]:
    values: dict[str, Any] = {
        "responded_on": row.responded_on,
        "unit_id": unit_ids.get(row.unit) if row.unit else None,
        "group": row.group,
        "recommend": row.recommend,
    }
    values.update({p.value: score for p, score in row.parameters.items()})
    values["promises"] = row.promises
    values["free_text"] = row.free_text
    return values


def _content(values: dict[str, Any]) -> tuple[Any, ...]:
    return (*(values[name] for name in _FIELDS), values["promises"], values["free_text"])


def _sort(
    rows: tuple[FeedbackRow, ...],
    existing: dict[str, tuple[int, tuple[Any, ...]]],
    unit_ids: dict[str, int | None],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    new, changed, unchanged = [], [], 0
    for row in rows:
        values = _values(row, unit_ids)
        known = existing.get(row.ref)
        if known is None:
            new.append({"respondent_ref": row.ref, **values})
        elif _comparable(known[1]) != _comparable(_content(values)):
            changed.append({"id": known[0], **values})
        else:
            unchanged += 1
    return new, changed, unchanged


def _comparable(content: tuple[Any, ...]) -> tuple[Any, ...]:
    """Content as stored and as read compare equal (an enum and its value alike)."""
    return tuple(str(v) if isinstance(v, str) else v for v in content)


def _write(
    session: Session, location_id: int, new: list[dict[str, Any]], changed: list[dict[str, Any]]
) -> None:
    now = utcnow()
    if new:
        session.execute(
            insert(FeedbackResponse),
            [{"location_id": location_id, "imported_at": now, **row} for row in new],
        )
    if changed:
        session.execute(update(FeedbackResponse), [{"imported_at": now, **row} for row in changed])


# --- scores published elsewhere --------------------------------------------------------------


def add_aggregate(
    engine: Engine,
    location_id: int,
    source: str,
    period: str,
    score: float,
    count: int = 0,
    note: str = "",
) -> ExternalAggregate:
    """Record (or replace) a score published elsewhere for a location and period."""
    from qaudit.domain.clientvoice_rhythm import parse_period

    label = str(parse_period(period))
    if not source.strip():
        raise QauditError(_("an outside score needs its source (e.g. ZorgkaartNederland)"))
    if count < 0:
        raise QauditError(_("the number of reviews cannot be negative"))
    with transaction(engine) as session:
        locations.writable(session, location_id)
        aggregate = session.exec(
            select(ExternalAggregate).where(
                ExternalAggregate.location_id == location_id,
                ExternalAggregate.source == source.strip(),
                ExternalAggregate.period == label,
            )
        ).first() or ExternalAggregate(
            location_id=location_id, source=source.strip(), period=label, score=score
        )
        aggregate.score, aggregate.count, aggregate.note = score, count, note
        session.add(aggregate)
        session.flush()
        audit.log(
            session, "aggregate_set", "externalaggregate", aggregate.id, source=source, period=label
        )
    return aggregate
