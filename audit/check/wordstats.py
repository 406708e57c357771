"""Word frequencies (Zipf scale) from the ``wordfreq`` package, fast to open.

``wordfreq`` unpacks a whole frequency list into a Python dict the first time a language
is used: 0.2–0.35 s for Polish, German or English, which alone would break the 0.5 s
budget of a one-article spot-check. This module asks wordfreq for the list once, writes
it to the user cache (``audit.check.langid.cache_dir()``) as a sorted, fixed-width
table, and afterwards memory-maps it and looks words up with a binary search
(``numpy.searchsorted``): opening a language costs about a millisecond.

The values are wordfreq's own: ``zipf(word, lang) == wordfreq.zipf_frequency(word, lang)``
for lowercase single words (a test checks a sample). When the cache cannot be written,
wordfreq is used directly.

>>> zipf("the", "en") > 7
True
>>> zipf("qxzqxz", "en")
0.0
"""

from __future__ import annotations

import math
import os
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_WIDTH = 40  # bytes per word; longer words (rare, <0.1 % of entries) are left out


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wordfreq")
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


def _build(lang: str, path: Path) -> None:
    import numpy as np
    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict(lang, wordlist="best")
    items = sorted(
        (w.encode("utf-8"), f) for w, f in freqs.items() if 0 < len(w.encode("utf-8")) <= _WIDTH and f > 0
    )
    words = np.array([w for w, _ in items], dtype=f"S{_WIDTH}")
    zipfs = np.array([round(math.log10(f) + 9, 2) * 100 for _, f in items], dtype=np.uint16)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("wb") as fh:
        np.save(fh, words)
        np.save(fh, zipfs)
    os.replace(tmp, path)


@cache
def _table(lang: str) -> tuple[Any, Any] | None:
    import numpy as np

    from audit.check.langid import cache_dir

    path = cache_dir() / f"wordfreq-{_version()}-{lang}-w{_WIDTH}.npy"
    try:
        if not path.exists():
            _build(lang, path)
        with path.open("rb") as fh:
            words = np.load(fh, mmap_mode=None)
            zipfs = np.load(fh)
        return words, zipfs
    except (OSError, ValueError, LookupError):
        return None


@lru_cache(maxsize=262_144)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a word in a language (0.0 when unknown or the language has no list)."""
    w = unicodedata.normalize("NFC", word.lower())
    table = _table(lang)
    if table is None:
        try:
            from wordfreq import zipf_frequency

            return float(zipf_frequency(w, lang))
        except LookupError:
            return 0.0
    import numpy as np

    words, zipfs = table
    key = w.encode("utf-8")
    if len(key) > _WIDTH or not key:
        return 0.0
    i = int(np.searchsorted(words, key))
    if i < len(words) and words[i] == key:
        return float(zipfs[i]) / 100
    return 0.0
