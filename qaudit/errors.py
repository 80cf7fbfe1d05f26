"""Errors a user can cause and fix. The CLI prints them and exits 1; the TUI shows them."""


class QauditError(Exception):
    """A domain error: invalid input or a refused action. Its message is for the user."""


class NotFound(QauditError):
    """A record named by the user does not exist."""


class Refused(QauditError):
    """An action the cycle's rules or an assessment's state do not allow."""


class SchemaError(QauditError):
    """The database schema does not match this version of qaudit."""
