"""Repairs of the spam-bio, link-block and boilerplate findings: seeds end to end (library and
``newsaudit check --fix --format jsonl``) and hypothesis properties of the span arithmetic."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from audit.check.engine import Auditor
from audit.check.rules.links._text import deletion_span
from audit.cli.main import app
from audit.fix import apply_fixes
from audit.model import Article

SEEDS = Path(__file__).parent.parent / "seeds"
AUDITOR = Auditor(select=["BIO", "LNK", "BP"])


def seed_path(prefix: str) -> Path:
    [p] = SEEDS.glob(f"{prefix}_*.txt")
    return p


def run_checks(text: str, lang: str | None, title: str | None = None) -> list:
    doc, _lang, _detected = AUDITOR.make_doc(Article(id="t", text=text, lang=lang, title=title))
    return sorted((f for c in AUDITOR.checks for f in c.run(doc)), key=lambda f: f.start)


def test_fixing_seed_001_removes_bio_and_more_stories_only() -> None:
    text = seed_path("001").read_text(encoding="utf-8")
    hits = run_checks(text, "pl")
    fixed, edits = apply_fixes(text, hits)
    assert [e["check"] for e in edits] == ["BIO001", "LNK001"]
    cut = text.index("„Dumny organizator.")
    assert fixed == text[:cut]  # everything before the bio is byte-identical, nothing after survives
    assert fixed.endswith("Alina Lobzina Przyczynił się do raportów.\n")
    assert "More Stories" not in fixed and "ninja" not in fixed


def test_fixing_seed_004_removes_captions_cta_and_repeated_title() -> None:
    text = seed_path("004").read_text(encoding="utf-8")
    fixed, edits = apply_fixes(text, run_checks(text, "ro"))
    removed = [
        "Vladimir Putin și Kim Jong Un, aproape să bată palma pentru furnizarea de arme Sursa: Arhiva EVZ\n\n",
        "Ne puteți urmări și pe Google News\n\n",
        "Rusia-Coreea de Nord. Sursa foto: Dreamstime\n\n",
    ]
    expected = text
    for r in removed:
        assert expected.count(r) == 1
        expected = expected.replace(r, "")
    assert fixed == expected
    assert [e["before"] for e in edits] == removed
    assert fixed.startswith("Vladimir Putin și Kim Jong Un, aproape să bată palma pentru furnizarea de arme\n\nLiderul")


def test_fixing_seeds_002_and_003_only_drops_the_minor_debris() -> None:
    t2 = seed_path("002").read_text(encoding="utf-8")
    assert apply_fixes(t2, run_checks(t2, "pl"))[0] == t2[: t2.rindex(" ©℗")]
    t3 = seed_path("003").read_text(encoding="utf-8")
    assert apply_fixes(t3, run_checks(t3, "bg"))[0] == t3.replace("Снимки: БТА/АП\n", "")


def test_cli_fix_jsonl_shows_the_repair() -> None:
    path = seed_path("001")
    result = CliRunner().invoke(app, ["check", str(path), "--select", "BIO,LNK,BP", "--fix", "--format", "jsonl"])
    assert result.exit_code == 1  # error findings
    obj = json.loads(result.stdout.splitlines()[0])
    text = path.read_text(encoding="utf-8")
    assert obj["repair"]["text"] == text[: text.index("„Dumny organizator.")]
    assert [e["check"] for e in obj["repair"]["edits"]] == ["BIO001", "LNK001"]
    assert {f["check"] for f in obj["findings"]} == {"BIO001", "LNK001"}


# -- properties ----------------------------------------------------------------------------
BODY = [
    "The council approved the new budget on Tuesday after a four-hour debate in the city hall.",
    "Rada miasta przyjęła w środę budżet na przyszły rok po czterogodzinnej debacie radnych.",
    "Общинският съвет прие бюджета за следващата година след четиричасов дебат.",
    "Inflation fell to 6.7 per cent in August, the statistics office said on Wednesday morning.",
    "Putere, „ghilimele” și diacritice: țară, știri, învățământ.",
]
DEBRIS = [
    "Proud organizer. Alcohol ninja. Food nerd. Typical TV enthusiast. Avid reader.",
    "„Dumny organizator. Alkoholowy ninja. Kujon kulinarny. Zapalony czytelnik”.",
    "More Stories",
    "Czytaj także: Hurricane Lee makes landfall in Nova Scotia",
    "Manchester United boss defends summer signings after derby defeat",
    "Celebrity chef opens vegan restaurant in converted Cornish chapel",
    "Follow us on Google News",
    "Photo: Reuters",
    "Councillors during the vote. Photo: PA",
    "© 2023 Daily Courier. All rights reserved.",
    "Text of the story ends here. ©℗",
    "(continues)",
    "Read more »",
    "",
    "   ",
]
LINES = st.lists(st.sampled_from(BODY + DEBRIS) | st.text(max_size=30), min_size=0, max_size=14)
SEPS = st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(LINES)
    out = ""
    for i, line in enumerate(lines):
        out += line
        if i < len(lines) - 1 or draw(st.booleans()):
            out += draw(SEPS)
    return out


@settings(max_examples=150, deadline=None)
@given(documents(), st.sampled_from([None, "en", "pl", "bg", "ro"]))
def test_spans_are_exact_disjoint_and_fix_removes_exactly_them(text: str, lang: str | None) -> None:
    hits = [f for f in run_checks(text, lang) if f.field == "text"]
    for f in hits:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.evidence == text[f.start : f.end]
        assert f.replacement == ""
        assert "\n" not in f.message
    spans = sorted((f.start, f.end) for f in hits)
    for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
        assert e1 <= s2, "repairs of one article must not overlap"
    fixed, edits = apply_fixes(text, hits)
    assert len(edits) == len(hits)
    expected, pos = [], 0
    for s, e in spans:
        expected.append(text[pos:s])
        pos = e
    expected.append(text[pos:])
    assert fixed == "".join(expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab .\t", min_size=1, max_size=8).filter(str.strip), min_size=1, max_size=8),
       st.lists(SEPS, min_size=8, max_size=8), st.data())
def test_deletion_span_removes_whole_lines_and_keeps_the_rest(lines: list[str], seps: list[str], data: st.DataObject) -> None:
    text = "".join(line + seps[i] for i, line in enumerate(lines))[: -len(seps[len(lines) - 1])]
    starts, pos = [], 0
    for i, line in enumerate(lines):
        starts.append(pos)
        pos += len(line) + len(seps[i])
    i = data.draw(st.integers(0, len(lines) - 1))
    j = data.draw(st.integers(i, len(lines) - 1))
    s0 = starts[i] + (len(lines[i]) - len(lines[i].lstrip()))
    e0 = starts[j] + len(lines[j].rstrip())
    s, e = deletion_span(text, s0, e0)
    assert s <= s0 and e >= e0
    assert text[s:e].strip() == text[s0:e0].strip()  # only whitespace added around the block
    assert s == 0 or text[s - 1] in "\r\n"  # starts at a line start
    rest = text[:s] + text[e:]
    kept = [ln.strip() for k, ln in enumerate(lines) if not i <= k <= j]
    assert [ln.strip() for ln in rest.replace("\r", "\n").split("\n") if ln.strip()] == kept
    if j + 1 < len(lines):  # the next block's span starts where this one ends: adjacent repairs never overlap
        n0 = starts[j + 1] + (len(lines[j + 1]) - len(lines[j + 1].lstrip()))
        assert e <= deletion_span(text, n0, starts[j + 1] + len(lines[j + 1].rstrip()))[0]


def test_fixing_a_page_full_of_furniture_keeps_only_the_story() -> None:
    story = [
        "Thieves broke into the town museum on Sunday night and took three medieval coins, police said.",
        "The coins had been on display since the museum reopened in May after a two-year renovation.",
        "Officers are reviewing camera footage from the square and asked witnesses to come forward.",
    ]
    text = "\n\n".join([
        story[0], "Advertisement", "Councillors at the museum. REUTERS/Jane Roe", story[1],
        "Do you know more? Tell us in the comments below.", story[2],
        "Lena Vogt. Coffee fanatic. Music nerd. Twitter trailblazer. Avid reader.",
        "Tags: museum, theft, police", "Share: Facebook X WhatsApp Email", "Contact the author: l.vogt@post.example",
    ])
    hits = run_checks(text, "en")
    fixed, edits = apply_fixes(text, hits)
    assert sorted(e["check"] for e in edits) == ["BIO001", "BP003", "BP009", "BP009", "BP009", "BP010", "BP011"]
    assert fixed.rstrip("\n") == "\n\n".join(story)
