"""Offline language identification, restricted to the supported languages.

Uses py3langid (the langid.py model, shipped inside the PyPI package: no download).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from audit.lexicons import SUPPORTED_LANGUAGES

_TAG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_NAMES = {
    "polish": "pl", "bulgarian": "bg", "romanian": "ro", "english": "en", "german": "de",
    "spanish": "es", "french": "fr", "russian": "ru", "ukrainian": "uk",
    "pol": "pl", "bul": "bg", "ron": "ro", "rum": "ro", "eng": "en", "deu": "de", "ger": "de",
    "spa": "es", "fra": "fr", "fre": "fr", "rus": "ru", "ukr": "uk",
}


def normalize_lang(value: Any) -> str | None:
    """``'pl-PL'`` → ``'pl'``, ``'Polish'`` → ``'pl'``; ``None`` for empty values.

    >>> normalize_lang("pl-PL"), normalize_lang("BG"), normalize_lang(""), normalize_lang("Polish")
    ('pl', 'bg', None, 'pl')
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    low = s.lower()
    if low in _NAMES:
        return _NAMES[low]
    m = _TAG_RE.match(s)
    if not m:
        return low
    code = m.group(1).lower()
    return _NAMES.get(code, code)


@cache
def _identifier() -> Any:
    import py3langid.langid as L

    ident = L.LanguageIdentifier.from_model_file(L.MODEL_DIR / L.MODEL_FILE, norm_probs=True)
    ident.set_languages(list(SUPPORTED_LANGUAGES))
    return ident


def detect(text: str, max_chars: int = 4000) -> tuple[str | None, float]:
    """The most likely supported language of ``text`` and its probability.

    Returns ``(None, 0.0)`` for text with too few letters to tell.
    """
    sample = text[:max_chars]
    if sum(ch.isalpha() for ch in sample[:400]) < 20:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
