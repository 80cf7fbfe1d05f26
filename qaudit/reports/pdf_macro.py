"""A LibreOffice Basic macro that converts a report to PDF with its contents filled in.

``soffice --convert-to pdf`` exports a Word document as it was saved: a table of contents
that Word would update on opening stays empty. The macro opens the document, updates every
index (the contents) and the fields, then exports the PDF. It lives in the private profile
that each conversion uses, as the only module of the user's "Standard" library (macros of
the user's own profile run without a security prompt).
"""

from __future__ import annotations

from pathlib import Path

_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARIES = (
    _HEAD + '<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
    '"libraries.dtd">\n'
    '<library:libraries xmlns:library="http://openoffice.org/2000/library" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    ' <library:library library:name="Standard" library:link="false"/>\n'
    "</library:libraries>\n"
)
_LIBRARY = (
    _HEAD + '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
    '"library.dtd">\n'
    '<library:library xmlns:library="http://openoffice.org/2000/library" '
    'library:name="Standard" library:readonly="false" library:passwordprotected="false"'
    "{body}"
)
_MODULE = (
    _HEAD + '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
    '"module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="QauditPdf" '
    'script:language="StarBasic">\n'
    "Sub ToPdf(source As String, target As String)\n"
    "    Dim args(0) As New com.sun.star.beans.PropertyValue\n"
    "    args(0).Name = &quot;Hidden&quot;\n"
    "    args(0).Value = True\n"
    "    document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, "
    "0, args())\n"
    "    indexes = document.getDocumentIndexes()\n"
    "    For i = 0 To indexes.getCount() - 1\n"
    "        indexes.getByIndex(i).update()\n"
    "    Next i\n"
    "    document.getTextFields().refresh()\n"
    "    Dim pdf(0) As New com.sun.star.beans.PropertyValue\n"
    "    pdf(0).Name = &quot;FilterName&quot;\n"
    "    pdf(0).Value = &quot;writer_pdf_Export&quot;\n"
    "    document.storeToURL(ConvertToURL(target), pdf())\n"
    "    document.close(True)\n"
    "End Sub\n"
    "</script:module>\n"
)


def install(profile: Path, name: str = "QauditPdf", code: str = "") -> None:
    """Put the macro into the LibreOffice profile folder ``profile`` (created if needed).

    ``name`` and ``code`` install another Basic module instead (the tests use it to drive
    LibreOffice Calc like a person would)."""
    basic = profile / "user" / "basic"
    standard = basic / "Standard"
    standard.mkdir(parents=True, exist_ok=True)
    (basic / "script.xlc").write_text(_LIBRARIES, encoding="utf-8")
    (basic / "dialog.xlc").write_text(_LIBRARIES, encoding="utf-8")
    element = f'>\n <library:element library:name="{name}"/>\n</library:library>\n'
    (standard / "script.xlb").write_text(_LIBRARY.format(body=element), encoding="utf-8")
    (standard / "dialog.xlb").write_text(_LIBRARY.format(body="/>\n"), encoding="utf-8")
    module = _MODULE if not code else _MODULE.split("Sub ToPdf")[0].replace("QauditPdf", name)
    (standard / f"{name}.xba").write_text(
        module + code + ("" if not code else "</script:module>\n"), encoding="utf-8"
    )


def macro_url(source: Path, target: Path) -> str:
    return f'macro:///Standard.QauditPdf.ToPdf("{source}","{target}")'
