"""The engine: parallel results equal single-worker results, time budget, crash containment."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from audit.check.base import Check
from audit.check.engine import Auditor
from audit.check.parallel import AuditorSpec, audit_parallel
from audit.model import Article, ArticleResult, Category, Finding, InputError, Origin
from audit.text import Doc

SEEDS = sorted(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt"))


def _corpus(n: int) -> list[Article | InputError]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    out: list[Article | InputError] = []
    for i in range(n):
        if i % 37 == 5:
            out.append(InputError(Origin("feed.jsonl", i + 1, i), "invalid JSON"))
            continue
        t = texts[i % len(texts)]
        # vary the text so that articles differ: cut at different places, add noise
        cut = (i * 131) % max(1, len(t))
        out.append(Article(id=f"a{i}", text=t[cut:] + t[:cut] + (" ©℗" if i % 3 == 0 else ""),
                           source=f"s{i % 4}", lang=None if i % 2 else "pl"))
    return out


def _key(r: ArticleResult | InputError) -> object:
    if isinstance(r, InputError):
        return ("input-error", str(r.origin))
    return r.to_dict()


def test_parallel_results_equal_single_worker_in_input_order() -> None:
    recs = _corpus(150)
    spec = AuditorSpec()
    one = [_key(r) for r in audit_parallel(recs, spec, workers=1)]
    two = [_key(r) for r in audit_parallel(recs, spec, workers=2, batch_size=8)]
    assert len(one) == len(recs)
    assert one == two
    assert [k["id"] if isinstance(k, dict) else k for k in two][:3] == ["a0", "a1", "a2"]


def test_short_stream_is_audited_in_process() -> None:
    recs = _corpus(3)
    out = list(audit_parallel(recs, AuditorSpec(), workers=4, batch_size=64))
    assert [r.article.id for r in out if isinstance(r, ArticleResult)] == ["a0", "a1", "a2"]


class _Slow(Check):
    """Sleeps."""

    code = "TST001"
    name = "slow"
    category = Category.STRUCTURE

    def run(self, doc: Doc) -> Iterator[Finding]:
        time.sleep(5)
        yield from ()


class _Crash(Check):
    """Crashes."""

    code = "TST002"
    name = "crash"
    category = Category.STRUCTURE

    def run(self, doc: Doc) -> Iterator[Finding]:
        raise RuntimeError("boom")


def test_time_budget_turns_a_stalled_article_into_a_timeout_error() -> None:
    auditor = Auditor(select=["STR001"], time_budget=0.2)
    auditor.checks = [_Slow()]
    t0 = time.monotonic()
    r = auditor.audit(Article(id="x", text="Ala ma kota i psa oraz rybki w akwarium."))
    assert time.monotonic() - t0 < 3
    assert r.errors and r.errors[0].startswith("timeout")
    assert r.to_dict()["errors"] == r.errors


def test_a_crashing_check_is_contained_and_reported() -> None:
    auditor = Auditor(select=["STR001"])
    auditor.checks = [_Crash(), *auditor.checks]
    r = auditor.audit(Article(id="x", text="ok"))
    assert any(e.startswith("internal-error: TST002") for e in r.errors)
    assert any(f.check == "STR001" for f in r.findings)  # the other checks still ran


def test_overlong_article_is_audited_on_a_prefix_with_valid_spans() -> None:
    from audit.config import Config

    text = "Słowo " * 50 + "\n" + "x" * 5000
    auditor = Auditor(Config(max_article_chars=200))
    r = auditor.audit(Article(id="long", text=text, lang="pl"))
    assert r.scores["truncated_at"] == 200
    for f in r.findings:
        assert text[f.start : f.end] == f.evidence
