"""The fonts a report needs for ``--pdf``: present, or a free metric-compatible twin.

LibreOffice lays a document out with the fonts the PDF machine has. Without Calibri, or
its free twin Carlito with the same widths, it substitutes another font and breaks words
and pages in other places ("beoordeel|d"). So before converting we ask fontconfig
(``fc-match``) for every font the template names and refuse, naming what to install,
when neither the font nor its twin is there. Without fontconfig (Windows, macOS) there is
nothing to ask and nothing is checked.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.i18n import _

TWINS: dict[str, tuple[str, ...]] = {
    "calibri": ("carlito",),
    "cambria": ("caladea",),
    "arial": ("liberation sans", "arimo"),
    "times new roman": ("liberation serif", "tinos"),
    "courier new": ("liberation mono", "cousine"),
}
PACKAGES: dict[str, str] = {
    "calibri": "Carlito (Debian/Ubuntu: fonts-crosextra-carlito, Fedora: google-carlito-fonts)",
    "cambria": "Caladea (Debian/Ubuntu: fonts-crosextra-caladea)",
    "arial": "Liberation Sans (Debian/Ubuntu: fonts-liberation2)",
    "times new roman": "Liberation Serif (Debian/Ubuntu: fonts-liberation2)",
    "courier new": "Liberation Mono (Debian/Ubuntu: fonts-liberation2)",
}
_FONT = re.compile(r'w:(?:ascii|hAnsi)="([^"]+)"')
_BODY = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")
_STYLE = re.compile(r"<w:style\b[^>]*>.*?</w:style>", re.DOTALL)
_STYLE_ID = re.compile(r'w:styleId="([^"]+)"')
_BASED_ON = re.compile(r'<w:basedOn w:val="([^"]+)"')
_USES = re.compile(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"')
_DEFAULTS = re.compile(r"<w:docDefaults>.*?</w:docDefaults>", re.DOTALL)


def fonts_of(docx: Path) -> set[str]:
    """The fonts a .docx really uses: in its body, headers and footers, the default font,
    and the styles it applies (with the styles those are based on)."""
    with zipfile.ZipFile(docx) as package:
        body = [
            package.read(n).decode("utf-8", "replace") for n in package.namelist() if _BODY.match(n)
        ]
        styles = package.read("word/styles.xml").decode("utf-8", "replace")
    names = {font for part in body for font in _FONT.findall(part)}
    names.update(_FONT.findall("".join(_DEFAULTS.findall(styles))))
    blocks = {
        m.group(1): block for block in _STYLE.findall(styles) if (m := _STYLE_ID.search(block))
    }
    wanted = {u for part in body for u in _USES.findall(part)}
    wanted.update(i for i, block in blocks.items() if 'w:default="1"' in block)
    seen: set[str] = set()
    while wanted:
        style = wanted.pop()
        if style in seen or style not in blocks:
            continue
        seen.add(style)
        names.update(_FONT.findall(blocks[style]))
        wanted.update(_BASED_ON.findall(blocks[style]))
    return names


def fc_match(font: str) -> str:
    done = subprocess.run(
        ["fc-match", "-f", "%{family[0]}", font],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return done.stdout.strip()


def missing(fonts: set[str], match: Callable[[str], str] = fc_match) -> list[str]:
    """The fonts for which neither the font nor its metric-compatible twin is installed."""
    absent = []
    for font in sorted(fonts):
        found = match(font).casefold()
        if found != font.casefold() and found not in TWINS.get(font.casefold(), ()):
            absent.append(font)
    return absent


def check_fonts(template: Path) -> None:
    """Refuse ``--pdf`` when the PDF would be set in substitute fonts; name what to install."""
    if shutil.which("fc-match") is None:
        return
    try:
        fonts = fonts_of(template)
    except (OSError, KeyError, zipfile.BadZipFile):
        return  # the template itself is checked, with a clear message, when it is filled
    absent = missing(fonts)
    if absent:
        advice = [PACKAGES.get(font.casefold(), font) for font in absent]
        raise QauditError(
            _(
                "--pdf: the report uses the font(s) {fonts}, which are not installed (nor a "
                "free font with the same widths), so LibreOffice would set the PDF in another "
                "font and break lines in other places; install {install}, or leave out --pdf"
            ).format(fonts=", ".join(absent), install="; ".join(advice))
        )
