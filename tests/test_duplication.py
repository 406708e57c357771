"""Repetition inside an article: DUP001-DUP004 and the Gopher repetition scores."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.model import Article
from audit.score.repetition import GOPHER_THRESHOLDS, analyse
from audit.text import Doc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(text: str, select: str = "DUP", lang: str = "en"):
    return Auditor(select=[select]).audit(Article(id="x", text=text, lang=lang))


def test_repeated_sentence_points_at_the_first_copy() -> None:
    first = "Rząd przyjął projekt budżetu po długiej debacie."
    text = f"{first} Opozycja opuściła salę. {first.upper()}  Posłowie wrócili wieczorem."
    r = run(text, "DUP001", "pl")
    (f,) = r.findings
    assert f.evidence == first.upper()
    assert (f.data["first_start"], f.data["first_end"]) == (0, len(first))
    assert "line 1" in f.message


def test_short_repeated_sentences_are_not_flagged() -> None:
    assert not run("Nikt nie zginął. Pożar ugaszono. Nikt nie zginął.", "DUP001", "pl").findings


def test_repeated_paragraph_flags_the_later_copy_only() -> None:
    p1 = "Heavy rain flooded the old town on Sunday and closed two bridges."
    p2 = "Firefighters pumped water from cellars until late at night."
    text = f"{p1}\n\n{p2}\n\n{p1}"
    r = run(text)
    assert [(f.check, f.start) for f in r.findings if f.check in ("DUP001", "DUP002")] == [
        ("DUP002", text.rindex(p1))]
    assert r.scores["repetition_dup_para_frac"] == round(1 / 3, 4)
    assert r.scores["repetition_dup_para_char_frac"] == round(len(p1) / len(text), 4)


def test_gopher_line_fractions_over_threshold() -> None:
    line = "Breaking news from the city centre."
    text = "\n".join([line, line, line, "Police closed the main square on Friday evening."])
    r = run(text, "DUP003")
    measures = {f.data["measure"]: f for f in r.findings}
    assert set(measures) == {"repetition_dup_line_frac", "repetition_dup_line_char_frac",
                             "repetition_dup_para_frac", "repetition_dup_para_char_frac"}
    f = measures["repetition_dup_line_frac"]
    assert f.data["value"] == 0.5 and f.data["threshold"] == GOPHER_THRESHOLDS["repetition_dup_line_frac"]
    assert f.start == len(line) + 1  # the first repeated copy


def test_gopher_ngram_measures_catch_keyword_stuffing() -> None:
    stuffed = " ".join(["best cheap flights to Rome"] * 20) + " " + " ".join(f"word{i}" for i in range(50))
    r = run(stuffed, "DUP004")
    measures = {f.data["measure"] for f in r.findings}
    assert "repetition_top_2gram" in measures and "repetition_dup_5gram" in measures
    assert r.scores["repetition_dup_10gram"] > GOPHER_THRESHOLDS["repetition_dup_10gram"]


def test_dup_ngram_fraction_by_hand() -> None:
    # "a b c d e" twice: the second 5-gram repeats the first -> 5 chars of 19
    text = "a b c d e a b c d e"
    sc = analyse(Doc(text)).scores
    assert sc["repetition_dup_5gram"] == round(5 / len(text), 4)
    assert sc["repetition_top_2gram"] == round(len("a b") * 2 / len(text), 4)


def test_the_seeds_are_not_repetitive() -> None:
    auditor = Auditor(select=["DUP"])
    for p in sorted(SEEDS.glob("*.txt")):
        r = auditor.audit(Article(id=p.stem, text=p.read_text(encoding="utf-8")))
        assert not r.findings, (p.name, [(f.check, f.evidence[:40]) for f in r.findings])
        assert all(r.scores[k] <= t for k, t in GOPHER_THRESHOLDS.items())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Ala ma kota.", "Kot ma Alę i psa.", "\n", "\n\n", " ", "x y z w v u."]), max_size=30))
def test_repeats_point_backwards_and_fractions_are_shares(parts: list[str]) -> None:
    text = "".join(parts)
    a = analyse(Doc(text))
    for rep in a.repeats:
        assert rep.first[1] <= rep.span[0] <= rep.span[1] <= len(text)
    assert all(0.0 <= v <= 1.0 for v in a.scores.values())
    assert set(a.scores) == set(GOPHER_THRESHOLDS)
