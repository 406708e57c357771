"""Vale-style fixtures of the boilerplate family: ``tests/data/boilerplate/<lang>.toml`` lists, per
language, lines that real news sites leave in scraped text (``flagged``, each with its ``kind``)
and real article sentences that use the same words (``clean``).

Every flagged line, placed inside a realistic two-paragraph article of its language (between the
paragraphs and after them), must be reported by a BP check with the line as its evidence -- at
``warning`` or above, except lone photo credits, which the family reports at ``info`` by rule
(BP002: "a lone photo credit is minor"). No other BP finding may appear in that article, and no
BP finding at all in an article holding a clean line. The lines were written for these tests
from knowledge of news sites in each language, none is taken from tests/corpus.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from audit.check.engine import Auditor
from audit.fix import apply_fixes
from audit.lexicons import SUPPORTED_LANGUAGES
from audit.model import Article, Finding, Severity

DATA = Path(__file__).resolve().parent / "data" / "boilerplate"
AUDITOR = Auditor(select=["BP"])
#: the family's minor kinds (``info`` by the severity rule of the BP docstrings)
INFO_KINDS = {"credit": "BP002", "continuation": "BP006"}
#: kinds every language's fixture covers: the leftovers of issue #3 (follow/subscribe prompts,
#: newsletter, paywall, consent, donations, share rows, comments, teasers, galleries, credits,
#: footers, ads, tags, contacts, update stamps, reading time, audio players, print UI, apps)
REQUIRED_KINDS = {"follow", "newsletter", "paywall", "cookies", "donate", "share", "comment", "read_more", "gallery",
                  "video", "credit", "caption", "copyright", "continuation", "ad", "tags", "contact", "update",
                  "reading_time", "listen", "print", "app"}
_SEV = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@cache
def fixture(lang: str) -> dict[str, Any]:
    with (DATA / f"{lang}.toml").open("rb") as fh:
        return tomllib.load(fh)


def _flagged() -> list[Any]:
    return [pytest.param(lang, it["text"], it["kind"], id=f"{lang}-{i:02d}-{it['kind']}")
            for lang in SUPPORTED_LANGUAGES for i, it in enumerate(fixture(lang)["flagged"])]


def _clean() -> list[Any]:
    return [pytest.param(lang, line, id=f"{lang}-{i:02d}")
            for lang in SUPPORTED_LANGUAGES for i, line in enumerate(fixture(lang)["clean"])]


def article(lang: str, line: str, where: str) -> tuple[str, int]:
    """The fixture's two paragraphs with ``line`` between them or after them, and its offset."""
    p1, p2 = fixture(lang)["article"]
    if where == "between":
        return f"{p1}\n\n{line}\n\n{p2}\n", len(p1) + 2
    return f"{p1}\n\n{p2}\n\n{line}\n", len(p1) + len(p2) + 4


def bp_findings(text: str, lang: str) -> list[Finding]:
    return AUDITOR.audit(Article(id="fixture", text=text, lang=lang)).findings


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_fixture_file_is_complete(lang: str) -> None:
    data = fixture(lang)
    p1, p2 = data["article"]
    assert len(p1.split()) >= 15 and len(p2.split()) >= 15, "two realistic paragraphs"
    kinds = {it["kind"] for it in data["flagged"]}
    assert REQUIRED_KINDS <= kinds, f"{lang}: missing kinds {sorted(REQUIRED_KINDS - kinds)}"
    assert len(data["clean"]) >= 10
    texts = [it["text"] for it in data["flagged"]] + data["clean"]
    assert len(texts) == len(set(texts)), "duplicate line"
    assert all("\n" not in t and t == t.strip() for t in texts), "one trimmed line each"


@pytest.mark.parametrize("where", ["between", "after"])
@pytest.mark.parametrize(("lang", "line", "kind"), _flagged())
def test_flagged_line_is_reported(lang: str, line: str, kind: str, where: str) -> None:
    text, at = article(lang, line, where)
    found = bp_findings(text, lang)
    on_line = [f for f in found if f.evidence.strip() == line and f.start == at]
    assert on_line, f"not reported: {line!r}; findings: {[(f.check, f.evidence) for f in found]}"
    f = on_line[0]
    if kind in INFO_KINDS:
        assert f.check == INFO_KINDS[kind], (f.check, f.message)
    else:
        assert _SEV[f.severity] >= _SEV[Severity.WARNING], (f.check, f.severity, f.message)
    assert f.message and f.category == "boilerplate"
    # nothing else in the article is reported, and the fix leaves exactly the two paragraphs
    assert [(g.check, g.start) for g in found] == [(f.check, f.start)], [(g.check, g.evidence) for g in found]
    fixed, _ = apply_fixes(text, found)
    p1, p2 = fixture(lang)["article"]
    assert fixed.rstrip("\n") == f"{p1}\n\n{p2}"


@pytest.mark.parametrize("where", ["between", "after"])
@pytest.mark.parametrize(("lang", "line"), _clean())
def test_clean_line_is_not_reported(lang: str, line: str, where: str) -> None:
    text, _ = article(lang, line, where)
    found = bp_findings(text, lang)
    assert not found, [(f.check, f.evidence, f.message) for f in found]
