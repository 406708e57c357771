"""Encoding checks (ENC001–ENC007; ENC007 in test_encoding_surrogates.py) on clean and damaged text in the supported languages."""

from __future__ import annotations

from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-* codecs for the fixtures)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.fix import apply_fixes
from audit.model import Article

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
AUDITOR = Auditor(select=["encoding"])

CLEAN = {
    "pl": "Rezolucje ONZ zabraniają Korei Północnej testów z bronią jądrową. Źródło: „Gazeta” – żółć, łódź, gęślą jaźń… CZĘŚCI, MĘŻCZYZN, PÓŁNOC.",
    "ru": "Президент России Владимир Путин встретился с лидером «Северной Кореи» — Ким Чен Ыном. Ещё объявил: «ёж»… «КНДР», ЕЁ.",
    "ro": "Liderul Coreei de Nord ar fi dispus să încheie un acord. Ţara şi ţările, forțele ruse încearcă „modernizarea”. ÎNCĂ ȘI ŢARA.",
    "de": "Die Bundesregierung äußerte sich über die Größe der Übung. „Wir prüfen das“, sagte ein Sprecher – am Dienstag. FUSSBALL, Fuß“.",
    "fr": "Le président a déclaré « nous sommes prêts » à l’Élysée, où ça s’est passé ; c’était l’œuvre. N° 5, 20 °C.",
    "uk": "Президент України Володимир Зеленський заявив, що ґрунт і їжак є «важливими» — сказав він. ВІРІ, Рівне, ПриватБанк.",
    "es": "El presidente español dijo que «la situación» es difícil, según ¿qué? ¡Año nuevo! Pingüino, nº 3.",
    "bg": "Руският президент обеща да помогне на Северна Корея в „свещената“ война със Запада ѝ. Снимки: БТА/АП",
    "en": "The minister said “we’re ready” — it’s the 3rd time; café, naïve, résumé. AT&T and R&D, a < b, <3.",
}
LATIN = {"pl", "ro", "de", "fr", "es", "en"}


def enc_findings(text: str, lang: str | None = None) -> list:
    return AUDITOR.audit(Article(id="t", text=text, lang=lang)).findings


def garble(text: str, codepage: str, errors: str = "strict") -> str:
    return text.encode("utf-8").decode(codepage, errors=errors)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_raise_no_encoding_finding(path: Path) -> None:
    assert enc_findings(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_clean_text_is_never_flagged(lang: str) -> None:
    assert enc_findings(CLEAN[lang], lang) == []
    assert enc_findings(CLEAN[lang]) == []


# lossless mis-decodings: applying every replacement restores the original exactly
LOSSLESS = ["sloppy-windows-1252", "latin-1", "sloppy-windows-1250", "sloppy-windows-1251"]


@pytest.mark.parametrize("codepage", LOSSLESS)
@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_utf8_misread_is_flagged_and_repaired(lang: str, codepage: str) -> None:
    original = CLEAN[lang]
    bad = garble(original, codepage)
    for declared in (lang, None):
        found = [f for f in enc_findings(bad, declared) if f.check == "ENC001"]
        if lang == "en" and codepage != "latin-1" and bad == original:
            continue
        assert found, (lang, codepage)
        for f in found:
            assert bad[f.start : f.end] == f.evidence
            assert f.replacement is not None
            assert "UTF-8 read as" in f.message
        fixed, _ = apply_fixes(bad, found)
        assert fixed == original, (lang, codepage, declared)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("codepage", ["sloppy-windows-1252", "sloppy-windows-1250", "latin-1", "sloppy-windows-1251"])
def test_seeds_misread_are_repaired(seed: Path, codepage: str) -> None:
    original = seed.read_text(encoding="utf-8")
    bad = garble(original, codepage)
    found = [f for f in enc_findings(bad) if f.check == "ENC001"]
    fixed, _ = apply_fixes(bad, found)
    assert fixed == original


@pytest.mark.parametrize("codepage", ["cp1252", "cp1250", "cp1253"])
@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_lossy_misread_is_flagged_on_every_damaged_word(lang: str, codepage: str) -> None:
    """With errors='replace' bytes are lost: every damaged word is still inside a finding."""
    original = CLEAN[lang]
    bad = garble(original, codepage, errors="replace")
    if bad == original:
        return
    found = enc_findings(bad, lang)
    covered = set()
    for f in found:
        assert f.check in ("ENC001", "ENC002", "ENC003")
        covered.update(range(f.start, f.end))
    ob, bb = original.split(), bad.split()
    # compare word by word where the word counts agree (NBSP loss can merge words)
    if len(ob) == len(bb):
        pos = 0
        for o, b in zip(ob, bb, strict=True):
            i = bad.index(b, pos)
            pos = i + len(b)
            if o != b:
                damaged = [k for k in range(i, i + len(b)) if not bad[k].isascii()]
                assert any(k in covered for k in damaged), (lang, codepage, b)
    assert found


@pytest.mark.parametrize("seed", SEEDS[:3], ids=lambda p: p.name)
def test_polish_seeds_in_iso_8859_2_read_as_latin1(seed: Path) -> None:
    original = seed.read_text(encoding="utf-8")
    bad = original.encode("iso-8859-2", errors="replace").decode("latin-1")
    found = [f for f in enc_findings(bad, "pl") if f.check == "ENC001"]
    assert found
    assert all("ISO-8859-2 text read as Latin-1" in f.message for f in found)
    word = next(f for f in found if f.evidence == "Pó³nocnej" or "³" in f.evidence)
    assert "ł" in (word.replacement or "")


def test_message_names_the_codepage_and_the_repair() -> None:
    bad = garble("Wojska Korei Północnej", "sloppy-windows-1250")
    (f,) = enc_findings(bad, "pl")
    assert f.evidence == "PĂłĹ‚nocnej"
    assert f.replacement == "Północnej"
    assert f.message == "Mojibake: looks like UTF-8 read as Windows-1250; should read «Północnej»."


@pytest.mark.parametrize("text,evidence", [
    ("Prezydent spotka\ufffd si\ufffd\ufffd z premierem.", ["\ufffd", "\ufffd\ufffd"]),
    ("Президент \ufffd\ufffd\ufffd встретился.", ["\ufffd\ufffd\ufffd"]),
])
def test_replacement_characters(text: str, evidence: list[str]) -> None:
    found = [f for f in enc_findings(text) if f.check == "ENC002"]
    assert [f.evidence for f in found] == evidence
    assert all("lost" in f.message and f.replacement is None for f in found)


def test_control_characters() -> None:
    text = "The minister didn\x92t comment.\x1b Der Text\x00 endet."
    found = [(f.check, f.evidence, f.replacement) for f in enc_findings(text)]
    # the C1 character is Windows-1252 read as Latin-1: ENC001 repairs its word
    assert found == [("ENC001", "didn\x92t", "didn’t"), ("ENC003", "\x1b", ""), ("ENC003", "\x00", "")]
    fixed, _ = apply_fixes("Zeichen \x85 und \x07.", enc_findings("Zeichen \x85 und \x07."))
    assert fixed == "Zeichen … und ."
    assert enc_findings("Tab\tand\nnew\r\nlines are fine.") == []


def test_invisible_characters() -> None:
    text = "Premierul a anunțat\u200b\u200b noile măsuri\ufeff miercuri. Sil\u00ad\u00adben, Nach\u00adrichten \u202eabc\u202c"
    found = [(f.evidence, f.replacement) for f in enc_findings(text) if f.check == "ENC004"]
    assert found == [("\u200b\u200b", ""), ("\ufeff", ""), ("\u00ad\u00ad", ""), ("\u202e", ""), ("\u202c", "")]
    # joiners needed by a script or an emoji sequence, RTL marks in RTL text: left alone
    assert enc_findings("می\u200cخواهم 👩\u200d💻 and \u200fשלום\u200e ok") == []


def test_html_entities() -> None:
    text = "Le ministre a d&eacute;clar&eacute; &amp;quot;oui&amp;quot; l&#8217;an&nbsp;dernier, AT&T et R&D, &foo;."
    found = [(f.evidence, f.replacement) for f in enc_findings(text) if f.check == "ENC005"]
    assert found == [("&eacute;", "é"), ("&eacute;", "é"), ("&amp;quot;", '"'), ("&amp;quot;", '"'),
                     ("&#8217;", "’"), ("&nbsp;", "\u00a0")]
    fixed, _ = apply_fixes(text, [f for f in enc_findings(text) if f.check == "ENC005"])
    assert fixed == 'Le ministre a déclaré "oui" l’an\u00a0dernier, AT&T et R&D, &foo;.'


def test_html_tags() -> None:
    text = ('<p>Der Bundestag hat <a href="https://x.de/a?b=1">das Gesetz</a> beschlossen.</p><p>Die Opposition '
            'stimmte dagegen.<br/>Mehr</p><script>var a = 1 < 2;</script> Wenn a < b und x<y, dann <3.')
    found = [f for f in enc_findings(text) if f.check == "ENC006"]
    assert [f.evidence for f in found] == ["<p>", '<a href="https://x.de/a?b=1">', "</a>", "</p>", "<p>", "<br/>",
                                           "</p>", "<script>var a = 1 < 2;</script>"]
    fixed, _ = apply_fixes(text, found)
    assert fixed == ("Der Bundestag hat das Gesetz beschlossen.\n\nDie Opposition stimmte dagegen.\nMehr\n"
                     " Wenn a < b und x<y, dann <3.")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_spans_lie_in_the_text_and_evidence_matches(text: str) -> None:
    for f in enc_findings(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.evidence


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
       st.sampled_from(["sloppy-windows-1252", "latin-1", "sloppy-windows-1250", "sloppy-windows-1251"]))
def test_spans_hold_on_garbled_arbitrary_text(text: str, codepage: str) -> None:
    bad = garble(text, codepage)
    for f in enc_findings(bad):
        assert bad[f.start : f.end] == f.evidence
