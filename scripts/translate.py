"""Fill Dutch translations into a catalog from a Python dict file.

    python scripts/translate.py AREA DICTFILE.py   # DICTFILE defines NL = {msgid: msgstr}

Only empty entries are filled; existing translations are kept. Then run scripts/i18n.py.
"""

from __future__ import annotations

import runpy
import sys

from i18n import load_po, po_bytes, po_path

if __name__ == "__main__":
    area, source = sys.argv[1], sys.argv[2]
    table: dict[str, str] = runpy.run_path(source)["NL"]
    path = po_path("nl", area)
    catalog = load_po(path, "nl")
    for message in catalog:
        if message.id and not message.string and message.id in table:
            message.string = table[message.id]
    path.write_bytes(po_bytes(catalog))
