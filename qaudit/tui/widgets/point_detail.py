"""The selected measurement point in full: text, guidance, legal basis, critical flag.

Moving between points redraws only this panel, never the screen's layout: the text is one
Rich ``Text`` (drawn without a console pass), an unchanged point is not drawn again, and a
layout pass happens only when a point needs more lines than any shown before (so the panel
can scroll over it); on a move the cursor's redraw and this one fit in one frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str, object] | None = None
        self._tallest = 0

    def _put(self, content: Text) -> None:
        """Show ``content``: nothing when it is what is shown; a layout pass only when it
        is taller than anything shown so far (the panel's own size never depends on it)."""
        key = (content.plain, content.spans)
        if key == self._shown:
            return
        self._shown = key
        width = self.scrollable_content_region.width
        if width <= 0:  # not laid out yet: the first layout measures it
            self.update(content)
            return
        height = lines_needed(content.plain, width)
        grows = height > self._tallest
        self._tallest = max(self._tallest, height)
        self.update(content, layout=grows)

    def on_resize(self) -> None:
        self._tallest = 0  # the lines wrap anew: the next point measures again

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
            self._put(Text(_("No point matches this filter.")))
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
        self._put(Text("\n").join(parts))


TOO_TALL = 1_000_000


def lines_needed(text: str, width: int) -> int:
    """How many lines ``text`` takes word-wrapped at ``width`` (Rich's greedy wrap), plus
    one to spare; a word longer than the width counts as too many (measured by a layout
    pass instead). Cheap: no layout, no rendering."""
    total = 1
    for line in text.split("\n"):
        count, used = 1, 0
        for word in line.split(" "):
            size = cell_len(word)
            if used and used + size > width:
                count, used = count + 1, 0
            if size > width:
                return TOO_TALL
            used += size + 1  # the word and the space after it
        total += count
    return total
