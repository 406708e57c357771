"""LNK001 / LNK002 / BP008: link blocks, their relatedness to the article, spans and repairs.

The texts here are held out from the threshold measurement (test_links_data.py is the
measurement set): new articles, other header spellings and block layouts (bullets, colons,
upper case, blank lines between links).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_links_data import ARTICLES

from audit.check.engine import Auditor
from audit.fix import apply_fixes
from audit.model import Article

SEEDS = Path(__file__).parent.parent / "seeds"
AUDITOR = Auditor(select=["LNK001", "LNK002", "BP008"])


def findings(text: str, lang: str | None, title: str | None = None) -> list:
    doc, _lang, _detected = AUDITOR.make_doc(Article(id="t", text=text, lang=lang, title=title))
    return sorted((f for c in AUDITOR.checks for f in c.run(doc)), key=lambda f: f.start)


# held-out articles: (lang, body, block text, expected check)
HELD_OUT = [
    ("en", "sport",
     "Novak Djokovic won his 24th Grand Slam title at the US Open on Sunday, beating Daniil Medvedev in "
     "straight sets.\n\nThe Serbian, 36, matched Margaret Court's all-time record of major singles titles. "
     "\"I never imagined I would be standing here talking about 24 Grand Slams,\" Djokovic said.\n\n"
     "Medvedev, who beat Djokovic in the 2021 final, said the Serbian had been too strong. Djokovic will "
     "return to the top of the world rankings on Monday.",
     "YOU MIGHT ALSO LIKE:\n• Shares in carmaker slump after chip shortage hits production\n"
     "• Flood warnings issued for three counties after heavy rain\n• Museum returns looted bronzes to Nigeria",
     "LNK001"),
    ("pl", "culture",
     "Muzeum Narodowe w Krakowie otworzyło wystawę prac Józefa Mehoffera, pierwszą tak dużą od 30 lat. "
     "Kuratorzy zgromadzili ponad 300 obrazów, witraży i projektów.\n\nNa wystawie można zobaczyć m.in. "
     "projekty witraży do katedry we Fryburgu, nad którymi artysta pracował przez 40 lat. \"To opowieść o "
     "artyście, który łączył sztukę z rzemiosłem\" - mówi kuratorka wystawy.\n\nWystawa potrwa do końca "
     "stycznia. Muzeum przygotowało też cykl wykładów o twórczości Mehoffera.",
     "ZOBACZ TAKŻE:\n\nPolicja zatrzymała kierowcę, który uciekał przed patrolem przez trzy powiaty\n\n"
     "Prognoza pogody na weekend. Będzie słonecznie i ciepło\n\nKurs franka szwajcarskiego najwyżej od roku",
     "LNK001"),
    ("bg", "courts",
     "Софийският градски съд осъди бивш кмет на 5 години затвор за злоупотреба с обществени поръчки. "
     "Според прокуратурата той е възложил ремонти на фирми на свои роднини.\n\nСъдът постанови кметът да "
     "възстанови на общината над 2 милиона лева. Защитата обяви, че ще обжалва присъдата.\n\n"
     "Делото срещу бившия кмет продължи повече от четири години.",
     "Най-четени\nЛуди Лудогорец разби Ботев Пловдив с 4:0\nЦените на имотите в София растат с 15%\n"
     "Лято 2023: Най-хубавите плажове по Черноморието",
     "LNK001"),
    ("ro", "economy",
     "Banca Națională a României a menținut dobânda de politică monetară la 7 la sută pe an, a anunțat "
     "luni instituția.\n\nConsiliul de administrație al BNR a decis și păstrarea nivelului rezervelor minime "
     "obligatorii. Inflația anuală a scăzut în august la 9,4 la sută.\n\nAnaliștii se așteaptă ca banca "
     "centrală să reducă dobânda abia anul viitor, după ce inflația va coborî sub 7 la sută.",
     "Vezi și: Meteo: ninsori în munți și ploi în toată țara până joi",
     "LNK001"),
    ("de", "culture",
     "Die Berliner Philharmoniker haben ihre neue Saison mit einer umjubelten Aufführung von Mahlers "
     "siebter Sinfonie eröffnet. Chefdirigent Kirill Petrenko wurde nach dem Konzert minutenlang gefeiert.\n\n"
     "Das Orchester plant in dieser Saison eine Tournee durch Asien und mehrere Uraufführungen. Petrenko "
     "hatte Mahler zu einem Schwerpunkt seiner Amtszeit erklärt.\n\nDie Sinfonie wird am Samstag im Radio "
     "übertragen.",
     "Lesen Sie auch\n- Autobahn A7 nach Unfall mit Lkw stundenlang gesperrt\n"
     "- Immobilienpreise sinken in fast allen Großstädten\n- Grippewelle: Ärzte raten zur Impfung",
     "LNK001"),
    ("es", "courts",
     "La Audiencia Nacional ha condenado a ocho años de prisión al exdirector de una caja de ahorros por "
     "administración desleal. El tribunal considera probado que concedió préstamos sin garantías a empresas "
     "de su entorno.\n\nLa sentencia obliga al exdirector a indemnizar a la entidad con 12 millones de euros. "
     "Su defensa recurrirá ante el Tribunal Supremo.\n\nEl juicio se prolongó durante seis meses.",
     "Lo más leído\nEl Barça ficha a un delantero brasileño por 60 millones\n"
     "Ola de calor: temperaturas de hasta 44 grados en Andalucía\nLos mejores destinos para viajar en otoño",
     "LNK001"),
    ("fr", "sport",
     "Le Stade Toulousain a remporté samedi son 22e titre de champion de France de rugby en battant la "
     "Rochelle 29 à 26 au Stade de France.\n\nLes Toulousains, menés à la pause, ont renversé le match grâce "
     "à deux essais en fin de rencontre. \"C'est une victoire du caractère\", a déclaré l'entraîneur Ugo "
     "Mola.\n\nLe club devient le plus titré de l'histoire du championnat.",
     "À lire aussi :\nLa SNCF annonce des grèves pour le week-end de la Toussaint\n"
     "Impôts : ce qui change pour les retraités en 2024\nUn séisme de magnitude 5 ressenti en Bretagne",
     "LNK001"),
    ("ru", "science",
     "Российские ученые из Новосибирска создали новый материал для аккумуляторов, который заряжается в три "
     "раза быстрее литий-ионных батарей.\n\nМатериал на основе графена выдерживает более двух тысяч циклов "
     "зарядки, сообщили в пресс-службе института. Исследование опубликовано в научном журнале.\n\n"
     "Ученые рассчитывают начать испытания аккумуляторов с новым материалом в следующем году.",
     "Популярное\nСборная России по футболу сыграет с Ираном в ноябре\nЦены на бензин выросли за неделю\n"
     "Синоптики пообещали теплую погоду в Москве",
     "LNK001"),
]

RELATED_HELD_OUT = [
    ("en", HELD_OUT[0][2],
     "Related\nDjokovic beats Medvedev to win US Open and 24th Grand Slam title\n"
     "Medvedev: Djokovic was too strong in the US Open final\nDjokovic to return to world number one"),
    ("pl", HELD_OUT[1][2],
     "Czytaj także:\nWystawa Mehoffera w Muzeum Narodowym w Krakowie. Witraże z Fryburga\n"
     "Kuratorka wystawy Mehoffera: artysta łączył sztukę z rzemiosłem"),
    ("ru", HELD_OUT[7][2],
     "Читайте также\nНовосибирские ученые создали материал для быстрой зарядки аккумуляторов\n"
     "Графеновые аккумуляторы выдерживают две тысячи циклов зарядки"),
]


@pytest.mark.parametrize(("lang", "topic", "body", "block", "code"), HELD_OUT, ids=[f"{x[0]}-{x[1]}" for x in HELD_OUT])
def test_unrelated_block_is_an_error_with_the_block_as_span(lang: str, topic: str, body: str, block: str, code: str) -> None:
    text = body + "\n\n" + block
    hits = findings(text, lang)
    assert [f.check for f in hits] == [code]
    f = hits[0]
    assert f.severity == "error" and f.category == "unrelated-links"
    assert f.evidence == text[f.start : f.end] == block
    assert f.replacement == ""
    fixed, edits = apply_fixes(text, hits)
    assert fixed == body + "\n\n" and len(edits) == 1
    assert "relatedness" in f.message and "\n" not in f.message


@pytest.mark.parametrize(("lang", "body", "block"), RELATED_HELD_OUT, ids=[x[0] for x in RELATED_HELD_OUT])
def test_related_block_is_only_boilerplate(lang: str, body: str, block: str) -> None:
    text = body + "\n\n" + block
    hits = findings(text, lang)
    assert [f.check for f in hits] == ["BP008"]
    assert hits[0].severity == "warning" and hits[0].category == "boilerplate"
    assert hits[0].evidence == block


def test_unrelated_headerless_trailing_run_is_lnk002() -> None:
    a = ARTICLES[0]
    text = a["body"] + "\n" + "\n".join(a["unrelated"])
    [f] = findings(text, a["lang"])
    assert f.check == "LNK002" and f.evidence == "\n".join(a["unrelated"])
    assert f.data["items"] == 4


def test_inline_read_also_link_mid_article() -> None:
    a = ARTICLES[2]  # pl sport
    paras = a["body"].split("\n\n")
    line = "Czytaj także: " + a["unrelated"][0]
    text = "\n\n".join([paras[0], line, *paras[1:]])
    [f] = findings(text, "pl")
    assert f.check == "LNK001" and f.data["kind"] == "inline"
    assert f.evidence == line + "\n\n"
    fixed, _ = apply_fixes(text, [f])
    assert fixed == a["body"]


def test_mixed_carousel_with_one_related_story_is_still_unrelated() -> None:
    a = ARTICLES[4]  # bg economy
    block = "Прочетете още\n" + "\n".join([a["related"][0], *a["unrelated"][:3]])
    [f] = findings(a["body"] + "\n" + block, "bg")
    assert f.check == "LNK001"


# -- seeds ----------------------------------------------------------------------------------
def seed(prefix: str) -> str:
    [p] = SEEDS.glob(f"{prefix}_*.txt")
    return p.read_text(encoding="utf-8")


def test_seed_001_more_stories_is_unrelated() -> None:
    text = seed("001")
    [f] = findings(text, "pl")
    assert f.check == "LNK001"
    assert f.evidence.startswith("More Stories\nJaponia: Tajfun Shanshan")
    assert f.evidence.endswith("do pojazdu pomocy")
    assert f.data["items"] == 3 and f.data["relatedness"] < 0.4


@pytest.mark.parametrize(("prefix", "lang"), [("000", "pl"), ("002", "pl"), ("003", "bg"), ("004", "ro")])
def test_other_seeds_raise_no_link_finding(prefix: str, lang: str) -> None:
    assert findings(seed(prefix), lang) == []


# -- hard negatives ---------------------------------------------------------------------------
NEGATIVES = {
    "recipe introduced by a colon (pl)": (
        "pl",
        "Sernik baskijski podbił w tym roku polskie cukiernie, a przepis na niego jest zaskakująco prosty. "
        "Najważniejsze jest wysokie ciepło i krótki czas pieczenia, dzięki czemu wierzch się karmelizuje.\n"
        "Składniki:\nSerek kremowy Philadelphia w temperaturze pokojowej\nCukier trzcinowy drobny do wypieków\n"
        "Pięć dużych jajek od kur z wolnego wybiegu\nŚmietanka kremówka trzydzieści procent"),
    "schedule with times (de)": (
        "de",
        "Das Stadtfest beginnt am Freitag mit einem Umzug durch die Altstadt. Die Veranstalter erwarten "
        "mehr als 100.000 Besucher an drei Tagen.\n18:00 Eröffnung auf dem Marktplatz\n"
        "19:30 Konzert der Stadtkapelle am Rathaus\n22:00 Feuerwerk über dem Fluss"),
    "subheadings between paragraphs (en)": (
        "en",
        "The council approved the new budget on Tuesday after a four-hour debate.\n"
        "Schools get more money\nSpending on schools will rise by 6 per cent, the largest increase in a decade.\n"
        "Bus fares frozen\nFares will stay at their current level until at least next summer, the council said."),
    "related key points at the end (en)": (
        "en",
        ARTICLES[0]["body"] + "\nBank of England holds interest rates at 5.25 per cent\n"
        "Inflation fell to 6.7 per cent in August\nMarkets expect the Bank of England to cut rates next year"),
    "bulgarian subheading like seed 003 (bg)": (
        "bg",
        ARTICLES[4]["body"].replace("\n\nИкономисти", "\n\nРезервите на банките растат\n\nИкономисти")),
    "header word opening a headline-less paragraph (ro)": (
        "ro",
        ARTICLES[5]["body"] + "\n\nCele mai citite\n\nFestivalul a fost urmărit și online de peste 20.000 de "
        "persoane din 40 de țări, au precizat organizatorii, care au transmis gratuit gala de închidere."),
}


@pytest.mark.parametrize("name", list(NEGATIVES))
def test_hard_negatives_raise_no_unrelated_links(name: str) -> None:
    lang, text = NEGATIVES[name]
    assert not [f for f in findings(text, lang) if f.category == "unrelated-links"], name


def test_trailing_headlines_before_a_closing_call_to_action() -> None:
    a = ARTICLES[6]  # de science
    block = "\n".join(a["unrelated"][:3])
    text = a["body"] + "\n" + block + "\nFolgen Sie uns auf Instagram"
    [f] = findings(text, "de")
    assert f.check == "LNK002" and f.evidence == block + "\n"


def test_key_points_summary_is_content_not_a_link_block() -> None:
    a = ARTICLES[9]  # ru sport
    text = ("Главное\n- \"Зенит\" обыграл \"Спартак\" со счетом 2:1\n- Победный мяч забил Малком на 84-й минуте\n"
            "- \"Зенит\" вернулся на первое место в турнирной таблице\n\n" + a["body"])
    assert findings(text, "ru") == []


UNKNOWN_HEADERS = ["Lesenswert", "Stories picked for you", "Inne teksty", "Още от редакцията", "Alte articole",
                   "Weitere Meldungen", "Otras historias", "Nos autres articles", "Другие новости дня"]


@pytest.mark.parametrize("header", UNKNOWN_HEADERS)
@pytest.mark.parametrize("case", [c for c in HELD_OUT if c[4] == "LNK001" and c[3].count("\n") >= 2],
                         ids=lambda c: c[0] if isinstance(c, tuple) else c)
def test_unknown_header_joins_the_trailing_run(case: tuple, header: str) -> None:
    lang, _topic, body, block, _check = case
    items = [ln for ln in block.split("\n")[1:] if ln.strip()]
    new_block = header + "\n" + "\n".join(items)
    text = body + "\n\n" + new_block
    hits = findings(text, lang)
    assert [f.check for f in hits] == ["LNK002"]
    assert hits[0].evidence == new_block
    assert hits[0].data["header"] in (header, "")  # a 4-word header may read as one more headline
    assert apply_fixes(text, hits)[0] == body + "\n\n"


COLON_HEADERS = ["Вам также может понравиться:", "Популярно в момента:", "Popular right now:",
                 "Ti-ar putea plăcea și:", "Das könnte Ihnen gefallen:", "Te puede gustar:",
                 # recommendation widgets: "from the web", "hot", "sponsored"
                 "Горещо от мрежата:", "Around the web:", "Gorące w sieci:", "Aus dem Netz:",
                 "Contenido patrocinado:", "Горячее в сети:"]


@pytest.mark.parametrize("header", COLON_HEADERS)
@pytest.mark.parametrize("case", [c for c in HELD_OUT if c[4] == "LNK001" and c[3].count("\n") >= 2],
                         ids=lambda c: c[0] if isinstance(c, tuple) else c)
def test_unlisted_colon_header_with_a_reading_word_joins_the_trailing_run(case: tuple, header: str) -> None:
    """A line ending in ":" introduces content ("Other results:") unless it holds a reading,
    popularity or recommendation word (``header_words``): then it heads the run of headlines."""
    lang, _topic, body, block, _check = case
    items = [ln for ln in block.split("\n")[1:] if ln.strip()]
    new_block = header + "\n" + "\n".join(items)
    hits = findings(body + "\n\n" + new_block, lang)
    assert [f.check for f in hits] == ["LNK002"]
    assert hits[0].evidence == new_block and hits[0].data["header"] == header.rstrip(":")


def test_one_link_sharing_a_word_with_the_article_is_a_read_also_link_not_navigation() -> None:
    """One headline is judged on a handful of words: sharing one content word with the
    article ("most" in a story about a collapsed footbridge) keeps it a "read also" link
    (BP008, boilerplate); a headline sharing none is pasted navigation (LNK001)."""
    body = ("Dwie osoby zostały ranne, gdy w sobotę rano zawaliła się drewniana kładka nad rzeką w Borzęcinie. "
            "Strażacy wyciągnęli poszkodowanych z wody.\n\n"
            "Mieszkańcy mówią, że kładka od dawna była w złym stanie, a deski były spróchniałe. "
            "Zgłaszali to do gminy co najmniej dwa razy.\n\n"
            "Wójt przyznał, że remont kładki był planowany na ten rok, ale przetarg nie przyniósł ofert. "
            "Sprawą zajmie się prokuratura i nadzór budowlany.\n\n"
            "Inspektor nadzoru zapowiedział kontrolę pozostałych kładek w powiecie, a trzy zostaną zamknięte.")
    related = "Czytaj także: Remont mostu w Zembrzycach. Objazd potrwa do jesieni"
    [f] = findings(body.replace("\n\nMieszkańcy", "\n\n" + related + "\n\nMieszkańcy"), "pl")
    assert f.check == "BP008" and f.data["items"] == 1 and 0 < f.data["relatedness"] < 0.4
    unrelated = "Czytaj także: Koncert gwiazd disco przyciągnął tłumy do amfiteatru"
    [g] = findings(body.replace("\n\nMieszkańcy", "\n\n" + unrelated + "\n\nMieszkańcy"), "pl")
    assert g.check == "LNK001" and g.data["relatedness"] == 0


def test_results_after_a_colon_line_are_content() -> None:
    body = HELD_OUT[0][2]
    text = (body + "\n\nOther results:\nAlcaraz beat Sinner in five sets\nSwiatek lost to Gauff in the semi-final\n"
            "Zverev withdrew from the quarter-final with an injury")
    assert findings(text, "en") == []


def test_programme_after_a_colon_line_is_content() -> None:
    body = HELD_OUT[0][2]
    text = (body + "\n\nProgramme:\n10:00 Opening of the fan zone in the old town square\n"
            "12:30 Concert by the city brass band on the main stage\n15.00 Charity match between local legends")
    assert findings(text, "en") == []


def test_furniture_after_the_links_is_not_a_headline() -> None:
    lang, _topic, body, block, _check = HELD_OUT[0]
    text = body + "\n\n" + block + "\nTags: tennis, US Open, Djokovic\nShare: Facebook X WhatsApp Email"
    [f] = findings(text, lang)
    assert f.check == "LNK001" and f.evidence.rstrip("\n") == block


def test_paragraph_signed_by_an_agency_is_not_a_headline() -> None:
    lang, _topic, body, block, _check = HELD_OUT[0]
    items = "\n".join(ln.lstrip("• ") for ln in block.split("\n")[1:])
    last = "The tournament ends on Sunday. (Reuters)"
    text = body + "\n\n" + last + "\n\n" + items
    [f] = findings(text, lang)
    assert f.check == "LNK002" and f.evidence == items


def test_subheading_after_a_tight_link_block_stays_in_the_article() -> None:
    lang, _topic, body, block, _check = HELD_OUT[0]
    paras = body.split("\n\n")
    text = paras[0] + "\n\n" + block + "\n\nMedvedev praises the champion\n\n" + "\n\n".join(paras[1:])
    [f] = findings(text, lang)
    assert f.check == "LNK001" and f.evidence == block + "\n\n"
