"""Run the atheris fuzz campaign: each harness in turn for its share of the time.

    python tests/fuzz/run.py --minutes 30                   # 30 minutes split over all harnesses
    python tests/fuzz/run.py --harness audit --minutes 10   # one harness
    python tests/fuzz/run.py --minutes 1 --workdir /tmp/f   # where corpora and crashes go

Needs ``pip install atheris`` (a test-only tool, never a runtime dependency). A harness
that crashes is restarted on the time left (at most ``--max-crashes`` times), so one
bug does not end the campaign; each crash input is kept in ``WORKDIR/<harness>/crashes``
with libFuzzer's log, and ``WORKDIR/summary.json`` holds executions, coverage and crashes
per harness. The corpora start from the project's seeds and loader fixtures and persist
in ``WORKDIR/<harness>/corpus`` between runs (a longer campaign continues where the last
one stopped).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
#: harness -> (script, libFuzzer -max_len, share of the time)
HARNESSES = {
    "load": ("fuzz_load.py", 8192, 0.3),
    "audit": ("fuzz_audit.py", 4096, 0.45),
    "report": ("fuzz_report.py", 2048, 0.25),
}
_STAT = re.compile(r"stat::(\w+):\s*(\d+)")
_COV = re.compile(r"cov: (\d+) ft: (\d+)")


def _seed(name: str, corpus: Path) -> None:
    if any(corpus.iterdir()):
        return
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    inputs = ROOT / "tests" / "data" / "inputs"
    if name == "load":
        fmts = {".jsonl": 0, ".json": 1, ".csv": 2, ".tsv": 3, ".txt": 4}
        for p in sorted(inputs.rglob("*")):
            if p.is_file() and p.suffix in fmts:
                (corpus / f"seed-{p.name}").write_bytes(bytes([fmts[p.suffix]]) + p.read_bytes()[:8000])
    else:
        for p in seeds:
            (corpus / f"seed-{p.stem}").write_bytes(b"\x05\x00" + p.read_bytes()[:2000])


def run_harness(name: str, seconds: float, workdir: Path, max_crashes: int) -> dict:
    script, max_len, _ = HARNESSES[name]
    base = workdir / name
    corpus, crashes = base / "corpus", base / "crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    _seed(name, corpus)
    end = time.monotonic() + seconds
    stats = {"harness": name, "seconds": 0.0, "executions": 0, "runs": 0, "crashes": [], "cov": None, "ft": None}
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    while (left := end - time.monotonic()) > 5 and len(stats["crashes"]) <= max_crashes:
        t0 = time.monotonic()
        log = base / f"run-{stats['runs']}.log"
        cmd = [sys.executable, str(HERE / script), str(corpus), f"-max_total_time={int(left)}",
               f"-max_len={max_len}", "-print_final_stats=1", "-rss_limit_mb=4096",
               # the audit harness: the engine's per-article budget (its own SIGALRM timer) replaces
               # libFuzzer's; the others keep a generous hang detector
               f"-timeout={0 if name == 'audit' else 60}", f"-artifact_prefix={crashes}/"]
        with open(log, "w") as fh:
            proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT, env=env, check=False)
        stats["runs"] += 1
        stats["seconds"] += time.monotonic() - t0
        text = log.read_text(errors="replace")
        st = dict((k, int(v)) for k, v in _STAT.findall(text))
        progress = re.findall(r"^#(\d+)", text, re.M)  # a crashed run prints no final stats
        stats["executions"] += st.get("number_of_executed_units") or (int(progress[-1]) if progress else 0)
        cov = _COV.findall(text)
        if cov:
            stats["cov"], stats["ft"] = int(cov[-1][0]), int(cov[-1][1])
        if proc.returncode != 0:
            m = re.search(r"Test unit written to (\S+)", text)
            err = [ln for ln in text.splitlines() if "Error" in ln or "Exception" in ln or "assert" in ln.lower()]
            stats["crashes"].append({"returncode": proc.returncode, "input": m.group(1) if m else None,
                                     "log": str(log), "error": err[-1][:300] if err else text[-300:]})
            if m is None and not progress:  # the harness did not even start: do not loop
                break
    stats["seconds"] = round(stats["seconds"], 1)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=3.0, help="total time over the chosen harnesses")
    ap.add_argument("--harness", default=",".join(HARNESSES), help="comma-separated: " + ", ".join(HARNESSES))
    ap.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "newsaudit-fuzz")
    ap.add_argument("--max-crashes", type=int, default=10, help="restarts after crashes, per harness")
    args = ap.parse_args(argv)
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install atheris", file=sys.stderr)
        return 2
    names = [n.strip() for n in args.harness.split(",") if n.strip()]
    unknown = [n for n in names if n not in HARNESSES]
    if unknown:
        print(f"unknown harness {', '.join(unknown)} (use {', '.join(HARNESSES)})", file=sys.stderr)
        return 2
    total = sum(HARNESSES[n][2] for n in names)
    args.workdir.mkdir(parents=True, exist_ok=True)
    summary_path = args.workdir / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {"campaigns": []}
    campaign = {"started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "minutes": args.minutes, "harnesses": []}
    for n in names:
        s = run_harness(n, 60 * args.minutes * HARNESSES[n][2] / total, args.workdir, args.max_crashes)
        campaign["harnesses"].append(s)
        print(f"{n}: {s['executions']:,} executions in {s['seconds']:.0f} s, cov {s['cov']} ft {s['ft']}, "
              f"{len(s['crashes'])} crash(es)", flush=True)
        for c in s["crashes"]:
            print(f"  crash: {c['error']}  input={c['input']}  log={c['log']}", flush=True)
    summary["campaigns"].append(campaign)
    summary_path.write_text(json.dumps(summary, indent=2))
    return 1 if any(s["crashes"] for s in campaign["harnesses"]) else 0


if __name__ == "__main__":
    sys.exit(main())
