"""Typed settings, read from ``config.toml`` in the user config directory.

Every field has a default, so qaudit runs without a config file. Environment variables
``QAUDIT_DATABASE_URL`` and ``QAUDIT_LANGUAGE`` override the file; the command line's
``--database`` overrides both. The file is validated as a whole: a wrong type, an unknown key
(with "did you mean") or a bad value is one message naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qaudit.config_source import config_values, read_config_file
from qaudit.errors import QauditError
from qaudit.i18n import N_, _
from qaudit.paths import UserDirs, user_dirs


class PrivacySettings(BaseModel):
    """The ``[privacy]`` table."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    retention_months: int = Field(default=24, ge=1, le=1200)
    """How long interview notes are kept after the interview (AVG storage limitation);
    ``qaudit privacy purge`` removes older ones."""


class ClientVoiceSettings(BaseModel):
    """Targets of the client's voice, the ``[clientvoice]`` table (defaults: seed 002)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    nps_target: float = Field(default=80.0, ge=-100, le=100)
    """The NPS a location aims to exceed (points, −100 to 100)."""
    satisfaction_target: float = Field(default=4.5, ge=1, le=5)
    """The mean overall satisfaction (1–5) to exceed."""
    parameter_target: float = Field(default=4.5, ge=1, le=5)
    """The mean (1–5) each of the six parameters should exceed."""
    promise_target: float = Field(default=80.0, ge=0, le=100)
    """The share (percent) of respondents who should notice a promise kept."""
    min_responses: int = Field(default=30, ge=1)
    """Below this many responses a figure is indicative only."""
    actions_min: int = Field(default=1, ge=0)
    actions_max: int = Field(default=5, ge=0)
    """Improvement actions from feedback per unit and period (seed 002: 1–5)."""


class CooperativeSettings(BaseModel):
    """The ``[cooperative]`` table: who sends the reports (every template prints it)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = "Coöperatie Kwaliteit@"
    address: list[str] = Field(default_factory=list)
    """Address lines of the letterhead, e.g. ``["Postbus 12", "3500 AA Utrecht"]``."""
    logo: str = ""
    """A PNG or JPEG file printed above the letterhead and on report covers."""


class EvidenceSettings(BaseModel):
    """The ``[evidence]`` table: files and photos attached to answers."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    max_mib: int = Field(default=20, ge=1, le=1024)
    """The largest file that may be attached, in MiB."""
    opener: list[str] = Field(default_factory=list)
    """The command that opens a file, e.g. ``["evince"]`` (the file is added last); empty:
    the system viewer (xdg-open, open, or the Windows file association)."""


HEX_COLOUR = r"^#?[0-9A-Fa-f]{6}$"
CHART_COLOURS = ("met", "not_met", "unknown", "norm", "text")


class ChartSettings(BaseModel):
    """The ``[chart]`` table: colours (hex) and font of the report charts.

    The defaults are the Okabe–Ito palette, which people with any colour vision tell apart.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    met: str = Field(default="#009E73", pattern=HEX_COLOUR)
    """Bars that meet the norm (bluish green)."""
    not_met: str = Field(default="#D55E00", pattern=HEX_COLOUR)
    """Bars below the norm (vermilion)."""
    unknown: str = Field(default="#999999", pattern=HEX_COLOUR)
    """Bars without a verdict yet."""
    norm: str = Field(default="#0072B2", pattern=HEX_COLOUR)
    """The norm lines (blue)."""
    text: str = Field(default="#222222", pattern=HEX_COLOUR)
    font: str = ""
    """A TrueType font file or family name; empty: Carlito, Liberation Sans or DejaVu Sans."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    database_url: str = ""
    """SQLAlchemy URL of the database; empty means the SQLite file in the data directory."""

    language: Literal["nl", "en"] = "nl"
    """Language of everything a user reads: ``nl`` (default) or ``en``."""

    template_dir: str = ""
    """A folder of Word templates that override the shipped ones (same file names)."""

    output_dir: str = ""
    """Where the terminal UI writes reports and workbooks; empty: ``<Documents>/qaudit``
    (e.g. ``~/Documenten/qaudit``), a folder the user sees."""

    theme: str = "textual-dark"
    """The Textual theme of the terminal UI."""

    keys: dict[str, str] = Field(default_factory=dict)
    """Key remapping for the terminal UI: binding id -> keys, e.g. ``"checklist.next" = "n"``."""

    planner: dict[str, Any] = Field(default_factory=dict)
    """Settings of the cycle planner, the ``[planner]`` table (``qaudit.scheduling.settings``):
    ``team_size`` (assessors per Cirkel, 2), ``peer_visitors`` (sent per visitation, 2),
    ``max_visits_per_organisation`` (visitations per organisation per year, 2),
    ``independence_years`` (3), ``allow_reciprocal_same_year`` (false),
    ``prefer_same_region`` (true), ``uid_domain`` ("qaudit") and ``[planner.unavailable]``
    (person id -> years or periods). Validated when the file is read; errors name the key."""

    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    """Privacy rules, the ``[privacy]`` table: ``retention_months`` (24)."""
    clientvoice: ClientVoiceSettings = Field(default_factory=ClientVoiceSettings)
    """Targets of the client's voice, the ``[clientvoice]`` table: ``nps_target`` (80),
    ``satisfaction_target`` (4.5), ``parameter_target`` (4.5), ``promise_target`` (80 %),
    ``min_responses`` (30), ``actions_min`` / ``actions_max`` (1 / 5)."""
    cooperative: CooperativeSettings = Field(default_factory=CooperativeSettings)
    """The ``[cooperative]`` table: name, address lines and logo on every report."""

    chart: ChartSettings = Field(default_factory=ChartSettings)
    """The ``[chart]`` table: chart colours and font (see ``ChartSettings``)."""

    evidence: EvidenceSettings = Field(default_factory=EvidenceSettings)
    """The ``[evidence]`` table: ``max_mib`` (20) and ``opener`` (the system viewer)."""

    def resolved_output_dir(self, dirs: UserDirs | None = None) -> Path:
        if self.output_dir:
            return Path(self.output_dir).expanduser()
        return (dirs or user_dirs()).output_dir

    def resolved_database_url(self, dirs: UserDirs | None = None) -> str:
        if self.database_url:
            return self.database_url
        return sqlite_url((dirs or user_dirs()).database_file)


# What each key expects, in words a user reads in an error message.
EXPECTED = {
    "database_url": N_("text (a database URL)"),
    "language": N_("one of nl, en"),
    "template_dir": N_("text (a folder)"),
    "output_dir": N_("text (a folder)"),
    "theme": N_("text (a theme name)"),
    "keys": N_("a table of binding id = keys"),
    "planner": N_("a table [planner]"),
    "privacy": N_("a table [privacy] with retention_months = a whole number of months (1-1200)"),
    "clientvoice": N_("a table [clientvoice] of targets (numbers)"),
    "cooperative": N_("a table [cooperative] with name, address (a list of lines) and logo"),
    "evidence": N_(
        "a table [evidence] with max_mib = a whole number of MiB (1-1024) and opener = a list"
    ),
    "chart": N_(
        "a table [chart] with colours as #RRGGBB (met, not_met, unknown, norm, text) and font"
    ),
}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(
    config_file: Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from the config file (if any), then the environment."""
    path, values = config_values(config_file, environ)
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        raise QauditError(_problem(path, exc)) from None
    if settings.planner:
        from qaudit.scheduling.settings import planner_settings

        planner_settings(settings.planner, source=str(path))
    return settings


def _known_keys(table: tuple[int | str, ...]) -> Iterable[str]:
    """The keys of the (sub)table at ``table``, e.g. ``("cooperative",)``."""
    model: type[BaseModel] = Settings
    for part in table:
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            break
        model = annotation
    return model.model_fields


def _problem(path: Path, error: ValidationError) -> str:
    """The first problem of ``error`` as one line naming the file and the key."""
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"])
    top = str(first["loc"][0]) if first["loc"] else ""
    if first["type"] == "extra_forbidden":
        return unknown_key(str(path), key, _known_keys(first["loc"][:-1]))
    expected = _(EXPECTED[top]) if top in EXPECTED else first["msg"]
    message = _("{path}: {key}: expected {expected}, got {value!r}")
    return message.format(path=path, key=key, expected=expected, value=first.get("input"))


def chart_file(path: Path) -> dict[str, str]:
    """The chart style in a template folder's ``chart.toml``: the keys of the ``[chart]``
    setting (with or without the ``[chart]`` line), validated like it. Returns only the keys
    the file sets; a wrong value or an unknown key is one message naming the file and key."""
    values = read_config_file(path)
    if set(values) == {"chart"} and isinstance(values["chart"], dict):
        values = dict(values["chart"])
    try:
        chart = ChartSettings(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        if first["type"] == "extra_forbidden":
            raise QauditError(unknown_key(str(path), key, ChartSettings.model_fields)) from None
        expected = _(CHART_EXPECTED.get(key, EXPECTED["chart"]))
        message = _("{path}: {key}: expected {expected}, got {value!r}")
        raise QauditError(
            message.format(path=path, key=key, expected=expected, value=first.get("input"))
        ) from None
    return {key: str(getattr(chart, key)) for key in sorted(chart.model_fields_set)}


CHART_EXPECTED = {
    **{key: N_("a colour as #RRGGBB, e.g. #0072B2") for key in CHART_COLOURS},
    "font": N_("text (a font file or a font family name)"),
}


def unknown_key(source: str, key: str, known: Iterable[str]) -> str:
    """``config.toml: team_sise: unknown setting; did you mean team_size?``"""
    import difflib  # only for a wrong key: not on every start-up

    names = sorted(known)
    close = difflib.get_close_matches(key.rsplit(".", 1)[-1], names, n=1)
    if close:
        message = _("{path}: {key}: unknown setting; did you mean {suggestion}?")
        return message.format(path=source, key=key, suggestion=close[0])
    message = _("{path}: {key}: unknown setting; known: {names}")
    return message.format(path=source, key=key, names=", ".join(names))
