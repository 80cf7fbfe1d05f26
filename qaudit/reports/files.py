"""Writing files whole or not at all: the one helper every output uses (``qaudit.files``)."""

from qaudit.files import staged, temporary_path, write_atomically

__all__ = ["staged", "temporary_path", "write_atomically"]
