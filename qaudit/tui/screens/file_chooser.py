"""Choosing a file to attach without typing its path: a folder tree filtered to the evidence
kinds, starting in the home folder or the folder of the last file chosen this session, and a
field to type or paste a path. A dialog that returns the chosen path (None: cancelled)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from weakref import WeakKeyDictionary

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

from qaudit.domain.evidence import ALLOWED, SUFFIXES
from qaudit.i18n import N_, _

_LAST_FOLDER: WeakKeyDictionary[App[object], Path] = WeakKeyDictionary()
"""Per running app: the folder of the last file chosen (this session only)."""


def start_folder(app: App[object]) -> Path:
    """Where the chooser opens: the last folder used this session, else the home folder."""
    last = _LAST_FOLDER.get(app)
    return last if last is not None and last.is_dir() else Path.home()


def shown(path: Path) -> bool:
    """A folder, or a file whose name ends like an evidence kind; hidden ones left out."""
    if path.name.startswith("."):
        return False
    try:
        return path.is_dir() or path.suffix.lower() in SUFFIXES
    except OSError:  # no permission to look: leave it out
        return False


class EvidenceTree(DirectoryTree):
    """Folders and the files that may be evidence (:func:`shown`)."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if shown(path)]


class FileChooser(ModalScreen[Path | None]):
    """The tree first (Enter chooses a file or opens a folder), then a path field (Tab)."""

    BINDINGS = [
        Binding(
            "escape", "cancel", N_("Cancel"), id="chooser.cancel", tooltip=N_("Attach nothing")
        ),
        Binding(
            "backspace",
            "parent",
            N_("Folder up"),
            id="chooser.parent",
            tooltip=N_("Show the folder that holds this one"),
        ),
    ]

    def __init__(self, start: Path, typed: str = "", problem: str = "") -> None:
        super().__init__()
        self.start = start
        self.typed = typed
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser"):
            yield Static(_("Choose the file to attach"), classes="form-title")
            yield Static(str(self.start), id="chooser-folder", markup=False)
            yield EvidenceTree(self.start, id="chooser-tree")
            yield Input(
                value=self.typed,
                placeholder=_("or type or paste a path here (Enter chooses it)"),
                id="chooser-path",
            )
            yield Static(self.problem, id="chooser-problem", classes="error")
            yield Static(
                _(
                    "Shown: {kinds}. Enter: choose (a folder opens) · Backspace: folder up · "
                    "Tab: type a path · Esc: cancel"
                ).format(kinds=ALLOWED),
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#chooser-path" if self.typed else "#chooser-tree").focus()

    @property
    def folder_tree(self) -> EvidenceTree:
        return self.query_one("#chooser-tree", EvidenceTree)

    @on(DirectoryTree.FileSelected, "#chooser-tree")
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.choose(event.path)

    @on(Input.Submitted, "#chooser-path")
    def _path_typed(self, event: Input.Submitted) -> None:
        typed = event.value.strip().strip("'\"")
        if not typed:
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            self.show_folder(path)
            self.folder_tree.focus()
            self.say("")
        elif path.is_file():
            self.choose(path)
        else:
            self.say(_("There is no file {path}.").format(path=path))

    def say(self, problem: str) -> None:
        self.query_one("#chooser-problem", Static).update(problem)

    def choose(self, path: Path) -> None:
        _LAST_FOLDER[self.app] = path.parent
        self.dismiss(path)

    def action_parent(self) -> None:
        folder = Path(self.folder_tree.path)
        if folder.parent != folder:
            self.show_folder(folder.parent)

    def show_folder(self, folder: Path) -> None:
        self.folder_tree.path = folder
        self.query_one("#chooser-folder", Static).update(str(folder))

    def action_cancel(self) -> None:
        self.dismiss(None)
