"""Languages are data: every cue phrase lives in a TOML file, one per family and language.

Layout: ``audit/lexicons/<family>/<lang>.toml`` (``<lang>`` is an ISO 639-1 code, or
``any`` for cues that are language-independent). Adding a language to a family is
adding one file there, plus its fixtures under ``tests/lexicons/<family>/<lang>/``.

>>> sorted(SUPPORTED_LANGUAGES)[:3]
['bg', 'de', 'en']
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

#: The languages newsaudit commits to support (issue #2 and #3).
SUPPORTED_LANGUAGES: tuple[str, ...] = ("pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk")


class LexiconError(ValueError):
    """A lexicon file is malformed: names the file and the problem."""


def lexicon_file(family: str, name: str) -> Any:
    """A file shipped in a family's folder (``<lang>.toml``, or a file built from it)."""
    return resources.files(__name__).joinpath(family, name)


@cache
def load(family: str, lang: str) -> dict[str, Any]:
    """The lexicon of one family for one language; ``{}`` when the language has none."""
    ref = lexicon_file(family, f"{lang}.toml")
    if not ref.is_file():
        return {}
    try:
        return tomllib.loads(ref.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"audit/lexicons/{family}/{lang}.toml: {exc}") from exc


@cache
def languages(family: str) -> tuple[str, ...]:
    """The languages a family has a lexicon for (``any`` excluded), sorted."""
    d = resources.files(__name__).joinpath(family)
    if not d.is_dir():
        return ()
    return tuple(
        sorted(p.name[:-5] for p in d.iterdir() if p.name.endswith(".toml") and p.name != "any.toml")
    )


def load_all(family: str) -> dict[str, dict[str, Any]]:
    """Every language's lexicon of a family (``any`` included when present)."""
    out = {lang: load(family, lang) for lang in languages(family)}
    extra = load(family, "any")
    if extra:
        out["any"] = extra
    return out
