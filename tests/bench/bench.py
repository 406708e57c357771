"""``nox -s bench``: newsaudit's speed and memory, side by side with datatrove's filters.

One run reports:

* articles per second per core for ``check`` with all checks, and for each check family;
* the same for the peer a user would otherwise pick — HuggingFace datatrove's heuristic
  filters GopherQuality, GopherRepetition, C4Quality and FineWebQuality — applied to the
  same documents in the same process, and the ratio between the two;
* peak memory (max RSS) of ``newsaudit check --format jsonl`` on N and 10×N articles;
* the wall time of a spot-check of one article (``newsaudit check seeds/000_….txt``);
* the gate's overhead over ``check`` beyond Great Expectations' import (when the gate exists).

The corpus is built deterministically (:func:`build_corpus`) from the labelled corpus in
``tests/corpus`` (clean articles and articles with injected defects) and the seeds,
varied by rotating paragraphs and renaming sources, so every article is distinct.

Usage: ``python tests/bench/bench.py [--articles 20000] [--memory-scale 10] [--skip-peer]``.
Targets (issue #7) are printed beside the figures; they are never asserted in unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"


# -- the corpus --------------------------------------------------------------------------
def _base_articles() -> list[dict]:
    bases: list[dict] = []
    for f in sorted((ROOT / "tests" / "corpus").rglob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    base = {k: rec.get(k) for k in ("id", "text", "title", "author", "source", "url", "lang")}
                    base["clean"] = not rec.get("labels")
                    bases.append(base)
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        bases.append({"id": p.stem, "text": p.read_text(encoding="utf-8"), "source": "seeds", "lang": None,
                      "clean": False})
    if not bases:
        raise SystemExit("no base articles: tests/corpus and seeds/ are empty")
    return bases


#: news articles of realistic length: the labelled corpus's articles are short (median
#: ~135 words), so each bench article is padded to at least this many characters with
#: paragraphs of other clean articles of the same language, placed *before* the base
#: text so that trailing defects (bios, link blocks) stay at the end.
TARGET_CHARS = 3500


def _vary(base: dict, i: int, rng: random.Random, pool: dict[str | None, list[str]]) -> dict:
    text = base["text"]
    fillers = pool.get(base.get("lang")) or []
    pad: list[str] = []
    while fillers and len(text) + sum(len(p) for p in pad) < TARGET_CHARS:
        pad.append(fillers[rng.randrange(len(fillers))])
    sep = "\n\n" if "\n\n" in text else "\n"
    rec = dict(base)
    rec.pop("clean", None)
    rec["id"] = f"bench-{i:07d}"
    rec["text"] = sep.join([*pad, text]) if pad else text
    rec["source"] = f"{base.get('source') or 'src'}-{i % 97}"
    return rec


def build_corpus(n: int, path: Path, seed: int = 20261121) -> Path:
    """Write ``n`` distinct articles of realistic length to ``path`` (JSON Lines), deterministically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    bases = _base_articles()
    pool: dict[str | None, list[str]] = {}
    for b in bases:
        if b["clean"] and b.get("lang"):
            paras = [p.strip() for p in b["text"].split("\n") if len(p.strip()) > 200]
            pool.setdefault(b["lang"], []).extend(paras)
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(_vary(bases[i % len(bases)], i, rng, pool), ensure_ascii=False) + "\n")
    return path


def _read(path: Path, limit: int | None = None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


# -- newsaudit in-process -------------------------------------------------------------------
def bench_newsaudit(path: Path, n: int, select: list[str] | None) -> tuple[float, int]:
    from audit.check.engine import Auditor
    from audit.model import Article

    auditor = Auditor(select=select)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), author=r.get("author"),
                    source=r.get("source"), url=r.get("url"), lang=r.get("lang")) for r in _read(path, n)]
    for a in arts[:20]:  # warm caches (lexicons, wordfreq, langid model)
        auditor.audit(a)
    t0 = time.perf_counter()
    for a in arts:
        auditor.audit(a)
    dt = time.perf_counter() - t0
    return len(arts) / dt, len(auditor.checks)


def bench_datatrove(path: Path, n: int) -> float | None:
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
    except ImportError:
        return None
    from audit.check.langid import detect

    filters: dict[str, list] = {}

    def for_lang(lang: str) -> list:
        if lang not in filters:
            filters[lang] = [GopherQualityFilter(language=lang), GopherRepetitionFilter(language=lang),
                             C4QualityFilter(language=lang), FineWebQualityFilter(language=lang)]
        return filters[lang]

    recs = list(_read(path, n))
    langs = [r.get("lang") or detect(r["text"])[0] or "en" for r in recs]
    docs = [Document(text=r["text"], id=r["id"], metadata={}) for r in recs]
    for d, lang in list(zip(docs, langs, strict=True))[:20]:
        for f in for_lang(lang):
            f.filter(d)
    t0 = time.perf_counter()
    for d, lang in zip(docs, langs, strict=True):
        for f in for_lang(lang):
            f.filter(d)
    return len(docs) / (time.perf_counter() - t0)


# -- subprocess measurements ----------------------------------------------------------------
def _newsaudit_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("newsaudit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "audit"]


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """Max RSS (MB) of the child and its wall time."""
    t0 = time.perf_counter()
    code = (
        "import resource,subprocess,sys;"
        "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024, time.perf_counter() - t0


def spot_check_wall(runs: int = 7) -> float:
    target = ROOT / "seeds" / "000_bb2f05f5b41e6663.txt"
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([*_newsaudit_cmd(), "check", str(target)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def gate_overhead(path: Path) -> tuple[float, float, float] | None:
    suite = ROOT / "expectations" / "default.json"
    if not suite.exists():
        return None
    out = DATA / "gate-out"
    t0 = time.perf_counter()
    subprocess.run([*_newsaudit_cmd(), "check", str(path), "--format", "jsonl", "-j", "1"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t_check = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([*_newsaudit_cmd(), "gate", str(path), "--suite", str(suite), "--out", str(out), "-j", "1"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t_gate = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import great_expectations"], check=True)
    t_gx = time.perf_counter() - t0
    return t_check, t_gate, t_gx


FAMILIES = ["encoding", "language", "structure", "machine-translation", "spam-bio", "unrelated-links",
            "boilerplate", "attribution", "duplication"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--throughput-sample", type=int, default=2_000,
                    help="articles timed in-process per configuration (a sample of the corpus)")
    ap.add_argument("--memory-scale", type=int, default=10)
    ap.add_argument("--skip-peer", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args(argv)

    corpus = build_corpus(args.articles, DATA / f"corpus-{args.articles}.jsonl")
    sample = min(args.throughput_sample, args.articles)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"corpus: {corpus} ({args.articles} articles, {corpus.stat().st_size / 1e6:.1f} MB); "
          f"throughput measured on the first {sample}")
    print()
    rows: list[tuple[str, str, str]] = []
    rate_all, n_checks = bench_newsaudit(corpus, sample, None)
    rows.append(("newsaudit, all checks", f"{rate_all:,.0f}", f"{n_checks} checks"))
    from audit.check.base import select_checks

    for fam in FAMILIES:
        try:
            if not select_checks([fam]):
                continue
        except ValueError:
            continue
        rate, k = bench_newsaudit(corpus, sample, [fam])
        rows.append((f"  family {fam}", f"{rate:,.0f}", f"{k} checks"))
    peer = None if args.skip_peer else bench_datatrove(corpus, sample)
    if peer is not None:
        rows.append(("datatrove Gopher Q+R, C4, FineWeb", f"{peer:,.0f}", "4 filters"))
    width = max(len(r[0]) for r in rows)
    print(f"{'articles/s per core':<{width}}  {'rate':>8}")
    for name, rate, note in rows:
        print(f"{name:<{width}}  {rate:>8}  {note}")
    if peer is not None:
        print(f"ratio newsaudit/datatrove: {rate_all / peer:.2f}  (target >= 1.0)")
    else:
        print("datatrove not installed: install the bench extra (nox -s bench does)")
    print()
    wall = spot_check_wall()
    print(f"spot-check wall time (median of 7): {wall:.3f} s  (target < 0.5 s)")
    if not args.skip_memory:
        big_n = args.articles * args.memory_scale
        big = build_corpus(big_n, DATA / f"corpus-{big_n}.jsonl")
        m1, t1 = peak_rss_mb([*_newsaudit_cmd(), "check", str(corpus), "--format", "jsonl"])
        m2, t2 = peak_rss_mb([*_newsaudit_cmd(), "check", str(big), "--format", "jsonl"])
        print(f"peak memory (max RSS, all workers' max), check --format jsonl: {args.articles:,} articles "
              f"{m1:.0f} MB in {t1:.0f} s; {big_n:,} articles {m2:.0f} MB in {t2:.0f} s; "
              f"growth {100 * (m2 - m1) / m1:+.1f}%  (target within 10%)")
        print(f"end-to-end rate with all cores: {args.articles / t1:,.0f} articles/s")
    g = gate_overhead(corpus)
    if g is not None:
        t_check, t_gate, t_gx = g
        over = (t_gate - t_gx - t_check) / t_check * 100
        print(f"gate vs check on {args.articles:,} (1 worker): check {t_check:.1f} s, gate {t_gate:.1f} s, "
              f"GX import {t_gx:.1f} s -> overhead beyond GX import {over:+.1f}%  (target < 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
