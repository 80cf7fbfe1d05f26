"""The selected measurement point in full: text, guidance, legal basis, critical flag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from qaudit.domain.enums import evidence_label
from qaudit.i18n import _, ngettext
from qaudit.tui import format as fmt

if TYPE_CHECKING:
    from qaudit.checklists import Point
    from qaudit.domain.enums import Result


class PointDetail(Static):
    """Shows one point; the screen sets it with :meth:`show`."""

    def show(
        self,
        point: Point | None,
        theme: str,
        answer: Result | None,
        reference: Result | None,
        has_reference: bool,
        extra: Text | None = None,
        *,
        reference_note: str = "",
        files: int = 0,
    ) -> None:
        """``extra``: a last line, e.g. how clients perceived the point's promise.
        ``reference_note``: the self-evaluation's own note; ``files``: evidence files attached."""
        if point is None:
            self.update(_("No point matches this filter."))
            return
        head = Text.assemble((point.id, "bold"), "  ", (theme, "italic"))
        if point.critical:
            head.append("  ⚑ " + _("critical"), style="bold red")
        parts: list[Text] = [head, Text(point.text, style="bold"), Text("")]
        parts.append(Text.assemble((_("Guidance") + ": ", "bold"), point.guidance))
        parts.append(Text.assemble((_("Legal basis") + ": ", "bold"), point.basis))
        parts.append(Text.assemble((_("Weight") + ": ", "bold"), str(point.weight)))
        if point.evidence:
            evidence = ", ".join(
                evidence_label(e.kind) + (f" ({e.detail})" if e.detail else "")
                for e in point.evidence
            )
            parts.append(Text.assemble((_("Evidence") + ": ", "bold"), evidence))
        parts.append(Text(""))
        parts.append(Text.assemble((_("Answer") + ": ", "bold"), fmt.result(answer)))
        if has_reference:
            parts.append(
                Text.assemble((_("Self-evaluation") + ": ", "bold"), fmt.result(reference))
            )
            if reference_note:
                parts.append(
                    Text.assemble((_("Its note") + ": ", "bold"), (reference_note, "italic"))
                )
            if answer is not None and reference is not None and answer is not reference:
                differs = _("differs from the self-evaluation")
                parts.append(Text("≠ " + differs, style="bold yellow"))
        if files:
            count = ngettext("{n} file", "{n} files", files).format(n=files)
            parts.append(Text.assemble((_("Evidence files") + ": ", "bold"), count))
        if extra is not None:
            parts.extend((Text(""), extra))
        self.update(Group(*parts))
