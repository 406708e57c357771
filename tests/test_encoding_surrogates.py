"""ENC007: lone surrogates (half of a UTF-16 pair) are flagged, repaired and printable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.check.engine import Auditor
from audit.check.rules.encoding.ENC007 import join_surrogates
from audit.fix import apply_fixes
from audit.model import Article

AUDITOR = Auditor(select=["ENC007"])
NEWS = "Reprezentacja wygrała w sobotę z Walią 2:1 i awansowała do finału."


def enc007(text: str) -> list:
    return [f for f in AUDITOR.audit(Article(id="t", text=text, lang="pl")).findings if f.check == "ENC007"]


def test_a_cut_emoji_is_an_error_with_its_span_and_the_fix_is_a_replacement_character() -> None:
    text = NEWS + " Kibice świętowali do rana \ud83d"
    (f,) = enc007(text)
    assert (f.severity, f.start, f.end, f.evidence) == ("error", len(text) - 1, len(text), "\ud83d")
    assert "half of an emoji" in f.message and "U+D83D" in f.message
    fixed, edits = apply_fixes(text, [f])
    assert fixed.endswith("rana \ufffd") and len(edits) == 1
    fixed.encode("utf-8")  # storable now


def test_a_pair_that_arrived_as_two_code_points_is_joined_back() -> None:
    text = "Znak \ud83d\ude00 na końcu. " + NEWS
    (f,) = enc007(text)
    assert f.evidence == "\ud83d\ude00" and f.data["unpaired"] == 0
    assert "«😀»" in f.message
    assert apply_fixes(text, [f])[0] == "Znak 😀 na końcu. " + NEWS


def test_surrogateescape_bytes_and_reversed_pairs_are_unpaired() -> None:
    raw = "Zdanie z bajtem \udcb3 i parą odwróconą \ude00\ud83d. " + NEWS
    fs = enc007(raw)
    assert [f.evidence for f in fs] == ["\udcb3", "\ude00\ud83d"]
    assert [f.data["unpaired"] for f in fs] == [1, 2]


def test_whole_characters_and_plain_text_are_clean() -> None:
    assert enc007(NEWS + " 😀 👨\u200d👩\u200d👧 𝔸 𠜎") == []
    assert enc007("ASCII only.") == []


#: any character, surrogates included (hypothesis leaves category Cs out unless asked)
ANY_CHAR = st.one_of(st.characters(), st.characters(categories=["Cs"]))


@given(st.text(alphabet=ANY_CHAR, max_size=60))
@settings(max_examples=300, deadline=None)
def test_every_surrogate_is_covered_and_the_fix_is_valid_utf8(text: str) -> None:
    fs = enc007(text)
    for f in fs:
        assert text[f.start:f.end] == f.evidence
    assert bool(fs) == any("\ud800" <= ch <= "\udfff" for ch in text)
    fixed, _ = apply_fixes(text, fs)
    fixed.encode("utf-8")  # never raises: every surrogate was in a finding
    assert fixed.count("\ufffd") - text.count("\ufffd") == sum(f.data["unpaired"] for f in fs)


@given(st.lists(st.integers(0xD800, 0xDFFF), max_size=8))
def test_join_surrogates_keeps_one_output_per_pair_or_half(cps: list[int]) -> None:
    run = "".join(map(chr, cps))
    out = join_surrogates(run)
    out.encode("utf-8")
    pairs = len(run) - len(out)
    assert out.count("\ufffd") == len(run) - 2 * pairs


def test_cli_prints_and_writes_surrogates_as_escapes(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "a", "text": "Kibice świętowali do rana \\ud83d. ' + NEWS + '", "lang": "pl"}\n',
                   encoding="utf-8")
    for fmt in ("text", "jsonl", "json"):
        p = subprocess.run([sys.executable, "-m", "audit", "check", str(src), "--format", fmt, "--select", "ENC007"],
                           capture_output=True, timeout=120)
        assert p.returncode == 1, p.stderr.decode()[-800:]
        out = p.stdout.decode("utf-8")  # valid UTF-8
        assert b"Traceback" not in p.stderr
        if fmt == "text":
            assert "ENC007" in out and "\\ud83d" in out
        else:
            obj = json.loads(out.splitlines()[0]) if fmt == "jsonl" else json.loads(out)[0]
            assert obj["findings"][0]["evidence"] == "\ud83d"  # the same string, read back
