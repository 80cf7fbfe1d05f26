"""``python -m qaudit``."""

from qaudit.cli import main

raise SystemExit(main())
