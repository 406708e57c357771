"""The gate's output files, written so that a killed run never leaves half a file.

Guarantee (see docs/gate.md, "Output guarantee"):

1. Every file is written to a temporary file in the output directory, flushed and
   fsynced, then moved over its final name with :func:`os.replace` (atomic on POSIX
   within one file system): a reader sees the old file or the new one, never a part.
2. ``summary.json`` is the manifest. Before anything else is replaced the old
   ``summary.json`` is removed; the new one is written last and lists every other
   file with its size and SHA-256. So: *no* ``summary.json`` means the set is
   incomplete (a run is writing or was killed); a ``summary.json`` whose sizes and
   hashes match the files (:func:`verify_outputs`) means the set is complete and
   comes from one run.

>>> import tempfile, json, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_writer(d / "a.txt") as w:
...     _ = w.write("hello\\n")
>>> write_manifest_summary(d, {"verdict": "passed"}, {"a.txt": w.info()})
>>> verify_outputs(d)
[]
>>> _ = (d / "a.txt").write_text("tampered")
>>> verify_outputs(d)[0].startswith("a.txt: size")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

SUMMARY = "summary.json"
ACCEPTED = "accepted.jsonl"
QUARANTINED = "quarantined.jsonl"
JUNIT = "junit.xml"


class _HashingWriter:
    """A text writer that counts bytes, lines and the SHA-256 of what it writes."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh
        self._sha = hashlib.sha256()
        self.bytes = 0
        self.records = 0

    def write(self, s: str) -> int:
        # a lone surrogate (from a JSON "\ud800" escape in the input) cannot be UTF-8: written
        # as the 6-character escape, which is what it was in JSON and reads back the same
        b = s.encode("utf-8", "backslashreplace")
        self._fh.write(b)
        self._sha.update(b)
        self.bytes += len(b)
        self.records += s.count("\n")
        return len(s)

    def info(self) -> dict[str, Any]:
        return {"bytes": self.bytes, "sha256": self._sha.hexdigest()}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(d: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(d, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[_HashingWriter]:
    """Write ``path`` atomically: temp file in the same directory, fsync, ``os.replace``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            w = _HashingWriter(fh)
            yield w
            fh.flush()
            os.fchmod(fh.fileno(), 0o666 & ~_umask())
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def begin_outputs(out_dir: Path) -> None:
    """Invalidate the previous set before replacing any of its files."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(out_dir / SUMMARY)
        _fsync_dir(out_dir)


def write_manifest_summary(out_dir: Path, summary: dict[str, Any], files: dict[str, dict[str, Any]]) -> None:
    """Write ``summary.json`` (last), with the manifest of the other files."""
    doc = dict(summary)
    doc["files"] = files
    with atomic_writer(out_dir / SUMMARY) as w:
        w.write(json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n")


def verify_outputs(out_dir: str | Path) -> list[str]:
    """Problems with a gate output directory; ``[]`` means the set is complete and consistent."""
    d = Path(out_dir)
    try:
        summary = json.loads((d / SUMMARY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [f"{SUMMARY}: missing (the run was interrupted or is still writing)"]
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{SUMMARY}: unreadable ({exc})"]
    problems: list[str] = []
    for name, meta in (summary.get("files") or {}).items():
        p = d / name
        try:
            data = p.read_bytes()
        except OSError:
            problems.append(f"{name}: missing")
            continue
        if len(data) != meta.get("bytes"):
            problems.append(f"{name}: size {len(data)} != {meta.get('bytes')} in {SUMMARY}")
        elif hashlib.sha256(data).hexdigest() != meta.get("sha256"):
            problems.append(f"{name}: SHA-256 differs from {SUMMARY}")
    return problems


# -- JUnit XML ---------------------------------------------------------------------------------
def junit_xml(suite_name: str, cases: list[dict[str, Any]], wall_time: float) -> str:
    """One ``<testcase>`` per expectation (and one for the reconciliation).

    Each case: ``name, classname, failure (message or None), details, system_out``.
    """
    failures = sum(1 for c in cases if c.get("failure"))
    root = ET.Element("testsuites", name="newsaudit gate", tests=str(len(cases)),
                      failures=str(failures), errors="0", time=f"{wall_time:.3f}")
    ts = ET.SubElement(root, "testsuite", name=f"newsaudit gate: {suite_name}", tests=str(len(cases)),
                       failures=str(failures), errors="0", skipped="0", time=f"{wall_time:.3f}")
    for c in cases:
        tc = ET.SubElement(ts, "testcase", classname=c["classname"], name=c["name"], time="0")
        if c.get("failure"):
            f = ET.SubElement(tc, "failure", message=_xml_safe(c["failure"]), type=c.get("type", "expectation"))
            f.text = _xml_safe(c.get("details") or c["failure"])
        if c.get("system_out"):
            so = ET.SubElement(tc, "system-out")
            so.text = _xml_safe(c["system_out"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _xml_safe(s: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters from broken articles)."""
    return "".join(ch for ch in str(s) if ch in "\t\n\r" or (ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF)
                                                             and not 0xD800 <= ord(ch) <= 0xDFFF))
