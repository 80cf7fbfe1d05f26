"""Use cases that the command line and the terminal UI both call.

Each function is one user action: it takes an engine (and opens its own transaction) or a
session handed in by a caller that groups several steps into one transaction.
"""
