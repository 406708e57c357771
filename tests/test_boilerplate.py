"""BP001-BP007: calls to action, photo credits, captions, repeated titles, copyright debris,
continuation markers and read-more teasers, in every supported language, with their repairs."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from audit.check.engine import Auditor
from audit.fix import apply_fixes
from audit.model import Article

SEEDS = Path(__file__).parent.parent / "seeds"
AUDITOR = Auditor(select=["BP"])


def findings(text: str, lang: str | None, title: str | None = None) -> list:
    doc, _lang, _detected = AUDITOR.make_doc(Article(id="t", text=text, lang=lang, title=title))
    return sorted((f for c in AUDITOR.checks for f in c.run(doc)), key=lambda f: f.start)


def seed(prefix: str) -> str:
    [p] = SEEDS.glob(f"{prefix}_*.txt")
    return p.read_text(encoding="utf-8")


_PARAGRAPHS = tomllib.loads((Path(__file__).parent / "data" / "boilerplate" / "paragraphs.toml").read_text(encoding="utf-8"))
P1: dict[str, str] = _PARAGRAPHS["P1"]
P2: dict[str, str] = _PARAGRAPHS["P2"]

CTA = {
    "en": "Follow us on Google News",
    "pl": "Obserwuj nas w Google News",
    "bg": "Последвайте ни във Facebook",
    "ro": "Ne puteți urmări și pe Google News",
    "de": "Folgen Sie uns auf Instagram",
    "es": "Síguenos en Twitter",
    "fr": "Suivez-nous sur Facebook",
    "ru": "Подписывайтесь на наш Telegram-канал",
    "uk": "Підписуйтеся на наш Telegram-канал",
}
CREDIT = {
    "en": "Photo: Reuters/Toby Melville",
    "pl": "Fot. PAP/Leszek Szymański",
    "bg": "Снимки: БТА/АП",
    "ro": "Sursa foto: Inquam Photos",
    "de": "Foto: dpa",
    "es": "Foto: EFE",
    "fr": "Crédit photo : AFP",
    "ru": "Фото: ТАСС",
    "uk": "Фото: Укрінформ",
}
CAPTION = {
    "en": "Councillors during the vote. Photo: PA",
    "pl": "Radni podczas głosowania. Fot. Agencja Gazeta",
    "bg": "Общинските съветници по време на гласуването. Снимка: БГНЕС",
    "ro": "Consilierii locali la vot. Sursa foto: Dreamstime",
    "de": "Die Stadträte bei der Abstimmung. Foto: picture alliance",
    "es": "Los concejales durante la votación. Foto: Europa Press",
    "fr": "Les élus lors du vote. Photo : Le Parisien",
    "ru": "Депутаты во время голосования. Фото: РИА Новости",
    "uk": "Депутати під час голосування. Фото: Суспільне",
}
COPYRIGHT = {
    "en": "© 2023 Daily Courier. All rights reserved.",
    "pl": "© Gazeta Lokalna. Wszelkie prawa zastrzeżone.",
    "bg": "© 2023 Всички права запазени.",
    "ro": "© 2023 Jurnalul. Toate drepturile rezervate.",
    "de": "© 2023 Stadtanzeiger. Alle Rechte vorbehalten.",
    "es": "© 2023 El Diario. Todos los derechos reservados.",
    "fr": "© Le Journal 2023. Tous droits réservés.",
    "ru": "© 2023 Все права защищены.",
    "uk": "© 2023 Усі права захищені.",
}
LANGS = list(P1)


def sandwich(lang: str, middle: str) -> str:
    return f"{P1[lang]}\n\n{middle}\n\n{P2[lang]}"


def only(hits: list, code: str):
    mine = [f for f in hits if f.check == code]
    assert len(mine) == 1, [(f.check, f.evidence) for f in hits]
    return mine[0]


@pytest.mark.parametrize("lang", LANGS)
def test_call_to_action_line(lang: str) -> None:
    text = sandwich(lang, CTA[lang])
    hits = findings(text, lang)
    f = only(hits, "BP001")
    assert [h.check for h in hits] == ["BP001"]
    assert f.severity == "warning" and f.category == "boilerplate"
    assert f.evidence == CTA[lang] + "\n\n" and f.replacement == ""
    assert apply_fixes(text, hits)[0] == f"{P1[lang]}\n\n{P2[lang]}"


@pytest.mark.parametrize("lang", LANGS)
def test_photo_credit_line_is_info(lang: str) -> None:
    text = sandwich(lang, CREDIT[lang])
    hits = findings(text, lang)
    f = only(hits, "BP002")
    assert [h.check for h in hits] == ["BP002"]
    assert f.severity == "info"
    assert f.evidence == CREDIT[lang] + "\n\n"


@pytest.mark.parametrize("lang", LANGS)
def test_image_caption_is_warning(lang: str) -> None:
    text = sandwich(lang, CAPTION[lang])
    hits = findings(text, lang)
    f = only(hits, "BP003")
    assert [h.check for h in hits] == ["BP003"]
    assert f.severity == "warning" and f.evidence == CAPTION[lang] + "\n\n"


@pytest.mark.parametrize("lang", LANGS)
def test_copyright_footer_line(lang: str) -> None:
    text = P1[lang] + "\n" + COPYRIGHT[lang]
    hits = findings(text, lang)
    f = only(hits, "BP005")
    assert f.evidence == COPYRIGHT[lang] and "Copyright notice" in f.message and f.severity == "warning"
    assert apply_fixes(text, hits)[0] == P1[lang] + "\n"


def test_credit_at_the_end_of_a_long_paragraph_deletes_only_the_credit() -> None:
    para = ("Prezydent Warszawy przedstawił w poniedziałek plan budowy trzech nowych linii tramwajowych, które "
            "mają połączyć Białołękę, Gocław i Wilanów z centrum miasta do końca dekady. Fot. PAP/Paweł Supernak")
    f = only(findings(para, "pl"), "BP002")
    assert f.evidence == " Fot. PAP/Paweł Supernak"
    assert apply_fixes(para, [f])[0].endswith("do końca dekady.")


def test_stray_copyright_symbols_are_info() -> None:
    text = seed("002")
    [f] = findings(text, "pl")
    assert f.check == "BP005" and f.severity == "info" and f.evidence == " ©℗"
    assert text.endswith(f.evidence) and "Stray" in f.message


def test_continuation_markers() -> None:
    bg = "Министърът заяви, че преговорите ще продължат следващата седмица в Брюксел. (следва)"
    en = "The talks will resume in Geneva next week, the ministry said.\n(continues)"
    f = only(findings(bg, "bg"), "BP006")
    assert f.evidence == " (следва)" and f.severity == "info"
    g = only(findings(en, "en"), "BP006")
    assert g.evidence == "(continues)"


@pytest.mark.parametrize(("lang", "text", "evidence"), [
    ("en", "The museum will reopen in May after a three-year renovation… Read more »", " Read more »"),
    ("pl", "Ruszyła budowa nowego stadionu miejskiego w Łodzi... Czytaj więcej", " Czytaj więcej"),
    ("ro", "Guvernul a aprobat noile plafoane pentru prețul energiei.\n\nCitește mai mult", "Citește mai mult"),
    ("ru", "Власти города объявили о ремонте моста через реку.\nЧитать далее →", "Читать далее →"),
])
def test_read_more_teasers(lang: str, text: str, evidence: str) -> None:
    f = only(findings(text, lang), "BP007")
    assert f.evidence == evidence and f.replacement == ""


def test_title_field_repeated_as_first_paragraph() -> None:
    title = "Ceny prądu w górę od stycznia. Rząd nie przedłuży zamrożenia"
    body = "Od 1 stycznia rachunki za prąd wzrosną średnio o 20 procent, zapowiedziała minister klimatu."
    text = title + "\n\n" + body
    f = only(findings(text, "pl", title=title), "BP004")
    assert f.evidence == title + "\n\n" and "title" in f.message
    assert not [h for h in findings(body, "pl", title=title) if h.check == "BP004"]


def test_first_line_repeated_with_credit_without_title_field() -> None:
    text = ("Parlamentul a adoptat legea pensiilor după o ședință maraton\n\n"
            "Parlamentul a adoptat legea pensiilor după o ședință maraton Sursa foto: Agerpres\n\n"
            "Deputații au votat vineri seara cu 240 de voturi pentru și 90 împotrivă.")
    hits = findings(text, "ro")
    f = only(hits, "BP004")
    assert f.evidence.startswith("Parlamentul a adoptat legea pensiilor după o ședință maraton Sursa foto")
    assert f.data["credit"] == "Sursa foto: Agerpres"
    assert not [h for h in hits if h.check in ("BP002", "BP003")]  # one finding per line


def test_seed_004_boilerplate() -> None:
    text = seed("004")
    hits = findings(text, "ro")
    by = {f.check: f for f in hits}
    assert sorted(by) == ["BP001", "BP003", "BP004"]
    assert by["BP004"].evidence.strip().endswith("Sursa: Arhiva EVZ")
    assert by["BP001"].evidence.strip() == "Ne puteți urmări și pe Google News"
    assert by["BP003"].evidence.strip() == "Rusia-Coreea de Nord. Sursa foto: Dreamstime"
    assert all(f.severity == "warning" for f in hits)


def test_seed_003_photo_credit_is_at_most_info() -> None:
    hits = findings(seed("003"), "bg")
    assert [(f.check, f.severity, f.evidence.strip()) for f in hits] == [("BP002", "info", "Снимки: БТА/АП")]


def test_seed_000_is_clean() -> None:
    assert findings(seed("000"), "pl") == []


NEGATIVES = {
    "news about a newsletter (en)": (
        "en", "The paper said 40,000 readers subscribe to our newsletter-style morning briefing, "
              "a number that has doubled since the pandemic began and keeps growing every month."),
    "cookie law report (de)": (
        "de", "Die Datenschutzbehörde verhängte ein Bußgeld, weil die Webseite des Händlers Cookies ohne "
              "Einwilligung der Nutzer gesetzt hatte, obwohl das Gesetz eine ausdrückliche Zustimmung verlangt."),
    "word Foto inside a sentence (pl)": (
        "pl", "Fotografia otworkowa wraca do łask: na warsztaty w Łodzi zapisało się w tym roku 300 osób."),
    "source named mid-sentence (ro)": (
        "ro", "Sursa citată de agenție a precizat că negocierile vor continua săptămâna viitoare la Bruxelles."),
    "follow in a quote (en)": (
        "en", "\"We will follow the court's ruling to the letter,\" the mayor told reporters on Monday evening."),
    "subheading, not a title repeat (bg)": (
        "bg", "Бюджетът е приет\n\nОбщинският съвет прие бюджета. Бюджетът е приет с 30 гласа \"за\"."),
    "podrobnee inside a sentence (ru)": (
        "ru", "Подробнее о реформе рассказал министр финансов на пресс-конференции в понедельник."),
}


@pytest.mark.parametrize("name", list(NEGATIVES))
def test_hard_negatives_are_clean(name: str) -> None:
    lang, text = NEGATIVES[name]
    assert findings(text, lang) == [], name


def test_copyright_sign_inside_mojibake_is_not_debris() -> None:
    text = ("Le chiffre d'affaires du groupe atteint 12 milliards d'euros, soit une hausse de 4Â©, "
            "selon le rapport annuel publié jeudi par la direction financière du groupe industriel.")
    assert [f for f in findings(text, "fr") if f.check == "BP005"] == []


def test_share_cta_after_the_story_is_not_a_link_block() -> None:
    text = (P1["de"] + "\n\n" + P2["de"] + "\n\nPressekontakt: Jonas Reiter, presse@example.org\n\n"
            "Teilen Sie diesen Artikel mit Ihren Freunden\n\nTeilen Sie diesen Artikel mit Ihren Freunden")
    hits = findings(text, "de")
    assert [f.check for f in hits] == ["BP001", "BP001"]
    assert all(f.evidence.startswith("Teilen Sie diesen Artikel") for f in hits)
