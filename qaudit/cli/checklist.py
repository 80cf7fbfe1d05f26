"""``qaudit checklist list|show|validate|lock``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.errors import QauditError
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.checklists import Spec


def register(commands: Commands) -> None:
    parser = commands.add_parser("checklist", help=_("the checklists and client promises"))
    actions = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    listing = actions.add_parser("list", help=_("list the checklists"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_checklists)
    show = actions.add_parser("show", help=_("show one checklist"))
    show.add_argument("id", help=_("checklist id, e.g. basis-op-orde"))
    show.add_argument("--version", help=_("an older version (default: the current one)"))
    add_json_flag(show)
    show.set_defaults(handler=show_checklist)
    validate = actions.add_parser("validate", help=_("validate checklist files or folders"))
    validate.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help=_("a checklist file or a folder of them"),
    )
    validate.set_defaults(handler=validate_files)
    lock = actions.add_parser("lock", help=_("record the content hash of each checklist version"))
    lock.add_argument("--dir", type=Path, help=_("checklist folder (default: the shipped one)"))
    lock.set_defaults(handler=lock_versions)


def _summary(spec: Spec) -> dict[str, object]:
    from qaudit.checklists import ChecklistSpec, ReadinessSpec

    row: dict[str, object] = {
        "id": spec.id,
        "version": spec.version,
        "kind": spec.kind,
        "title": spec.title,
        "content_hash": spec.content_hash,
    }
    if isinstance(spec, ChecklistSpec):
        row |= {
            "themes": len(spec.themes),
            "points": len(spec.points),
            "critical": sum(p.critical for p in spec.points),
        }
        if isinstance(spec, ReadinessSpec):
            themes = {t.id: t for t in spec.themes}
            row["dimensions"] = [
                {
                    "id": d.theme,
                    "title": themes[d.theme].title,
                    "statements": len(themes[d.theme].points),
                    "threshold_percent": d.threshold_percent,
                }
                for d in spec.dimensions
            ]
    else:
        row |= {"promises": len(spec.promises)}
    return row


def list_checklists(context: Context) -> int:
    from qaudit.checklists import shipped_catalogue

    catalogue = shipped_catalogue()
    rows = [
        _summary(spec) | {"current": catalogue.specs[spec.id] is spec}
        for ident in sorted(catalogue.specs)
        for spec in catalogue.versions(ident)
    ]
    if context.args.json:
        print_json(rows)
        return 0
    print_table(
        [
            _("id"),
            _("version"),
            _("current"),
            _("kind"),
            _("title"),
            _("themes"),
            _("points"),
            _("critical"),
        ],
        [
            [
                r["id"],
                r["version"],
                "✓" if r["current"] else "",
                r["kind"],
                r["title"],
                r.get("themes", ""),
                r.get("points", r.get("promises")),
                r.get("critical", ""),
            ]
            for r in rows
        ],
    )
    return 0


def show_checklist(context: Context) -> int:
    from qaudit.checklists import ChecklistSpec, shipped_catalogue
    from qaudit.errors import NotFound

    catalogue = shipped_catalogue()
    spec = catalogue.specs.get(context.args.id)
    if spec is not None and context.args.version:
        spec = catalogue.release(context.args.id, context.args.version)
    if spec is None:
        raise NotFound(
            _("no checklist '{id}' (known: {known})").format(
                id=context.args.id, known=", ".join(sorted(catalogue.specs))
            )
        )
    if context.args.json:
        counts = {k: v for k, v in _summary(spec).items() if isinstance(v, int)}
        print_json(
            spec.model_dump(mode="json") | {"content_hash": spec.content_hash, "counts": counts}
        )
        return 0
    if isinstance(spec, ChecklistSpec):
        rows = [[p.id, "K" if p.critical else "", p.weight, p.text] for p in spec.points]
        print_table(
            [_("id"), _("crit."), _("weight"), _("measurement point")],
            rows,
            title=f"{spec.title} {spec.version}",
        )
    else:
        print_table(
            [_("id"), _("promise")],
            [[p.id, p.text] for p in spec.promises],
            title=f"{spec.title} {spec.version}",
        )
    return 0


def validate_files(context: Context) -> int:
    from qaudit.checklists import validate_files

    specs = validate_files(context.args.paths)
    if not specs:
        names = ", ".join(str(path) for path in context.args.paths)
        raise QauditError(_("{paths}: no checklist files to validate").format(paths=names))
    for spec in specs:
        print(
            _("{id} {version}: valid ({hash})").format(
                id=spec.id, version=spec.version, hash=spec.content_hash[:19] + "…"
            )
        )
    return 0


def lock_versions(context: Context) -> int:
    from qaudit.checklists import load_catalogue
    from qaudit.checklists.catalogue import write_lock
    from qaudit.paths import checklists_dir

    directory = context.args.dir or checklists_dir()
    catalogue = load_catalogue(directory)
    if not catalogue.releases:
        raise QauditError(_("{folder}: no checklist files to lock").format(folder=directory))
    path = write_lock(directory, catalogue.releases.values())
    print(
        _("Recorded {count} versions in {path}.").format(count=len(catalogue.releases), path=path)
    )
    return 0
