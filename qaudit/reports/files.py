"""Writing files whole or not at all."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.i18n import _


def temporary_path(target: Path) -> Path:
    """A hidden name beside ``target`` (same folder, so the final rename is atomic)."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")


@contextmanager
def staged(targets: list[Path]) -> Iterator[list[Path]]:
    """Temporary paths for ``targets``, renamed onto them only if the block succeeds.

    On any error the temporary files are removed and the targets are left as they were.
    """
    temporaries = [temporary_path(t) for t in targets]
    try:
        try:
            yield temporaries
        except OSError as exc:
            raise QauditError(
                _("cannot write {path}: {reason}").format(
                    path=targets[0], reason=exc.strerror or exc
                )
            ) from exc
        for temporary, target in zip(temporaries, targets, strict=True):
            try:
                os.replace(temporary, target)
            except OSError as exc:
                raise QauditError(
                    _("cannot write {path}: {reason}").format(
                        path=target, reason=exc.strerror or exc
                    )
                ) from exc
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)


def write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write`` with a temporary path, then move the finished file onto ``target``."""
    with staged([target]) as (temporary,):
        write(temporary)
    return target
