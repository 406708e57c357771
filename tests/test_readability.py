"""Readability: LIX from the shared segmentation, the same for every language, never the network."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from audit.check.engine import Auditor
from audit.model import Article
from audit.score.readability import lix
from audit.text import Doc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_lix_by_hand() -> None:
    # 9 words, 2 sentences, 4 long words (>6 letters: newspaper, published, everyone, yesterday)
    d = Doc("The newspaper published the story. Everyone read it yesterday.")
    assert d.words and len(d.sentences) == 2
    assert lix(d) == round(9 / 2 + 100 * 4 / 9, 2) == 48.94


def test_numbers_are_not_words_and_empty_text_has_no_score() -> None:
    assert lix(Doc("In 2019 prices rose.")) == round(3 / 1 + 0, 2)
    assert lix(Doc("")) is None
    assert lix(Doc("2019 — 2020")) is None


@pytest.mark.parametrize("text", [
    "Ala ma kota. Kot ma Alę i psa.",
    "Президентът подписа указа. Депутатите гласуваха единодушно законопроекта.",
    "Guvernul a aprobat bugetul. Parlamentul dezbate modificările săptămâna viitoare.",
])
def test_lix_agrees_with_textstat_offline(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat.lix computes the same formula; it is safe offline (no syllables, no cmudict)."""
    def refuse(*args: object, **kw: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    textstat = pytest.importorskip("textstat")
    assert lix(Doc(text)) == pytest.approx(textstat.lix(text), abs=0.01)


def test_scores_name_the_formula_for_every_language() -> None:
    auditor = Auditor(select=["STR001"])
    for p in sorted(SEEDS.glob("*.txt")):
        r = auditor.audit(Article(id=p.stem, text=p.read_text(encoding="utf-8")))
        assert r.scores["readability_formula"] == "LIX"
        assert 20 < r.scores["readability"] < 90, (p.name, r.scores["readability"])


def test_auditing_needs_no_network_and_never_imports_textstat(tmp_path: Path) -> None:
    """A fresh interpreter with sockets disabled audits the seeds (every check, every scorer)."""
    code = f"""
import socket, sys
def refuse(*a, **k):
    raise SystemExit("network access attempted: %r" % (a,))
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from pathlib import Path
from audit.check.engine import Auditor
from audit.model import Article
auditor = Auditor()
for p in sorted(Path({str(SEEDS)!r}).glob("*.txt")):
    r = auditor.audit(Article(id=p.stem, text=p.read_text(encoding="utf-8")))
    assert r.scores["readability_formula"] == "LIX", r.scores
    assert "internal_errors" not in r.scores or not any("readability" in e for e in r.scores["internal_errors"])
assert "textstat" not in sys.modules, "textstat was imported"
assert "nltk" not in sys.modules, "nltk was imported"
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")
