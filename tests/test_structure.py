"""Structure checks: empty text, cut-off text, title without body."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.model import Article

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
AUDITOR = Auditor(select=["structure"])


def codes(text: str, title: str | None = None, lang: str | None = None) -> list[tuple[str, str]]:
    return [(f.check, f.evidence) for f in AUDITOR.audit(Article(id="t", text=text, title=title, lang=lang)).findings]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_are_structurally_sound(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.strip().splitlines()[0]
    assert codes(text, title=first) == []


BODY = {
    "pl": "Rada miasta przyjęła we wtorek nowy budżet. Opozycja skrytykowała cięcia w oświacie.",
    "bg": "Общинският съвет прие новия бюджет във вторник. Опозицията разкритикува съкращенията.",
    "ro": "Consiliul local a aprobat marți noul buget. Opoziția a criticat reducerile.",
    "en": "The city council approved the new budget on Tuesday. The opposition criticised the cuts.",
    "de": "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen. Die Opposition kritisierte die Kürzungen.",
    "ru": "Городской совет во вторник утвердил новый бюджет. Оппозиция раскритиковала сокращения.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget. L'opposition a critiqué les coupes.",
}
CUT = {
    "pl": "Według burmistrza pieniądze trafią przede wszystkim do szkół i",
    "bg": "Според кмета парите ще отидат главно за училищата и детските",
    "ro": "Potrivit primarului, banii vor merge în principal către școli și",
    "en": "According to the mayor, the money will go mainly to schools and to the new,",
    "de": "Nach Angaben des Bürgermeisters sollen die Mittel vor allem in Schulen und",
    "ru": "По словам мэра, деньги пойдут в первую очередь на школы и детские",
    "fr": "Selon le maire, l'argent ira surtout aux écoles et aux crèches de la",
}
ENDINGS = ["(следва)", "Снимки: БТА/АП", "Foto: dpa", "Sursa foto: Dreamstime", "Fot. PAP/Leszek Szymański",
           "Ne puteți urmări și pe Google News", "- pierwszy punkt listy bez kropki na końcu zdania", "©℗",
           "Reporting by Guy Faulconbridge; Editing by Andrew Osborn"]


@pytest.mark.parametrize("lang", sorted(CUT))
def test_cut_off_text_is_flagged(lang: str) -> None:
    text = f"{BODY[lang]}\n\n{CUT[lang]}"
    (found,) = codes(text, lang=lang)
    assert found == ("STR002", CUT[lang])


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("lang", ["pl", "bg", "ro", "de"])
def test_legitimate_endings_are_not_flagged(lang: str, ending: str) -> None:
    assert codes(f"{BODY[lang]}\n\n{BODY[lang]}\n{ending}", lang=lang) == []


def test_headline_block_at_the_end_is_not_truncation() -> None:
    text = BODY["pl"] + "\nWięcej wiadomości\nTajfun nawiedził Japonię i milionom ludzi nakazano ewakuację z domów\n" \
        "Program Żywnościowy wstrzymuje swoje działania w strefie po ostrzale pojazdu pomocy"
    assert codes(text) == []


def test_title_without_body() -> None:
    title = "Putin și Kim Jong Un, aproape să bată palma pentru furnizarea de arme"
    assert codes("", title=title)[-1] == ("STR003", title)
    f = AUDITOR.audit(Article(id="t", text="", title=title)).findings[-1]
    assert f.field == "title"
    assert codes(f"  {title.upper()}!\n", title=title) == [("STR003", title.upper() + "!")]
    assert codes(f"{title}\n\n{BODY['ro']}", title=title) == []


def test_headline_only_body_without_title_field() -> None:
    assert codes("Новият бюджет на София е приет след дълъг дебат в съвета") == [
        ("STR003", "Новият бюджет на София е приет след дълъг дебат в съвета")]


@settings(max_examples=150, deadline=None)
@given(st.text(), st.one_of(st.none(), st.text(max_size=30)))
def test_structure_spans_are_in_their_field(text: str, title: str | None) -> None:
    for f in AUDITOR.audit(Article(id="h", text=text, title=title)).findings:
        value = text if f.field == "text" else title
        assert value is not None and value[f.start : f.end] == f.evidence
