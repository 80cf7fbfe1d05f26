"""The one Jinja environment every report is rendered with.

Sandboxed (a template cannot reach Python internals or change data), with StrictUndefined
(a field the data does not have is an error, never a silent blank in an audit report) and
autoescaping (text typed by users is placed as text; it is data, never template code or XML).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from qaudit.reports.limits import limited_range

_CACHE_SIZE = 32


class ReportEnvironment(ImmutableSandboxedEnvironment):
    """Compiles each distinct template text once: a batch renders one template many times."""

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
        self.globals["range"] = limited_range
        self._compiled: dict[str, Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            if len(self._compiled) >= _CACHE_SIZE:
                self._compiled.clear()
            self._compiled[source] = compiled
        return compiled


@cache
def environment() -> ReportEnvironment:
    return ReportEnvironment()
