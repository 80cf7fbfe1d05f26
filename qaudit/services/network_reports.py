"""Write the spiegel report (one member location among its anonymous peers) and the netwerk
report (the cooperative's view for staff), from the same templates staff can restyle."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from qaudit.domain.mirror import NetworkIndex, trend_medians, yearly_indexes, years_of
from qaudit.reports.formatting import Formatter
from qaudit.reports.mirror_report import (
    MeetingLine,
    NetwerkReport,
    SpiegelReport,
    SpreadPractice,
    build_netwerk,
    build_spiegel,
)
from qaudit.reports.style import ReportStyle
from qaudit.services import mirror, network
from qaudit.services.report_files import checked_out, write_filled
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
    style: ReportStyle | None = None,
) -> Path:
    """The mirror report of a member location; no other location or organisation is named."""
    checked_out(out)
    data = spiegel_data(engine, location_id, today or date.today())
    return _write(
        SPIEGEL, lambda fmt: build_spiegel(data, fmt), out, template_dir, pdf, language, style
    )


def write_netwerk(
    engine: Engine,
    out: Path,
    *,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    today: date | None = None,
    style: ReportStyle | None = None,
) -> Path:
    """The cooperative's network report for staff."""
    checked_out(out)
    data = netwerk_data(engine, today or date.today())
    return _write(
        NETWERK, lambda fmt: build_netwerk(data, fmt), out, template_dir, pdf, language, style
    )


def _write(
    kind: str,
    context_of: Callable[[Formatter], dict[str, Any]],
    out: Path,
    template_dir: Path | None,
    pdf: bool,
    language: str | None,
    style: ReportStyle | None,
) -> Path:
    written = write_filled(
        kind, context_of, out, template_dir=template_dir, pdf=pdf, language=language, style=style
    )
    return written[0]
