"""atheris harness: bytes -> a file -> ``iter_records``, in every format.

The first byte picks the format (jsonl, json, csv, tsv, txt) and the container (plain
file, valid gzip, or the raw bytes named ``.gz`` — a corrupt archive); the rest is the
file's content. Invariants (``invariants.py``): no exception escapes the loader, every
item is an Article or an InputError with a one-line message and its stream index, a
text file is one record, and a JSON Lines file yields one item per non-blank line.

Run: ``python tests/fuzz/run.py --harness load --minutes 10`` (or directly:
``python tests/fuzz/fuzz_load.py CORPUS_DIR -max_total_time=600``).
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with atheris.instrument_imports(include=["audit"]):
    from audit.load import iter_records
    from audit.load.readers import _CSV_FIELD_LIMIT  # noqa: F401  (instrument the readers too)

from invariants import fail_on, fuzz, jsonl_record_count, stream_problems

FORMATS = ("jsonl", "json", "csv", "tsv", "txt")
_DIR = tempfile.mkdtemp(prefix="newsaudit-fuzz-load-")


def TestOneInput(data: bytes) -> None:
    if not data:
        return
    sel, body = data[0], data[1:]
    fmt = FORMATS[sel % len(FORMATS)]
    container = (sel // len(FORMATS)) % 3  # 0 plain, 1 gzip, 2 corrupt gzip
    name = os.path.join(_DIR, f"in.{fmt}" + (".gz" if container else ""))
    with open(name, "wb") as fh:
        fh.write(gzip.compress(body, mtime=0) if container == 1 else body)
    items = list(iter_records([name]))
    expected: int | None = None
    if fmt == "txt" and container != 2:
        expected = 1
    elif fmt == "jsonl" and container != 2:
        expected = jsonl_record_count(body)
    problems = stream_problems(items, expected)
    if container == 2 and body and not items:
        problems.append("a corrupt archive produced no item at all")
    fail_on(problems, f"{fmt}{'.gz' if container else ''}: ")


def main() -> None:
    fuzz(TestOneInput)


if __name__ == "__main__":
    main()
