"""Privacy figures: the personal-data detector on real professional text.

- ``privacy_texts``: the texts of the shipped checklists and client promises (points, legal
  basis, guidance, themes), each redacted as if it were a note;
- ``privacy_false_positives``: how many of them the detector changes (the aim: 0);
- ``privacy_redact_per_text_us``: median microseconds to redact one such text;
- ``privacy_redact_281_notes_ms``: redacting a note on every point of a full audit report;
- ``privacy_phonenumbers_per_text_us``: ``phonenumbers``' matcher alone on the same texts
  (the library the detector uses for phone numbers), and ``privacy_redact_ratio`` the first
  over it.
"""

from __future__ import annotations

from timing import median_seconds, rounded


def _texts() -> list[str]:
    from qaudit.checklists import shipped_catalogue

    catalogue = shipped_catalogue()
    texts: list[str] = []
    for spec in catalogue.checklists.values():
        for point in spec.points:
            texts += [point.text, point.basis or "", getattr(point, "guidance", "") or ""]
        texts += [theme.title for theme in spec.themes]
    if catalogue.promises is not None:
        for promise in catalogue.promises.promises:
            texts += [promise.title, promise.text, *promise.perceived]
    return [t for t in texts if t]


def figures(quick: bool) -> dict[str, float]:
    import phonenumbers

    from qaudit.domain.privacy import redact

    texts = _texts()
    repeat = 3 if quick else 9
    changed = sum(1 for t in texts if redact(t).count)
    ours = median_seconds(lambda: [redact(t) for t in texts], repeat)

    def matcher() -> None:
        for t in texts:
            list(phonenumbers.PhoneNumberMatcher(t, "NL", leniency=phonenumbers.Leniency.VALID))

    bare = median_seconds(matcher, repeat)
    per_text = ours / len(texts)
    return {
        "privacy_texts": len(texts),
        "privacy_false_positives": changed,
        "privacy_redact_per_text_us": rounded(per_text * 1e6, 1),
        "privacy_redact_281_notes_ms": rounded(per_text * 281 * 1e3, 2),
        "privacy_phonenumbers_per_text_us": rounded(bare / len(texts) * 1e6, 1),
        "privacy_redact_ratio": rounded(ours / bare, 2),
    }
