"""Clear messages for broken templates: which template, which field, which paragraph."""

from __future__ import annotations

import difflib
import re
import zipfile
from collections.abc import Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from qaudit.errors import QauditError
from qaudit.i18n import _

_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_MISSING = (re.compile(r"'([^']+)' is undefined"), re.compile(r"has no attribute '([^']+)'"))


class TemplateProblem(QauditError):
    """A template that cannot be rendered; the message names the template and the cause."""


def paragraphs(source: bytes) -> Iterator[str]:
    """The text of every paragraph of a .docx (body, headers, footers), as a user sees it."""
    with zipfile.ZipFile(BytesIO(source)) as package:
        for name in package.namelist():
            if _PARTS.search(name):
                xml = package.read(name).decode("utf-8", "replace")
                for paragraph in _PARAGRAPH.findall(xml):
                    text = "".join(_TEXT.findall(paragraph))
                    if text.strip():
                        yield _unescape(text)


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(
    exc: Exception, template: Path, source: bytes, context: Mapping[str, Any]
) -> TemplateProblem:
    """Turn whatever rendering raised into a message a member of staff can act on."""
    if isinstance(exc, TemplateSyntaxError):
        blocks = block_problem(source)
        if blocks:
            return TemplateProblem(
                _("template {template}: {problem}").format(template=template, problem=blocks)
            )
        return TemplateProblem(
            _("template {template}: a tag cannot be read{where}").format(
                template=template, where=_syntax_where(exc)
            )
        )
    if isinstance(exc, UndefinedError):
        return _unknown_field(exc, template, source, context)
    if isinstance(exc, SecurityError):
        return TemplateProblem(
            _("template {template}: not allowed: {message}").format(template=template, message=exc)
        )
    if isinstance(exc, TemplateError):
        return TemplateProblem(
            _("template {template}: {message}").format(
                template=template, message=exc.message or type(exc).__name__
            )
        )
    return TemplateProblem(
        _("template {template} could not be filled in: {message}").format(
            template=template, message=exc
        )
    )


def _syntax_where(exc: TemplateSyntaxError) -> str:
    lines = list(getattr(exc, "docx_context", []) or [])
    if not lines or not exc.lineno:
        return ""
    index = exc.lineno - 1 - max(exc.lineno - 4, 0)
    text = lines[index] if 0 <= index < len(lines) else ""
    return _(' (in the paragraph "{text}")').format(text=_short(text)) if text.strip() else ""


def _unknown_field(
    exc: UndefinedError, template: Path, source: bytes, context: Mapping[str, Any]
) -> TemplateProblem:
    message = str(exc.message or exc)
    field = next((m.group(1) for p in _MISSING if (m := p.search(message))), message)
    expression, paragraph = _find(field, source)
    hint = _suggestion(expression or field, context)
    where = _(' in the paragraph "{text}"').format(text=_short(paragraph)) if paragraph else ""
    return TemplateProblem(
        _("template {template}: unknown field '{field}'{where}{hint}").format(
            template=template, field=expression or field, where=where, hint=hint
        )
    )


def _find(field: str, source: bytes) -> tuple[str, str]:
    """The expression that names ``field`` (``verdict.labl``) and its paragraph."""
    word = re.compile(r"[\w.]*\b" + re.escape(field) + r"\b")
    try:
        texts = list(paragraphs(source))
    except (zipfile.BadZipFile, KeyError):
        return "", ""
    for text in texts:
        for tag in _TAG.findall(text):
            found = word.search(tag.strip("{}% "))
            if found and not found.group(0).startswith(("p ", "tr ", "tc ", "r ")):
                return found.group(0), text
    return "", ""


def _suggestion(expression: str, context: Mapping[str, Any]) -> str:
    *parents, last = expression.split(".")
    scope: Any = context
    for part in parents:
        scope = scope.get(part) if isinstance(scope, Mapping) else None
    if not isinstance(scope, Mapping):
        return ""
    close = difflib.get_close_matches(last, [str(k) for k in scope], n=1)
    if not close:
        return ""
    return _(" (did you mean '{name}'?)").format(name=".".join([*parents, close[0]]))


_BLOCK = re.compile(r"\{%-?\s*(?:(?:p|tr|tc|r)\s+)?(if|for|elif|else|endif|endfor)\b.*?%\}")


def block_problem(source: bytes) -> str:
    """A block (if, for) left open or closed without being opened, named with its tag and
    paragraph, in the user's language; "" when the blocks fit together."""
    stack: list[tuple[str, str, int, str]] = []
    try:
        texts = list(paragraphs(source))
    except (zipfile.BadZipFile, KeyError):
        return ""
    for number, text in enumerate(texts, start=1):
        for match in _BLOCK.finditer(text):
            word, tag = match.group(1), match.group(0)
            if word in ("if", "for"):
                stack.append((word, tag, number, text))
            elif word in ("elif", "else") and not stack:
                return _(
                    "the tag “{tag}” in paragraph {n} (“{text}”) belongs to no open if or for"
                ).format(tag=tag, n=number, text=_short(text, 60))
            elif word.startswith("end"):
                if stack and stack[-1][0] == word[3:]:
                    stack.pop()
                    continue
                return _(
                    "the tag “{tag}” in paragraph {n} (“{text}”) closes a block that is not open"
                ).format(tag=tag, n=number, text=_short(text, 60))
    if stack:
        word, tag, number, text = stack[-1]
        return _(
            "the block “{tag}” opened in paragraph {n} (“{text}”) is never closed: add "
            "“{close}” where it should end"
        ).format(tag=tag, n=number, text=_short(text, 60), close=f"{{%p end{word} %}}")
    return ""


_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def unclosed_tag(text: str) -> str:
    """The first tag in ``text`` (one paragraph) that is not closed in it, or ""."""
    position = 0
    while True:
        starts = [(text.find(o, position), o) for o in _OPENERS if text.find(o, position) >= 0]
        if not starts:
            return ""
        start, opener = min(starts)
        end = text.find(_OPENERS[opener], start + 2)
        following = [text.find(o, start + 2) for o in _OPENERS if text.find(o, start + 2) >= 0]
        if end < 0 or (following and min(following) < end):
            return text[start : start + 40]
        position = end + 2


def check_tags(template: Path, source: bytes) -> None:
    """Every tag opens and closes within one paragraph, as docxtpl needs."""
    for text in paragraphs(source):
        tag = unclosed_tag(text)
        if tag:
            raise TemplateProblem(
                _("template {template}: the tag '{tag}' is not closed{where}").format(
                    template=template,
                    tag=_short(tag, 40),
                    where=_(' (in the paragraph "{text}")').format(text=_short(text)),
                )
            )
