"""Language identification and the LNG checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check import langid
from audit.check.engine import Auditor
from audit.model import Article

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
SEED_LANG = {"000": "pl", "001": "pl", "002": "pl", "003": "bg", "004": "ro"}
AUDITOR = Auditor(select=["language"])

TEXTS = {
    "pl": "Prezydent Rosji spotkał się w środę z przywódcą Korei Północnej na kosmodromie. Rozmowy trwały prawie dwie godziny, po czym delegacje udały się na obiad.",
    "bg": "Руският президент обеща да помогне на Северна Корея да изстреля сателити, а севернокорейският лидер го увери, че Москва ще получи пълната му подкрепа.",
    "ro": "Liderul Coreei de Nord ar fi dispus să încheie un acord cu liderul rus privind furnizarea de arme, a declarat luni un oficial senior al Casei Albe.",
    "en": "The two leaders met at the cosmodrome in the Far East, where they held talks for several hours before moving to a lunch with their delegations.",
    "de": "Die beiden Staatschefs trafen sich auf dem Weltraumbahnhof im Fernen Osten, wo sie mehrere Stunden lang verhandelten und danach gemeinsam zu Mittag aßen.",
    "es": "Los dos líderes se reunieron en el cosmódromo del Lejano Oriente, donde mantuvieron conversaciones durante varias horas antes de almorzar con sus delegaciones.",
    "fr": "Les deux dirigeants se sont rencontrés au cosmodrome de l'Extrême-Orient, où ils ont discuté pendant plusieurs heures avant de déjeuner avec leurs délégations.",
    "ru": "Два лидера встретились на космодроме на Дальнем Востоке, где несколько часов вели переговоры, а затем отправились на обед со своими делегациями.",
    "uk": "Двоє лідерів зустрілися на космодромі на Далекому Сході, де кілька годин вели переговори, а потім вирушили на обід зі своїми делегаціями.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_detect_each_language(lang: str) -> None:
    got, prob = langid.detect(TEXTS[lang])
    assert got == lang and prob > 0.9


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_detect_seeds(path: Path) -> None:
    assert langid.detect(path.read_text(encoding="utf-8"))[0] == SEED_LANG[path.name[:3]]


def test_too_little_text_is_not_identified() -> None:
    assert langid.detect("OK 12 3") == (None, 0.0)


def test_cached_model_matches_the_packaged_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import py3langid.langid as L

    monkeypatch.setenv("NEWSAUDIT_CACHE_DIR", str(tmp_path))
    langid._identifier.cache_clear()
    try:
        cached = langid._identifier()
        assert any(p.name.startswith("langid-") for p in tmp_path.iterdir())
        ref = L.LanguageIdentifier.from_model_file(L.MODEL_DIR / L.MODEL_FILE, norm_probs=True)
        ref.set_languages(list(langid.SUPPORTED_LANGUAGES))
        for text in TEXTS.values():
            a, b = cached.classify(text), ref.classify(text)
            assert a[0] == b[0] and abs(a[1] - b[1]) < 1e-4
    finally:
        langid._identifier.cache_clear()


def test_unwritable_cache_falls_back_to_the_packaged_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSAUDIT_CACHE_DIR", str(blocker / "sub"))
    langid._identifier.cache_clear()
    try:
        assert langid.detect(TEXTS["de"])[0] == "de"
    finally:
        langid._identifier.cache_clear()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_in_their_language_are_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert AUDITOR.audit(Article(id="s", text=text, lang=SEED_LANG[path.name[:3]])).findings == []
    assert AUDITOR.audit(Article(id="s", text=text)).findings == []


@pytest.mark.parametrize("declared,actual", [("pl", "ru"), ("ru", "uk"), ("bg", "ru"), ("de", "en"),
                                             ("ro", "fr"), ("es", "pl"), ("uk", "bg"), ("fr", "es")])
def test_declared_language_mismatch(declared: str, actual: str) -> None:
    text = TEXTS[actual] + " " + TEXTS[actual]
    found = AUDITOR.audit(Article(id="a", text=text, lang=declared)).findings
    (f,) = [f for f in found if f.check == "LNG001"]
    assert f.data["detected"] == actual and f.data["declared"] == declared
    assert f"declared as '{declared}'" in f.message
    assert text[f.start : f.end] == f.evidence


def test_short_text_is_not_judged() -> None:
    assert AUDITOR.audit(Article(id="a", text="Президент встретился.", lang="pl")).findings == []


@pytest.mark.parametrize("article,foreign", [("pl", "en"), ("bg", "en"), ("ro", "de"), ("de", "fr"), ("ru", "en")])
def test_foreign_paragraph(article: str, foreign: str) -> None:
    text = "\n\n".join([TEXTS[article], TEXTS[foreign], TEXTS[article], TEXTS[article]])
    found = [f for f in AUDITOR.audit(Article(id="a", text=text, lang=article)).findings if f.check == "LNG002"]
    assert [f.evidence for f in found] == [TEXTS[foreign]]
    assert found[0].data["paragraph"] == foreign


def test_quoted_foreign_paragraph_is_fine() -> None:
    text = "\n\n".join([TEXTS["pl"], f"Rzecznik powiedział: „{TEXTS['en']}”.", TEXTS["pl"]])
    assert AUDITOR.audit(Article(id="a", text=text, lang="pl")).findings == []


@settings(max_examples=100, deadline=None)
@given(st.text(), st.sampled_from([None, "pl", "en", "bg"]))
def test_language_spans_are_in_the_text(text: str, lang: str | None) -> None:
    for f in AUDITOR.audit(Article(id="h", text=text, lang=lang)).findings:
        assert text[f.start : f.end] == f.evidence
