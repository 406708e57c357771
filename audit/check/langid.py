"""Offline language identification, restricted to the supported languages.

Uses py3langid (the langid.py model, shipped inside the PyPI package: no download).
Its model file is LZMA-compressed and holds 142 classes; decompressing it costs
~0.45 s, too much for the 0.5 s spot-check. On first use we derive a restricted,
uncompressed copy (the 9 supported languages' columns only, plus the byte DFA) into
the user cache dir (``$NEWSAUDIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsaudit``, else
``~/.cache/newsaudit``), keyed by the py3langid version and model file; later runs
memory-map it (~10 ms). If the cache cannot be written the packaged model is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from audit.lexicons import SUPPORTED_LANGUAGES

_TAG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_NAMES = {
    "polish": "pl", "bulgarian": "bg", "romanian": "ro", "english": "en", "german": "de",
    "spanish": "es", "french": "fr", "russian": "ru", "ukrainian": "uk",
    "pol": "pl", "bul": "bg", "ron": "ro", "rum": "ro", "eng": "en", "deu": "de", "ger": "de",
    "spa": "es", "fra": "fr", "fre": "fr", "rus": "ru", "ukr": "uk",
}
_CACHE_FORMAT = 1


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


def cache_dir() -> Path:
    env = os.environ.get("NEWSAUDIT_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsaudit"


def _model_key(model_file: Path, langs: tuple[str, ...]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("py3langid")
    except PackageNotFoundError:  # pragma: no cover - vendored copies
        ver = "?"
    st = model_file.stat()
    raw = f"{_CACHE_FORMAT}|{ver}|{model_file}|{st.st_size}|{st.st_mtime_ns}|{','.join(langs)}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def _write_restricted(dest: Path, model_file: Path, langs: tuple[str, ...]) -> None:
    """Decompress the packaged model once and keep only what the 9 languages need."""
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(model_file)
    idx = [i for i, c in enumerate(classes) if c in langs]
    tmp = dest.with_name(dest.name + f".tmp{os.getpid()}")
    tmp.mkdir(parents=True, exist_ok=True)
    np.save(tmp / "ptc.npy", np.ascontiguousarray(np.asarray(ptc)[:, idx], dtype=np.float32))
    np.save(tmp / "pc.npy", np.asarray(pc)[idx].astype(np.float32))
    np.save(tmp / "nextmove.npy", np.frombuffer(nextmove, dtype=np.uint32 if nextmove.itemsize == 4 else np.uint16))
    rowbase = np.frombuffer(row, dtype=np.uint16 if row.itemsize == 2 else np.uint32).astype(np.int64) << 8
    np.save(tmp / "rowbase.npy", rowbase.astype(np.uint32))
    np.save(tmp / "output.npy", np.asarray(output, dtype=np.int32))
    (tmp / "classes.json").write_text(json.dumps([classes[i] for i in idx]))
    try:
        tmp.rename(dest)
    except OSError:  # another process won the race
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


def _load_restricted(path: Path) -> Any:
    import numpy as np
    import py3langid.langid as L

    def mm(name: str) -> Any:
        return np.load(path / name, mmap_mode="r")

    ident = L.LanguageIdentifier.__new__(L.LanguageIdentifier)
    ident.min_confidence = None
    ident.nb_ptc = mm("ptc.npy")
    ident.nb_pc = np.array(mm("pc.npy"))
    ident.nb_classes = json.loads((path / "classes.json").read_text())
    # memoryviews index like lists (the DFA walk does one lookup per byte), without
    # copying the 40 MB transition table into Python objects
    ident.tk_nextmove = memoryview(mm("nextmove.npy"))
    ident._rowbase = memoryview(mm("rowbase.npy"))
    ident.tk_output = memoryview(mm("output.npy"))
    ident.tk_row = None
    ident._norm_probs = True
    ident._full_model = ident.nb_ptc, ident.nb_pc, ident.nb_classes
    ident._set_alias_pairs()
    return ident


@cache
def _identifier() -> Any:
    import py3langid.langid as L

    model_file = L.MODEL_DIR / L.MODEL_FILE
    langs = tuple(sorted(SUPPORTED_LANGUAGES))
    try:
        path = cache_dir() / f"langid-{_model_key(model_file, langs)}"
        if not (path / "classes.json").is_file():
            _write_restricted(path, model_file, langs)
        return _load_restricted(path)
    except (OSError, ValueError, KeyError):
        ident = L.LanguageIdentifier.from_model_file(model_file, norm_probs=True)
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


def rank(text: str, max_chars: int = 4000) -> list[tuple[str, float]]:
    """Every supported language with its probability, best first."""
    return [(str(lang), float(p)) for lang, p in _identifier().rank(text[:max_chars])]
