"""Invariants every input must keep, shared by the atheris harnesses (``fuzz_*.py``) and
the hypothesis tests (``tests/test_fuzz_properties.py``). Each function returns the list of
broken invariants (empty when all hold), so a harness can raise with a readable message.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

from audit.model import Article, ArticleResult, InputError

#: BOMs that make the loader switch away from UTF-8 (then line counting differs)
_OTHER_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def field_value(article: Article, name: str) -> str | None:
    """The text a finding's ``field`` indexes."""
    if name in ("text", "title", "author", "source", "url", "lang", "published", "id"):
        return getattr(article, name)
    v = article.extra.get(name)
    return v if isinstance(v, str) else None


def result_problems(article: Article, result: ArticleResult, *, allow_timeout: bool = False) -> list[str]:
    """Spans inside their field, evidence equal to the field at the span, no internal
    error, no timeout (unless allowed), the result about the article it was given."""
    problems: list[str] = []
    if result.article is not article and result.article.id != article.id:
        problems.append(f"result for {result.article.id!r}, not {article.id!r}")
    for e in result.errors:
        if e.startswith("timeout") and allow_timeout:
            continue
        problems.append(f"error: {e}")
    for f in result.findings:
        value = field_value(article, f.field)
        if value is None:
            problems.append(f"{f.check}: finding on field {f.field!r} which the article does not have")
            continue
        if not (0 <= f.start <= f.end <= len(value)):
            problems.append(f"{f.check}: span {f.start}:{f.end} outside {f.field} of length {len(value)}")
            continue
        if value[f.start : f.end] != f.evidence:
            problems.append(f"{f.check}: evidence {f.evidence!r} != {f.field}[{f.start}:{f.end}] "
                            f"{value[f.start:f.end]!r}")
        if not isinstance(f.message, str) or not f.message or "\n" in f.message:
            problems.append(f"{f.check}: message is not one line: {f.message!r}")
    return problems


def stream_problems(items: list[Any], expected: int | None) -> list[str]:
    """Loader output: Article or InputError items only, indexes 0..n-1 in order, one-line
    error messages, and (when known) exactly ``expected`` items."""
    problems: list[str] = []
    for i, it in enumerate(items):
        if not isinstance(it, Article | InputError):
            problems.append(f"item {i} is a {type(it).__name__}")
            continue
        if it.origin is None or it.origin.index != i:
            problems.append(f"item {i} has origin index {getattr(it.origin, 'index', None)}")
        if isinstance(it, InputError) and ("\n" in it.message or not it.message):
            problems.append(f"item {i}: error message is not one line: {it.message!r}")
        if isinstance(it, Article) and not isinstance(it.text, str):
            problems.append(f"item {i}: text is a {type(it.text).__name__}")
    if expected is not None and len(items) != expected:
        problems.append(f"{len(items)} items for {expected} records")
    return problems


def jsonl_record_count(data: bytes) -> int | None:
    """How many records a JSONL reader must yield for ``data``: one per line that is not
    blank (a line whose bytes do not decode is a record: an InputError). ``None`` when
    a UTF-16/32 BOM switches the encoding (then the loader decodes the stream whole)."""
    if data.startswith(_OTHER_BOMS):
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    n = 0
    for raw in data.split(b"\n"):
        if raw == b"":
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            n += 1
            continue
        if not line.isspace():
            n += 1
    return n


def fail_on(problems: list[str], context: str = "") -> None:
    """Raise with the first five broken invariants (a harness's crash report), if any."""
    if problems:
        raise AssertionError(context + "; ".join(problems[:5]))


def fuzz(test_one_input: Callable[[bytes], None]) -> None:
    """Run an atheris harness with the command line's options (``main`` of each ``fuzz_*.py``)."""
    import sys

    import atheris

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
