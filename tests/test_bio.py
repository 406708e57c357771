"""BIO001: template author bios in every supported language, in the text and in author fields,
and the hard negatives that share some of their surface (short lines, lists, real bios)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.fix import apply_fixes
from audit.model import Article

AUDITOR = Auditor(select=["BIO001"])


def bio_findings(text: str, lang: str, **fields: str) -> list:
    extra = {k: v for k, v in fields.items() if k not in ("author", "title")}
    art = Article(id="t", text=text, lang=lang, author=fields.get("author"), title=fields.get("title"), extra=extra)
    doc, _lang, _detected = AUDITOR.make_doc(art)  # the check alone, without the scorers
    return [f for c in AUDITOR.checks for f in c.run(doc)]


# (lang, article paragraph on a non-seed topic, template bio in that language)
FLAGGED = [
    ("en", "The city council approved a new cycling strategy on Tuesday, with 40 miles of protected lanes "
           "to be built by 2027.",
     "Proud organizer. Alcohol ninja. Food nerd. Typical TV enthusiast. Avid reader. Indie music fanatic."),
    ("pl", "Ceny masła w sklepach wzrosły w ciągu roku o 30 procent, wynika z danych Głównego Urzędu "
           "Statystycznego.",
     "Dumny organizator. Alkoholowy ninja. Kujon kulinarny. Typowy entuzjasta telewizji. Zapalony czytelnik."),
    ("bg", "Столичният общински съвет прие бюджета на града за следващата година след шестчасово заседание.",
     "Горд организатор. Алкохолен нинджа. Кулинарен зубрач. Типичен телевизионен ентусиаст. Запален читател."),
    ("ro", "Echipa națională de handbal feminin s-a calificat la Campionatul Mondial după victoria cu Serbia.",
     "Organizator mândru. Ninja al alcoolului. Tocilar culinar. Entuziast tipic al televiziunii. Cititor pasionat."),
    ("de", "Die Stadtwerke erhöhen zum 1. Januar die Preise für Fernwärme um durchschnittlich zwölf Prozent.",
     "Stolzer Organisator. Alkohol-Ninja. Essens-Nerd. Typischer Fernsehenthusiast. Begeisterter Leser."),
    ("es", "El Museo del Prado abrirá en primavera una nueva sala dedicada a la pintura flamenca del siglo XVII.",
     "Organizador orgulloso. Ninja del alcohol. Nerd de la comida. Típico entusiasta de la televisión. Lector ávido."),
    ("fr", "Le tribunal de commerce de Lyon a placé le fabricant de vélos en redressement judiciaire.",
     "Fier organisateur. Ninja de l'alcool. Nerd de la bouffe. Passionné de télévision. Lecteur avide."),
    ("ru", "Сборная России по хоккею обыграла команду Белоруссии в товарищеском матче со счетом 4:2.",
     "Гордый организатор. Алкогольный ниндзя. Кулинарный ботаник. Типичный телевизионный энтузиаст. Заядлый читатель."),
    ("uk", "Київська міська рада ухвалила програму ремонту шкільних укриттів на наступний рік.",
     "Гордий організатор. Алкогольний ніндзя. Кулінарний ботанік. Типовий телевізійний ентузіаст. Затятий читач."),
]


@pytest.mark.parametrize(("lang", "para", "bio"), FLAGGED, ids=[x[0] for x in FLAGGED])
def test_template_bio_line_is_flagged_with_exact_span(lang: str, para: str, bio: str) -> None:
    text = f"{para}\n{bio}\n"
    hits = bio_findings(text, lang)
    assert len(hits) == 1
    f = hits[0]
    assert f.severity == "error" and f.category == "spam-bio"
    assert f.evidence == text[f.start : f.end]
    assert f.evidence.strip() == bio  # the whole bio line, with its line break
    assert f.replacement == ""
    assert text[: f.start] + text[f.end :] == para + "\n"
    assert f.data["fragments"] == bio.count(". ") + 1 and f.data["archetypes"] >= 4
    assert "Template author bio" in f.message and "\n" not in f.message


def test_bio_inside_a_byline_paragraph_deletes_only_the_run() -> None:
    text = ("Shares in the airline fell 8 per cent after it cut its profit forecast.\n"
            "Mark Jones covers aviation for the Courier. Coffee geek. Travel junkie. Amateur pilot. Avid reader.")
    [f] = bio_findings(text, "en")
    assert f.evidence == " Coffee geek. Travel junkie. Amateur pilot. Avid reader."
    assert text[: f.start].endswith("for the Courier.")


def test_bio_one_fragment_per_line_is_one_run() -> None:
    text = ("Kraków otworzył nowy most dla pieszych nad Wisłą.\n"
            "Zapalony czytelnik.\nMiłośnik kawy.\nEkspert od seriali.\n")
    [f] = bio_findings(text, "pl")
    assert f.evidence == "Zapalony czytelnik.\nMiłośnik kawy.\nEkspert od seriali.\n"


def test_bio_in_english_inside_a_polish_article() -> None:
    text = "Sejm uchwalił nowelizację ustawy o podatku od nieruchomości.\nBeer guru. Web fanatic. Music nerd."
    [f] = bio_findings(text, "pl")
    assert f.evidence == "Beer guru. Web fanatic. Music nerd."


def test_leading_author_name_belongs_to_the_bio_line() -> None:
    # the corpus labelling rule: a whole bio line, the fake author's name included
    text = "The festival sold out in two hours.\nJane Doe. Coffee nerd. Web guru. Avid reader. Music fanatic."
    [f] = bio_findings(text, "en")
    assert f.evidence == "\nJane Doe. Coffee nerd. Web guru. Avid reader. Music fanatic." or \
        f.evidence == "Jane Doe. Coffee nerd. Web guru. Avid reader. Music fanatic."
    assert apply_fixes(text, [f])[0].rstrip("\n") == "The festival sold out in two hours."


@pytest.mark.parametrize(("lang", "line"), [
    ("pl", "Oliwia Sztorm – Niepoprawna fanatyczka kawy. Przyjaciółka zombie na pół etatu. Miłośniczka muzyki. "
           "Twitterowa guru."),
    ("en", "Jodie Marsh. Certified coffee fanatic. Lifelong music nerd. Part-time zombie scholar."),
    ("de", "Lena Vogt – Unverbesserliche Kaffee-Fanatikerin. Musik-Nerd. Twitter-Guru. Begeisterte Leserin."),
    ("fr", "Chloé Martin : Fanatique de café. Nerd de la musique. Gourou de Twitter. Lectrice avide."),
    ("es", "Lucía Vega – Fanática del café. Friki de la música. Gurú de Twitter. Lectora ávida."),
    ("ro", "Ioana Pop – Fanatică a cafelei. Tocilară a muzicii. Guru de Twitter. Cititoare pasionată."),
    ("bg", "Мария Петрова – Фанатичка на кафето. Музикален зубрач. Туитър гуру. Запален читател."),
    ("ru", "Ольга Смирнова – Кофейная фанатка. Музыкальный гик. Твиттер-гуру. Заядлая читательница."),
    ("uk", "Олена Коваль – Кавова фанатка. Музичний гік. Твіттер-гуру. Завзята читачка."),
])
def test_named_bio_line_is_deleted_whole(lang: str, line: str) -> None:
    body = "Rada miasta przyjęła budżet na przyszły rok po czterogodzinnej debacie radnych."
    text = f"{body}\n\n{line}\n"
    [f] = bio_findings(text, lang)
    assert f.evidence.strip() == line
    assert apply_fixes(text, [f])[0].strip() == body


@pytest.mark.parametrize("field", ["author", "author_bio", "bio"])
def test_bio_in_author_fields_is_a_field_finding(field: str) -> None:
    value = "Anna Nowak. Zapalona czytelniczka. Miłośniczka kawy. Fanka seriali. Ekspertka od podróży."
    text = "Rada miasta przyjęła budżet na przyszły rok po czterogodzinnej debacie radnych i mieszkańców."
    hits = bio_findings(text, "pl", **{field: value})
    assert len(hits) == 1
    f = hits[0]
    assert f.field == field
    assert f.evidence == value[f.start : f.end] == "Zapalona czytelniczka. Miłośniczka kawy. Fanka seriali. Ekspertka od podróży."
    assert f.field in f.message


def test_real_byline_in_author_field_is_clean() -> None:
    text = "Rada miasta przyjęła budżet na przyszły rok po czterogodzinnej debacie."
    assert not bio_findings(text, "pl", author="Anna Nowak, dziennikarka działu gospodarczego")


NEGATIVES = {
    "real bio in sentences (pl)": (
        "pl", "Autorka jest dziennikarką działu gospodarczego. Wcześniej pracowała w Reutersie i Bloombergu. "
              "Jest miłośniczką gór i zapaloną czytelniczką kryminałów."),
    "real bio in sentences (en)": (
        "en", "Sarah Lee is a health reporter. She has covered the NHS since 2015. She is an avid reader and a "
              "keen cyclist."),
    "match results (pl)": ("pl", "Legia – Lech 2:1. Wisła – Cracovia 0:0. Górnik – Piast 1:1. Raków – Pogoń 3:2."),
    "match results (de)": ("de", "Bayern – Dortmund 4:0. Leipzig – Freiburg 2:2. Köln – Mainz 1:0."),
    "headline list (en)": ("en", "Fan zones open across the city\nExpert panel to review stadium safety\n"
                                 "Reader poll: best goal of the season"),
    "short sentences with verbs (pl)": ("pl", "Jestem fanem muzyki. Kocham czytać. Lubię gotować. Mieszkam w Gdańsku."),
    "short sentences with verbs (en)": ("en", "He is a writer. She was a reader. They love fans. We are experts."),
    "short sentences with verbs (ru)": ("ru", "Он был писателем. Она стала экспертом. Они любят читателей."),
    "recipe steps (fr)": ("fr", "Deux œufs. Un verre de lait. Une pincée de sel. Farine de blé. Beurre fondu."),
    "cast list (ro)": ("ro", "Regia: Radu Jude. Imaginea: Marius Panduru. Montajul: Cătălin Cristuțiu."),
    "schedule (es)": ("es", "Lunes: natación. Martes: yoga. Miércoles: descanso. Jueves: fútbol."),
    "two archetypes among many fragments (en)": (
        "en", "Salt. Pepper. Olive oil. Two onions. Garlic. Fresh basil. Coffee lover. Food nerd. Parmesan. Lemons."),
    "subheading then paragraph (bg)": (
        "bg", "Нов стадион в Пловдив\nОбщината обяви, че строежът ще започне през пролетта и ще струва 60 млн. лева."),
    "only two fragments (en)": ("en", "Coffee lover. Food nerd."),
}


@pytest.mark.parametrize("name", list(NEGATIVES))
def test_hard_negatives_are_clean(name: str) -> None:
    lang, text = NEGATIVES[name]
    assert not bio_findings(text, lang), name


def test_seed_001_bio_and_only_it() -> None:
    from pathlib import Path

    seeds = Path(__file__).parent.parent / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        hits = bio_findings(text, "bg" if p.name.startswith("003") else ("ro" if p.name.startswith("004") else "pl"))
        if p.name.startswith("001"):
            [f] = hits
            assert f.evidence.startswith("„Dumny organizator.") and "Fanatyk niezależnej muzyki”." in f.evidence
        else:
            assert not hits, p.name


# -- properties ------------------------------------------------------------------------------

FRAGMENTS = ["Proud organizer", "Alcohol ninja", "Food nerd", "Avid reader", "Music fanatic", "Coffee lover",
             "Zapalony czytelnik", "Miłośnik kawy", "Jane Doe", "Mother of two", "He lives in Leeds",
             "Legia won 2:1", "Fresh basil", "Olive oil", "Ингредиенты: соль"]
PREFIXES = ["", "Shares in the airline fell 8 per cent after it cut its forecast.\n",
            "Rada miasta przyjęła budżet.\n\n", "Заголовок\r\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=9), st.sampled_from(PREFIXES),
       st.sampled_from([". ", ".\n", ". „", "."]), st.sampled_from([None, "en", "pl", "ru"]))
def test_bio_spans_are_exact_and_shift_with_a_prefix(frags: list[str], prefix: str, sep: str, lang: str | None) -> None:
    bio = sep.join(frags) + "."
    alone = bio_findings(bio, lang or "en")
    shifted = bio_findings(prefix + bio, lang or "en")
    assert all(f.evidence == bio[f.start : f.end] for f in alone)
    assert all(f.evidence == (prefix + bio)[f.start : f.end] for f in shifted)
    # the detector reads the bio, not its position: a paragraph before it moves the spans only
    assert [f.evidence.strip() for f in alone] == [f.evidence.strip() for f in shifted]
    if alone:  # never flagged with fewer than two archetype fragments (the first eight)
        assert sum(1 for x in frags if x in FRAGMENTS[:8]) >= 2


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Coffee nerd | Web guru | Avid reader | Music fanatic"),
    ("pl", "Kawowy nerd • Internetowy guru • Zapalony czytelnik"),
    ("de", "Kaffee-Liebhaberin | Musik-Nerdin | Twitter-Vorreiterin"),
    ("es", "Friki del café · Gurú de Twitter · Lectora ávida"),
])
def test_bio_with_separators_instead_of_full_stops(lang: str, line: str) -> None:
    body = "The city council approved the new budget on Tuesday after a four-hour debate."
    text = f"{body}\n{line}"
    [f] = bio_findings(text, lang)
    assert f.evidence == "\n" + line or f.evidence == line
    assert apply_fixes(text, [f])[0].rstrip("\n") == body


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "News | Sport | Football | Premier League"),
    ("en", "Home • Politics • Elections"),
    ("pl", "Sport | Piłka nożna | Ekstraklasa"),
])
def test_breadcrumbs_are_not_bios(lang: str, line: str) -> None:
    assert not bio_findings(f"{line}\nThe council approved the budget on Tuesday.", lang)


@pytest.mark.parametrize(("lang", "line"), [
    # archetypes in compounds and in inflected (feminine, plural) forms
    ("de", "Zertifizierte Kaffee-Fanatikerin. Lebenslange Musik-Nerdin. Teilzeit-Zombie-Gelehrte. Twitter-Vorreiterin."),
    ("en", "Certified coffee fanatic. Lifelong music nerd. Part-time zombie scholar. Twitter trailblazer."),
    ("pl", "Niepoprawna fanatyczka kawy. Przyjaciółka zombie na pół etatu. Miłośniczka muzyki. Internetowa guru."),
    ("fr", "Fanatique de café certifiée. Nerd de musique. Érudite zombie à temps partiel. Pionnière de Twitter."),
    ("ro", "Fanatică a cafelei. Tocilară a muzicii pe viață. Savantă zombie cu jumătate de normă. Pionieră Twitter."),
])
def test_new_archetype_combinations(lang: str, line: str) -> None:
    body = "The city council approved the new budget on Tuesday after a four-hour debate."
    [f] = bio_findings(f"{body}\n\n{line}\n", lang)
    assert f.evidence.strip() == line


@pytest.mark.parametrize(("lang", "line"), [
    ("ro", "Alina Pop. Fanatică certificată a cafelei. Expertă în zombi cu jumătate de normă. Iubitoare de bacon. "
           "Pionieră pe Twitter."),
    ("fr", "Fanatique de café certifiée. Spécialiste des zombies à temps partiel et pour toujours. Passionnée de bacon. "
           "Pionnière de Twitter."),
    ("es", "Fanática del café certificada. Experta en zombis a tiempo parcial de por vida. Amante del bacon. "
           "Pionera de Twitter."),
])
def test_one_longer_fragment_inside_a_bio_is_bridged(lang: str, line: str) -> None:
    body = "The city council approved the new budget on Tuesday after a four-hour debate."
    [f] = bio_findings(f"{body}\n\n{line}\n", lang)
    assert f.evidence.strip() == line


def test_a_longer_fragment_never_starts_a_bio() -> None:
    text = "Expertă în zombi cu jumătate de normă și pe viață. Iubitoare de bacon. Pionieră pe Twitter."
    assert not bio_findings(text, "ro")


@pytest.mark.parametrize(("lang", "line"), [
    # a longer last fragment with an archetype closes the bio line; a longer first one opens it
    ("es", "Loco de internet certificado. Fanático de la cerveza sutilmente encantador. Pensador incurable. "
           "Practicante de zombis. Evangelista del tocino amigable con los hipsters."),
    ("uk", "Дружній до хіпстерів євангеліст подорожей. Веб-практик. Тонко чарівний студент. Твіттер-науковець."),
])
def test_longer_first_and_last_fragments_of_a_bio_line(lang: str, line: str) -> None:
    body = "The city council approved the new budget on Tuesday after a four-hour debate."
    [f] = bio_findings(f"{body}\n\nAnna Vidal\n{line}\n", lang)
    assert f.evidence.strip() == line
