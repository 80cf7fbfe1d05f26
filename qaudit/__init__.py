"""qaudit: the quality-audit and accreditation workbench for the Kwaliteit@ cycle.

Importing this package must stay cheap: it holds the version and nothing else.
"""

__version__ = "0.1.0"
