"""The fixed palette of the paletted figure charts (client voice, comparison bands).

The score chart of the assessment reports takes its colours from the ``[chart]`` settings
(``qaudit.reports.chart``); these figure charts keep one palette, in this order.
"""

from __future__ import annotations

PALETTE = (  # a paletted image is several times faster to encode than a full-colour one
    (255, 255, 255),  # paper
    (33, 33, 33),  # ink
    (224, 224, 224),  # grid
    (46, 125, 50),  # meets the norm
    (198, 40, 40),  # does not
    (120, 144, 156),  # no norm or no score
)
