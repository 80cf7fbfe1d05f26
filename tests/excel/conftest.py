"""Fixtures for the Excel round trip (helpers live in ``support``)."""

from excel.support import exported, setup

__all__ = ["exported", "setup"]
