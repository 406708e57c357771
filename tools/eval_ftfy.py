"""Precision and recall of the encoding checks on ftfy's own real-world test cases.

ftfy's source distribution ships ``tests/test_cases.json``: text collected from Twitter
and the Common Crawl, each case with its ``original`` and what ftfy fixes it to. A case
whose original differs from its fix (``fixed-encoding`` when given, else ``fixed``) is
a positive; one left unchanged is a negative. Cases with ``"enabled": false`` are skipped.
A case counts as flagged when any encoding check (ENC*) reports a finding on it.

Usage (dev-time; downloads ftfy's sdist with pip into a cache dir, never at run time)::

    python tools/eval_ftfy.py                  # fetch the installed ftfy version's cases
    python tools/eval_ftfy.py path/to/test_cases.json [-v]

The file is ftfy's (MIT licensed) and is not committed here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path


def fetch_cases(cache: Path) -> Path:
    from importlib.metadata import version

    ver = version("ftfy")
    dest = cache / f"ftfy-{ver}-test_cases.json"
    if dest.is_file():
        return dest
    cache.mkdir(parents=True, exist_ok=True)
    sdist_dir = cache / f"sdist-{ver}"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
         f"ftfy=={ver}", "-d", str(sdist_dir)],
        check=True, stdout=subprocess.DEVNULL,
    )
    archive = next(sdist_dir.glob("ftfy-*.tar.gz"))
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("tests/test_cases.json"))
        f = tar.extractfile(member)
        assert f is not None
        dest.write_bytes(f.read())
    return dest


def evaluate(cases: list[dict], verbose: bool = False) -> dict[str, float]:
    from audit.check.engine import Auditor
    from audit.model import Article

    auditor = Auditor(select=["encoding"])
    tp = fp = fn = tn = skipped = 0
    for i, case in enumerate(cases):
        if case.get("enabled") is False:
            skipped += 1
            continue
        original = case["original"]
        expected = case.get("fixed-encoding", case["fixed"])
        positive = original != expected
        res = auditor.audit(Article(id=str(i), text=original))
        flagged = bool(res.findings)
        if positive and flagged:
            tp += 1
        elif positive:
            fn += 1
        elif flagged:
            fp += 1
        else:
            tn += 1
        if verbose and positive != flagged:
            kind = "FN" if positive else "FP"
            found = [(f.check, f.evidence, f.replacement) for f in res.findings]
            print(f"{kind} {case.get('label')}: {original[:80]!r} -> {expected[:80]!r} {found}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"cases": tp + fp + fn + tn, "skipped": skipped, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(precision, 3), "recall": round(recall, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", help="ftfy's tests/test_cases.json (default: download it)")
    ap.add_argument("--cache", default=os.environ.get("NEWSAUDIT_EVAL_CACHE",
                                                      str(Path.home() / ".cache" / "newsaudit" / "eval")))
    ap.add_argument("-v", "--verbose", action="store_true", help="print the misclassified cases")
    args = ap.parse_args(argv)
    path = Path(args.path) if args.path else fetch_cases(Path(args.cache))
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(f"{path}: cannot read test cases: {exc}", file=sys.stderr)
        return 2
    stats = evaluate(cases, args.verbose)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
