"""The check framework's contracts: registry, selection, findings, segmentation, fixes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.check.base import UnknownSelector, registry, select_checks
from audit.fix import apply_fixes
from audit.model import Category, Finding, Severity
from audit.text import Doc


def test_every_check_has_a_valid_identity() -> None:
    names = set()
    for code, cls in registry().items():
        assert cls.code == code
        assert cls.name and cls.name == cls.name.lower() and " " not in cls.name
        assert Category(cls.category)
        assert Severity(cls.severity)
        assert cls.name not in names, f"duplicate check name {cls.name}"
        names.add(cls.name)


def test_select_by_code_prefix_category_and_ignore() -> None:
    all_codes = set(registry())
    assert {c.code for c in select_checks([])} == all_codes
    assert {c.code for c in select_checks(["STR001"])} == {"STR001"}
    assert all(c.code.startswith("STR") for c in select_checks(["STR"]))
    assert all(c.category == "structure" for c in select_checks(["structure"]))
    assert "STR001" not in {c.code for c in select_checks([], ["STR001"])}
    with pytest.raises(UnknownSelector):
        select_checks(["NOPE999"])


def test_finding_rejects_spans_outside_the_text() -> None:
    with pytest.raises(ValueError):
        Finding.at("abc", 2, 5, check="X", category="encoding", severity="error", message="m")


@given(st.text(), st.data())
def test_finding_evidence_equals_the_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    f = Finding.at(text, start, end, check="X", category="encoding", severity="info", message="m")
    assert f.evidence == text[start:end]
    assert Finding.from_dict(f.to_dict()) == f


@given(st.text())
def test_segmentation_spans_lie_inside_the_text_in_order(text: str) -> None:
    d = Doc(text)
    for spans in (d.lines, d.paragraphs, d.sentences, d.words, d.nonblank_lines):
        prev = 0
        for s, e in spans:
            assert 0 <= s <= e <= len(text)
            assert s >= prev
            prev = e
    for s, e in d.sentences:
        assert text[s:e] == text[s:e].strip()
        assert s < e


@given(st.text(min_size=1), st.data())
def test_line_col_roundtrips(text: str, data: st.DataObject) -> None:
    d = Doc(text)
    off = data.draw(st.integers(0, len(text) - 1))
    line, col = d.line_col(off)
    ls, _ = d.lines[line - 1] if d.lines else (0, 0)
    assert ls + col - 1 == off


def test_sentences_respect_abbreviations_and_initials() -> None:
    d = Doc("Rezolucje zabraniają Korei Płn. przeprowadzania testów. J. Kirby powiedział to.",
            "pl", abbreviations=frozenset({"płn"}))
    assert [d.span_text(s) for s in d.sentences] == [
        "Rezolucje zabraniają Korei Płn. przeprowadzania testów.",
        "J. Kirby powiedział to.",
    ]


@given(st.text(), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10), st.text(max_size=5)), max_size=6))
def test_apply_fixes_keeps_unedited_text(text: str, edits: list[tuple[int, int, str]]) -> None:
    findings = []
    for start, length, repl in edits:
        s = min(start, len(text))
        e = min(s + length, len(text))
        findings.append(Finding.at(text, s, e, check="X", category="encoding", severity="error",
                                   message="m", replacement=repl))
    fixed, applied = apply_fixes(text, findings)
    # rebuild from the applied edits: the result must be exactly that
    out, pos = [], 0
    for ed in applied:
        assert ed["start"] >= pos
        out += [text[pos : ed["start"]], ed["after"]]
        pos = ed["end"]
    out.append(text[pos:])
    assert fixed == "".join(out)


def test_docs_checks_page_is_generated_from_the_checks() -> None:
    from pathlib import Path

    from audit.check.docs import render_markdown

    page = Path(__file__).resolve().parent.parent / "docs" / "checks.md"
    expected = render_markdown(select_checks([]))
    assert page.read_text(encoding="utf-8").rstrip("\n") == expected.rstrip("\n"), (
        "docs/checks.md is stale: run `nox -s docs`"
    )
