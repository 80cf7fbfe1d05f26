"""The privacy corpus: personal data as people really type it, and clean professional text.

Every item of ``PERSONAL`` must be gone from every report, workbook and calendar; every text
of ``CLEAN`` must come through unchanged.
"""

from __future__ import annotations

NAMES = [
    "mevrouw Jansen",
    "Mevrouw De Vries-Bakker",
    "meneer Bakker",
    "mijnheer Van den Berg",
    "mw. Visser",
    "mevr. Smit",
    "dhr. De Boer",
    "de heer Mulder",
    "Dhr. J. Hendriks",
    "J. Jansen",
    "J.P. de Vries",
    "A.B. van der Meer",
    "Kuipers (kamer 12)",
    "oma Brouwer",
]
BIRTH_DATES = [
    "12-03-1938",
    "3/4/1941",
    "1938-03-12",
    "12 maart 1938",
    "7 januari 1929",
    "March 12, 1940",
    "geboren 1936",
    "geb. 02-11-1944",
    "geboortedatum 14.08.1931",
]
VALID_BSNS = ["123456782", "111222333", "123.456.782", "1112.22.333", "987 654 317"]
INVALID_BSNS = ["BSN 123456789", "bsn: 111.222.334", "burgerservicenummer 999999999"]
PHONES = [
    "(050) 123 45 67",
    "050-1234567",
    "06-12345678",
    "06 1234 5678",
    "0612345678",
    "+31 (0)6 1234 5678",
    "+31 6 12345678",
    "0031 6 12345678",
    "0031 50 123 4567",
    "020 - 123 45 67",
]
EMAILS = ["j.jansen@example.nl", "fam.de.vries+zorg@mail.example.com"]

PERSONAL = [*NAMES, *BIRTH_DATES, *VALID_BSNS, *INVALID_BSNS, *PHONES, *EMAILS]
"""Each as it is typed; tests look for the personal core (:func:`core`) in the output."""

# The part of an item that must never appear (a keyword such as "geboren" may stay).
_KEEP_WORDS = ("geboren ", "geb. ", "geboortedatum ", "BSN ", "bsn: ", "burgerservicenummer ")


def core(item: str) -> str:
    for word in _KEEP_WORDS:
        if item.startswith(word):
            return item[len(word) :]
    return item


def sentences() -> list[str]:
    """Each item in a sentence, as it would be written in a note."""
    return [f"Gesprek over {item}, besproken in het team." for item in PERSONAL]


def note() -> str:
    """One text holding every item."""
    return " ".join(sentences())


CLEAN = [
    "Punt T05.14 voldoet; zie ook T01.02 en T16.3.",
    "82,5% van de meetpunten voldoet, 12 van 20 in thema 3 (60 %).",
    "Volgens art. 13 lid 2 Wzd en artikel 8:1 Awb is dit geregeld.",
    "Het bezoek vond plaats op 12-03-2026 en het vervolgbezoek op 2027-01-15.",
    "Audit gehouden op 3 maart 2026 met twee auditoren.",
    "Bewoners voelen zich gehoord; wens voor meer activiteiten in de middag.",
    "N.B. De zorgplannen worden elk kwartaal besproken met de familie.",
    "Mevrouw vertelde dat de maaltijden goed zijn; meneer was minder tevreden.",
    "De teamleider van Huize Lindenhof bespreekt dit in het MDO.",
    "Factuurnummer 123456789 is betaald; 250 meetpunten in 16 thema's.",
    "Versie 2026.1 van de checklist, ISO 9001:2015 en HKZ 2015.",
    "Cirkel van Kwaliteit@ en Basis op orde; zie www.example.nl/kwaliteit.",
    "Bezetting 1,5 fte per 8 cliënten; nachtdienst 23:00-07:00 uur.",
    "Evaluatie in Q3 2026, deadline 1-10-2026.",
]
