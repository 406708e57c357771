"""Hardening against hostile and broken input (issue #8): huge and deeply nested records,
the per-article time budget (in the engine and through the gate), size limits, hostile
characters that must survive the gate's outputs, and article fields that must never
reach a file name. Crash safety of the gate's outputs is in ``test_hardening_crash.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_gate_support import NEWS, read_jsonl

from audit.check.base import Check
from audit.check.engine import Auditor
from audit.config import config_from_table
from audit.load import iter_records
from audit.model import Article, ArticleResult, Category, Finding, InputError, Severity
from audit.text import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
from invariants import result_problems

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    a = Auditor()  # the default 10 s budget
    a.audit(Article(id="warm", text="Warm the lazy models up. " * 4, lang="en"))
    return a


def _audit_file(auditor: Auditor, path: Path) -> list[ArticleResult | InputError]:
    return list(auditor.audit_stream(iter_records([str(path)])))


def _finished(res: ArticleResult) -> None:
    """Audited to the end, or stopped by the budget with the documented error; never a crash."""
    assert not [e for e in res.errors if e.startswith("internal-error")], res.errors
    assert res.errors in ([], [f"timeout: the article took more than {10:g} s to audit"]), res.errors
    assert result_problems(res.article, res, allow_timeout=True) == []


# -- huge records --------------------------------------------------------------------------------


def test_a_10mb_line_is_one_record_audited_on_its_first_2m_chars(auditor: Auditor, tmp_path: Path) -> None:
    text = ("The council met on Monday. Ministers said the plan would cost more. " * 150_000)[:10_000_000]
    p = tmp_path / "big.jsonl"
    p.write_text(json.dumps({"id": "big", "text": text}) + "\n" + json.dumps({"id": "next", "text": NEWS}) + "\n",
                 encoding="utf-8")
    out = _audit_file(auditor, p)
    assert [r.article.id for r in out] == ["big", "next"]  # type: ignore[union-attr]
    big = out[0]
    assert isinstance(big, ArticleResult) and len(big.article.text) == 10_000_000
    _finished(big)
    if not big.errors:
        assert big.scores["truncated_at"] == 2_000_000
        assert all(f.end <= 2_000_000 for f in big.findings if f.field == "text")


def test_100k_one_character_lines(auditor: Auditor, tmp_path: Path) -> None:
    p = tmp_path / "lines.txt"
    p.write_text("x\n" * 100_000, encoding="utf-8")
    (res,) = _audit_file(auditor, p)
    assert isinstance(res, ArticleResult)
    _finished(res)
    assert res.errors == []  # 200 KB: well inside the budget since repetition/attribution are linear


def test_100k_one_character_jsonl_records_keep_count_and_order(tmp_path: Path) -> None:
    p = tmp_path / "many.jsonl"
    p.write_text("".join(json.dumps({"text": "x"}) + "\n" for _ in range(100_000)), encoding="utf-8")
    n = 0
    for i, item in enumerate(iter_records([str(p)])):
        assert isinstance(item, Article) and item.origin is not None and item.origin.index == i
        n += 1
    assert n == 100_000


def test_a_5mb_article_of_one_repeated_word(auditor: Auditor, tmp_path: Path) -> None:
    p = tmp_path / "word.txt"
    p.write_text("word " * 1_000_000, encoding="utf-8")
    (res,) = _audit_file(auditor, p)
    assert isinstance(res, ArticleResult)
    _finished(res)


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_deeply_nested_json_is_one_input_error_and_the_next_record_is_read(auditor: Auditor, tmp_path: Path,
                                                                           fmt: str) -> None:
    deep = '{"id": "deep", "text": "ok", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    nxt = json.dumps({"id": "next", "text": NEWS})
    p = tmp_path / f"deep.{fmt}"
    p.write_text(deep + "\n" + nxt + "\n" if fmt == "jsonl" else "[" + deep + ",\n" + nxt + "]\n", encoding="utf-8")
    out = _audit_file(auditor, p)
    assert len(out) == 2
    err, res = out
    assert isinstance(err, InputError) and not err.fatal
    assert "nested too deeply" in err.message and err.origin.line == 1
    assert isinstance(res, ArticleResult) and res.article.id == "next"


def test_nesting_just_under_the_limit_is_a_record(auditor: Auditor, tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text('{"id": "d", "text": "ok", "x": ' + "[" * 500 + "]" * 500 + "}\n", encoding="utf-8")
    (res,) = _audit_file(auditor, p)
    assert isinstance(res, ArticleResult) and res.errors == []


def test_a_json_line_with_100k_keys(auditor: Auditor, tmp_path: Path) -> None:
    rec = {f"k{i}": i for i in range(100_000)}
    rec.update(id="wide", text=NEWS * 3, lang="en")
    p = tmp_path / "wide.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (res,) = _audit_file(auditor, p)
    assert isinstance(res, ArticleResult) and res.errors == []
    assert len(res.article.extra) == 100_000


def test_a_csv_header_cell_with_a_line_break_gives_a_one_line_message(tmp_path: Path) -> None:
    p = tmp_path / "h.csv"
    p.write_bytes(b'id,"te\nxt",x\x00y\n1,2,3\n')
    (err,) = list(iter_records([str(p)]))
    assert isinstance(err, InputError)
    assert err.message == "no text column 'text' (columns: id, te\\nxt, x\\x00y; use --text-field)"


# -- limits --------------------------------------------------------------------------------------


def test_max_article_chars_truncates_the_audit_and_keeps_spans_in_the_prefix() -> None:
    cfg = config_from_table({"max-article-chars": 1000})
    a = Auditor(cfg)
    text = ("Ala ma kota. " * 100) + ("Zdanie pierwsze. Zdanie pierwsze. " * 200)
    res = a.audit(Article(id="t", text=text, lang="pl"))
    assert res.scores["truncated_at"] == 1000
    assert res.article.text == text  # the record is kept whole
    assert all(f.end <= 1000 for f in res.findings if f.field == "text")
    assert result_problems(res.article, res) == []
    short = a.audit(Article(id="s", text="Ala ma kota.", lang="pl"))
    assert "truncated_at" not in short.scores


@pytest.mark.parametrize("bad", [0, -5, "many", 1.5])
def test_max_article_chars_must_be_a_positive_integer(bad: object) -> None:
    from audit.config import ConfigError

    with pytest.raises(ConfigError, match=r"max-article-chars must be a positive integer"):
        config_from_table({"max-article-chars": bad})


# -- the time budget -----------------------------------------------------------------------------


class _Backtracker(Check):
    """Not registered: appended to one Auditor's checks. Runs a catastrophic regular
    expression (exponential backtracking) on texts containing SLOW."""

    code = "ZZB001"
    name = "backtracker"
    category = Category.STRUCTURE
    severity = Severity.INFO

    def run(self, doc: Doc) -> Iterator[Finding]:
        if "SLOW" in doc.text:
            re.match(r"(a|aa)+$", "a" * 60 + "!")  # ~1e12 steps: only the timer stops it
        yield from ()


def test_the_budget_interrupts_a_runaway_regex_and_the_stream_goes_on() -> None:
    a = Auditor(select=["STR001"], time_budget=0.5)
    a.checks.append(_Backtracker())
    out = list(a.audit_stream([Article(id="1", text=NEWS), Article(id="slow", text="SLOW " + NEWS),
                               Article(id="3", text="")]))
    assert [r.article.id for r in out] == ["1", "slow", "3"]  # type: ignore[union-attr]
    assert out[0].errors == [] and out[2].errors == []  # type: ignore[union-attr]
    assert out[1].errors == ["timeout: the article took more than 0.5 s to audit"]  # type: ignore[union-attr]
    assert [f.check for f in out[2].findings] == ["STR001"]  # type: ignore[union-attr]


def test_a_crashing_check_is_contained() -> None:
    class Crasher(_Backtracker):
        code = "ZZC001"

        def run(self, doc: Doc) -> Iterator[Finding]:
            raise RuntimeError("boom\nsecond line")

    a = Auditor(select=["STR001"])
    a.checks.insert(0, Crasher())
    res = a.audit(Article(id="c", text=""))
    assert res.errors == ["internal-error: ZZC001: RuntimeError: boom\nsecond line"]
    assert [f.check for f in res.findings] == ["STR001"]  # the other checks still ran


GATE_TIMEOUT_SCRIPT = r'''
import json, re, sys
from audit.check.base import Check, register
from audit.check.parallel import AuditorSpec
from audit.gate.runner import run_gate
from audit.model import Category, Severity

@register
class Slow(Check):
    """Test only: backtracks forever on SLOW.

    **Anti-pattern**

    Slow::

        SLOW

    **Best practice**

    Fast::

        fast
    """
    code = "ZZS001"; name = "slow"; category = Category.STRUCTURE; severity = Severity.INFO
    def run(self, doc):
        if "SLOW" in doc.text:
            re.match(r"(a|aa)+$", "a" * 60 + "!")
        yield from ()

spec = AuditorSpec(select=("ZZS001", "STR001"), time_budget=float(sys.argv[4]))
res = run_gate([sys.argv[1]], sys.argv[2], sys.argv[3], spec=spec, workers=int(sys.argv[5]))
print(json.dumps({"counts": res.counts, "exit": res.exit_code}))
'''


@pytest.mark.parametrize("workers", [1, 2])
def test_gate_quarantines_an_article_over_budget_and_goes_on(tmp_path: Path, workers: int) -> None:
    n = 70 if workers > 1 else 5  # > one batch of 64: the process pool is used
    recs = [{"id": f"a{i}", "text": NEWS * 3, "lang": "en"} for i in range(n)]
    recs[3] = {"id": "slow", "text": "SLOW " + NEWS * 3, "lang": "en"}
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    suite = tmp_path / "s.json"
    suite.write_text(json.dumps({"name": "t", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_structure", "max_value": 0}}]}))
    out = tmp_path / "out"
    p = subprocess.run([sys.executable, "-c", GATE_TIMEOUT_SCRIPT, str(batch), str(suite), str(out), "1.0", str(workers)],
                       capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert p.returncode == 0, p.stderr[-2000:]
    got = json.loads(p.stdout.strip().splitlines()[-1])
    assert got["counts"]["read"] == n and got["counts"]["quarantined"] == 1 and got["counts"]["audit_errors"] == 1
    assert got["counts"]["accepted"] == n - 1
    (q,) = read_jsonl(out / "quarantined.jsonl")
    assert q["id"] == "slow"
    (reason,) = q["_newsaudit"]["reasons"]
    assert reason["reason"] == "timeout"
    assert reason["message"].startswith("timeout: the article took more than 1 s")
    assert [r["id"] for r in read_jsonl(out / "accepted.jsonl")] == [r["id"] for r in recs if r["id"] != "slow"]


# -- hostile characters through the gate's outputs -----------------------------------------------


def _run_gate(tmp_path: Path, batch: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    suite = tmp_path / "s.json"
    suite.write_text(json.dumps({"name": "t", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_structure", "max_value": 0}}]}))
    return subprocess.run([sys.executable, "-m", "audit", "gate", str(batch), "--suite", str(suite),
                           "--select", "structure,encoding", "--workers", "1", *extra],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)


HOSTILE_RECORDS = [
    {"id": "surrogates", "text": "Zdanie \ud800 tutaj. " + NEWS, "title": "T\udc00", "lang": "pl"},
    {"id": "nul", "text": "NUL\x00inside. " + NEWS, "author": "\x00", "lang": "en"},
    {"id": "breaks", "text": "LS\u2028PS\u2029NEL\x85 CR\rCRLF\r\n" + NEWS, "lang": "en"},
    {"id": "rtl", "text": "\u202e\u05e9\u05dc\u05d5\u05dd \U0001f468\u200d\U0001f469\u200d\U0001f467 e\u0301 " + NEWS},
    {"id": "bom", "text": "\ufeff" + NEWS, "source": "\ufeffsrc"},
]


def test_hostile_characters_survive_the_gate_outputs_byte_for_byte(tmp_path: Path) -> None:
    batch = tmp_path / "h.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE_RECORDS), encoding="utf-8")
    p = _run_gate(tmp_path, batch, "--out", "o", "--report", "o/report.html")
    assert p.returncode in (0, 1, 2), p.stderr[-2000:]
    assert "Traceback" not in p.stderr
    from audit.gate import verify_outputs

    assert verify_outputs(tmp_path / "o") == []
    acc = read_jsonl(tmp_path / "o" / "accepted.jsonl") + read_jsonl(tmp_path / "o" / "quarantined.jsonl")
    by_id = {r["id"]: {k: v for k, v in r.items() if k != "_newsaudit"} for r in acc}
    assert by_id == {r["id"]: r for r in HOSTILE_RECORDS}  # every record, unchanged, one line each


PATH_IDS = ["../../etc/passwd", "/etc/passwd", "..\\..\\windows", "a/b/c", "~/.ssh/x", ".", "..", "con", "\x00", "a\nb"]


def test_article_fields_never_name_an_output_file(tmp_path: Path) -> None:
    work = tmp_path / "w"
    work.mkdir()
    recs = [{"id": ident, "text": NEWS, "source": ident, "url": "file:///" + ident, "title": ident, "lang": "en"}
            for ident in PATH_IDS]
    batch = work / "p.jsonl"
    batch.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    before = {p for p in tmp_path.rglob("*")}
    p = _run_gate(work, batch, "--out", "o", "--report", "o/r.html")
    assert p.returncode in (0, 1, 2), p.stderr[-2000:]
    created = {x.relative_to(work).as_posix() for x in set(tmp_path.rglob("*")) - before}
    names = {"accepted.jsonl", "quarantined.jsonl", "junit.xml", "summary.json", "r.html"}
    # the stable names are symlinks into the run directory .runs/<run-id>/ (via .current): docs/gate.md
    runs = {c for c in created if c.startswith(("o/.runs", "o/.current"))}
    assert created - runs == {"s.json", "o", *(f"o/{n}" for n in names)}
    (run_id,) = {c.split("/")[2] for c in runs if c.count("/") >= 2}
    assert runs == {"o/.current", "o/.runs", f"o/.runs/{run_id}", *(f"o/.runs/{run_id}/{n}" for n in names)}
    rows = read_jsonl(work / "o" / "accepted.jsonl") + read_jsonl(work / "o" / "quarantined.jsonl")
    assert sorted(r["id"] for r in rows) == sorted(PATH_IDS)
