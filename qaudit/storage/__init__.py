"""Engine, transactions and schema migrations. The same code runs on SQLite and PostgreSQL."""

from qaudit.storage.engine import make_engine
from qaudit.storage.schema import check_schema, ensure_schema
from qaudit.storage.session import transaction

__all__ = ["check_schema", "ensure_schema", "make_engine", "transaction"]
