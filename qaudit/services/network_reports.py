"""Write the spiegel report (one member location among its anonymous peers) and the netwerk
report (the cooperative's view for staff), from the same templates staff can restyle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from qaudit.domain.mirror import NetworkIndex, trend_medians, yearly_indexes, years_of
from qaudit.errors import QauditError
from qaudit.i18n import _, get_language, using_language
from qaudit.reports.files import staged
from qaudit.reports.formatting import Formatter
from qaudit.reports.mirror_report import (
    MeetingLine,
    NetwerkReport,
    SpiegelReport,
    SpreadPractice,
    build_netwerk,
    build_spiegel,
)
from qaudit.reports.pdf import convert, require_soffice
from qaudit.reports.templates import template_file
from qaudit.services import mirror, network
from qaudit.storage import transaction

SPIEGEL = "spiegel"
NETWERK = "netwerk"


def spiegel_data(engine: Engine, location_id: int, today: date) -> SpiegelReport:
    with transaction(engine) as session:
        seen = mirror.location_mirror(session, location_id, today=today)
    return SpiegelReport(
        today, seen.code, seen.name, seen.organisation, seen.members, seen.mirror, seen.labels
    )


def netwerk_data(engine: Engine, today: date) -> NetwerkReport:
    with transaction(engine) as session:
        figures = mirror.member_figures(session, today=today)
        network.harvest(session, today)
        practices = network.practices(session)
        meetings = network.meetings(session)
    years = years_of(figures.locations)
    year = years[-1] if years else today.year
    index = NetworkIndex(figures.locations, year, peers=False)
    medians = trend_medians(yearly_indexes(figures.locations, years))
    labels = figures.labels

    def tag(promise: str | None, theme: str | None) -> str:
        key = f"promise:{promise}" if promise else f"basis:{theme}" if theme else ""
        return labels.get(key, promise or theme or "")

    spread = sorted(practices, key=lambda p: (-p.reached, -p.meetings, p.id))
    return NetwerkReport(
        today,
        year,
        len(figures.locations),
        labels,
        {metric: index.distribution_of("all", "", metric) for metric in labels},
        medians,
        [
            SpreadPractice(p.text, tag(p.promise_id, p.theme_id), p.location, p.meetings, p.reached)
            for p in spread
        ],
        [
            MeetingLine(
                m.held_on,
                m.theme,
                m.host,
                sum(n for _c, n in m.attendance),
                len(m.attendance),
            )
            for m in sorted(meetings, key=lambda m: m.held_on, reverse=True)
        ],
    )


def write_spiegel(
    engine: Engine,
    location_id: int,
    out: Path,
    *,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    today: date | None = None,
) -> Path:
    """The mirror report of a member location; no other location or organisation is named."""
    day = today or date.today()
    return _write(
        SPIEGEL, build_spiegel, lambda: spiegel_data(engine, location_id, day), out,
        template_dir, pdf, language,
    )  # fmt: skip


def write_netwerk(
    engine: Engine,
    out: Path,
    *,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    today: date | None = None,
) -> Path:
    """The cooperative's network report for staff."""
    day = today or date.today()
    return _write(
        NETWERK, build_netwerk, lambda: netwerk_data(engine, day), out, template_dir, pdf, language
    )


def _write(
    kind: str,
    builder: Callable[[Any, Formatter], dict[str, Any]],
    gather: Callable[[], Any],
    out: Path,
    template_dir: Path | None,
    pdf: bool,
    language: str | None,
) -> Path:
    from qaudit.reports.render import fill  # docxtpl: imported when a report is written

    language = language or get_language()
    template = template_file(kind, language, template_dir)
    soffice = require_soffice() if pdf else None
    out = Path(out).expanduser()
    if out.suffix.lower() != ".docx":
        message = _("{path}: a report is a Word file, its name must end in .docx")
        raise QauditError(message.format(path=out))
    if not out.parent.is_dir():
        raise QauditError(_("folder {path} does not exist").format(path=out.parent))
    data = gather()
    with using_language(language):
        context = builder(data, Formatter(language))
    document = fill(template, context)
    targets = [out] + ([out.with_suffix(".pdf")] if soffice else [])
    with staged(targets) as temporaries:
        document.save(temporaries[0])
        if soffice:
            convert(temporaries[0], temporaries[1], soffice)
    return out
