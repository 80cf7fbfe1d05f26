"""Who sends the reports and how their charts look: the ``[cooperative]`` and ``[chart]``
settings as plain data (the service layer reads the logo file)."""

from __future__ import annotations

from dataclasses import dataclass, field

from qaudit.reports.chart import ChartImage, ChartStyle
from qaudit.reports.formatting import clean

DEFAULT_COOPERATIVE = "Coöperatie Kwaliteit@"
LOGO_WIDTH_MM = 40


@dataclass(frozen=True)
class ReportStyle:
    cooperative: str = DEFAULT_COOPERATIVE
    address: tuple[str, ...] = ()
    logo: bytes = b""
    """A PNG or JPEG, or empty for none."""
    chart: ChartStyle = field(default_factory=ChartStyle)


def cooperative_context(style: ReportStyle) -> dict[str, object]:
    """The ``cooperative`` field of every template: name, address lines and logo."""
    name = clean(style.cooperative) or DEFAULT_COOPERATIVE
    return {
        "name": name,
        "address": [clean(line) for line in style.address if clean(line)],
        "logo": ChartImage(style.logo, LOGO_WIDTH_MM, name) if style.logo else "",
    }
