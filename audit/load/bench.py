"""Throughput of each reader on generated 4 KB articles (articles per second).

``python -m audit.load.bench [N]`` writes N articles in every format to a temporary
folder and times ``iter_records`` over each (wall clock, best of 3). A benchmark, not a
test: numbers depend on the machine.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from audit.load import iter_records

_WORDS = ("Rząd", "ogłosił", "nowe", "przepisy", "the", "minister", "said", "on", "Tuesday", "że", "budżet",
          "wzrośnie", "according", "to", "officials", "București", "Σύμφωνα", "Київ", "заявив")


def articles(n: int, size: int = 4096) -> Iterator[dict[str, str]]:
    """``n`` records with a text of about ``size`` characters."""
    for i in range(n):
        words: list[str] = []
        length = 0
        j = i
        while length < size:
            w = _WORDS[j % len(_WORDS)]
            j = (j * 7 + 3) % 1009
            words.append(w)
            length += len(w) + 1
        yield {"id": f"a{i}", "title": f"Title {i}", "url": f"https://news{i % 50}.example.pl/a/{i}",
               "text": " ".join(words)[:size]}


def write_all(folder: Path, n: int) -> dict[str, list[str]]:
    recs = list(articles(n))
    jl = folder / "a.jsonl"
    jl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    with gzip.open(folder / "a.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(jl.read_text(encoding="utf-8"))
    (folder / "a.json").write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    with open(folder / "a.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(recs[0]))
        w.writeheader()
        w.writerows(recs)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(recs), folder / "a.parquet")
    txt = folder / "txt"
    txt.mkdir()
    for r in recs:
        (txt / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    return {"jsonl": [str(jl)], "jsonl.gz": [str(folder / "a.jsonl.gz")], "json": [str(folder / "a.json")],
            "csv": [str(folder / "a.csv")], "parquet": [str(folder / "a.parquet")], "txt": [str(txt)]}


def run(n: int = 20000) -> dict[str, float]:
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as d:
        inputs = write_all(Path(d), n)
        for fmt, paths in inputs.items():
            best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                count = sum(1 for _ in iter_records(paths))
                best = min(best, time.perf_counter() - t0)
            assert count == n, (fmt, count)
            rates[fmt] = n / best
    return rates


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    for fmt, rate in run(n).items():
        print(f"{fmt:10} {rate:10,.0f} articles/s")
