"""The gate's output files, written so that a killed run never leaves half a file.

Guarantee (see docs/gate.md, "Output guarantee"):

1. Every file is written to a temporary file, flushed and fsynced, then moved over its
   final name with :func:`os.replace` (atomic on POSIX within one file system): a reader
   sees the old file or the new one, never a part.
2. The *set* switches atomically (:class:`OutputSet`). A run writes all its files into a
   fresh hidden directory ``DIR/.runs/<run-id>/``, fsyncs them, and then repoints the
   symlink ``DIR/.current`` to it with one ``os.replace`` of a temporary symlink. The
   stable names ``DIR/accepted.jsonl`` ... are symlinks to ``.current/accepted.jsonl`` ...,
   so at every instant they all resolve into one complete run: the previous one or the
   new one. Plain files left by an older newsaudit are migrated once (hard-linked into a
   run directory that ``.current`` points to, then each name is swapped for its symlink:
   every name keeps its bytes throughout). Where symlinks cannot be made (some Windows
   setups, some network file systems, or ``NEWSAUDIT_GATE_NO_SYMLINKS=1``) the files are
   replaced one by one in ``DIR`` as in 0.x (point 3 then tells a mixed set apart).
3. ``summary.json`` is the manifest: it lists every other file with its size and SHA-256
   (:func:`verify_outputs`). In the per-file fallback the old ``summary.json`` is removed
   before anything is replaced and the new one written last, so *no* ``summary.json``
   means an incomplete set.
4. Leftovers of a killed run (spool, ``.tmp`` files, run directories never switched to)
   are removed at the start of the next run (:func:`clean_stale`): only names matching
   newsaudit's own temporary naming, and only when the writer process is dead (its PID is
   in the name) or, for unnamed ones, when they are older than the new run's start. The
   checkpointed state of a killed run (:mod:`audit.gate.checkpoint`: its spool, rows and
   checkpoint) is kept for ``--resume``; it goes after the next successful commit.

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
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

SUMMARY = "summary.json"
ACCEPTED = "accepted.jsonl"
QUARANTINED = "quarantined.jsonl"
JUNIT = "junit.xml"
#: the output names a run always writes (the report is added when it is inside DIR)
NAMES = (ACCEPTED, QUARANTINED, JUNIT, SUMMARY)
CURRENT = ".current"  # symlink -> .runs/<run-id>
RUNS = ".runs"
NO_SYMLINKS_ENV = "NEWSAUDIT_GATE_NO_SYMLINKS"


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


def _fsync_path(d: Path) -> None:
    """Flush a file or a directory (its entries: renames, links) to disk; best effort."""
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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp")
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
    _fsync_path(path.parent)


def begin_outputs(out_dir: Path) -> None:
    """Invalidate the previous set before replacing any of its files."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(out_dir / SUMMARY)
        _fsync_path(out_dir)


def write_manifest_summary(out_dir: Path, summary: dict[str, Any], files: dict[str, dict[str, Any]]) -> None:
    """Write ``summary.json`` (last), with the manifest of the other files."""
    doc = dict(summary)
    doc["files"] = files
    with atomic_writer(out_dir / SUMMARY) as w:
        w.write(json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process is not writing it: a gate runs one set at a time
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's) or unknown: leave it
    return True


def _tmp_re(names: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in names)
    # .accepted.jsonl.<pid>-XXXXXXXX.tmp (since the set switch) or .accepted.jsonl.XXXXXXXX.tmp (before)
    return re.compile(rf"\.(?:{alt}|{re.escape(CURRENT.lstrip('.'))})\.(?:(\d+)-)?[A-Za-z0-9_]+\.tmp")


_SPOOL_RE = re.compile(r"\.gate-spool-(?:(\d+)-)?[A-Za-z0-9_]+\.jsonl")
_RUN_RE = re.compile(r"(\d{20})-(\d+)-[0-9a-f]{6}")


def _stale(pid: str | None, path: Path, started: float) -> bool:
    if pid is not None:
        return not _pid_alive(int(pid))
    try:
        return path.lstat().st_mtime < started
    except OSError:
        return False


def clean_stale(out_dir: Path, extra_names: tuple[str, ...] = (), *, started: float | None = None) -> list[str]:
    """Remove what a killed gate left in ``out_dir``: its spool (full texts), temporary
    files and symlinks, and run directories that were never switched to. Only names that
    match newsaudit's own temporary naming, whose writer PID is dead (or, without a PID in
    the name, older than ``started``); never the current or the previous run. Returns
    the names removed (relative to ``out_dir``)."""
    d = Path(out_dir)
    started = time.time() if started is None else started
    tmp_re = _tmp_re((*NAMES, *extra_names))
    removed: list[str] = []
    try:
        entries = list(os.scandir(d))
    except OSError:
        return removed
    from audit.gate.checkpoint import STATE_RE, resumable_keys

    resumable = resumable_keys(d)
    for e in entries:
        state = STATE_RE.fullmatch(e.name)
        if state:
            # a job's checkpointed state is kept while its checkpoint exists (for --resume); the
            # temp file of a checkpoint (writer PID in the name), or a spool/rows file without
            # a checkpoint, is a leftover
            pid = state.group(2)
            if pid is None and state.group(1) in resumable:
                continue
            if not e.is_dir(follow_symlinks=False) and _stale(pid, Path(e.path), started):
                with contextlib.suppress(OSError):
                    os.unlink(e.path)
                    removed.append(e.name)
            continue
        m = _SPOOL_RE.fullmatch(e.name) or tmp_re.fullmatch(e.name)
        if m and not e.is_dir(follow_symlinks=False) and _stale(m.group(1), Path(e.path), started):
            with contextlib.suppress(OSError):
                os.unlink(e.path)
                removed.append(e.name)
    runs = d / RUNS
    if runs.is_dir() and not runs.is_symlink():
        cur = _link_target_name(d / CURRENT)
        keep = {cur}
        if cur is not None:
            with contextlib.suppress(OSError):
                keep.add(_link_target_name(runs / cur / ".previous"))
        for e in list(os.scandir(runs)):
            m = _RUN_RE.fullmatch(e.name) or re.fullmatch(r"legacy-(\d{20})-(\d+)-[0-9a-f]{6}", e.name)
            if m and e.name not in keep and e.is_dir(follow_symlinks=False) and not _pid_alive(int(m.group(2))):
                shutil.rmtree(e.path, ignore_errors=True)
                removed.append(f"{RUNS}/{e.name}")
    return removed


def _link_target_name(link: Path) -> str | None:
    try:
        return os.path.basename(os.readlink(link))
    except OSError:
        return None


def _symlinks_work(d: Path) -> bool:
    if os.environ.get(NO_SYMLINKS_ENV):
        return False
    probe = d / f".{CURRENT.lstrip('.')}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        os.symlink(RUNS, probe)
    except (OSError, NotImplementedError, AttributeError):
        return False
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return True


def _run_id(prefix: str = "") -> str:
    return f"{prefix}{time.time_ns():020d}-{os.getpid()}-{secrets.token_hex(3)}"


def _replace_with_symlink(target: str, link: Path) -> None:
    """Make ``link`` a symlink to ``target`` with one atomic rename."""
    tmp = link.parent / f".{link.name.lstrip('.')}.{os.getpid()}-{secrets.token_hex(4)}.tmp"
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class OutputSet:
    """Where a run writes its files, and the atomic switch that publishes them.

    ``path(name)`` is where to write ``name``; :meth:`commit` publishes the set. With
    symlinks (the default) ``path`` is inside a fresh ``DIR/.runs/<run-id>/`` and
    ``commit`` swaps ``DIR/.current``; without, ``path`` is ``DIR/name`` and the caller's
    per-file atomic replacement plus the manifest are the guarantee.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out = Path(out_dir)
        self.symlinks = _symlinks_work(self.out)
        if self.symlinks:
            if (self.out / CURRENT).exists() and not (self.out / CURRENT).is_symlink():
                from audit.gate import GateConfigError

                raise GateConfigError(f"--out {self.out}: {CURRENT} is a directory, not the gate's symlink; "
                                      "move it away (a copy made without keeping symlinks?)")
            self.run_id: str | None = _run_id()
            self.dir = self.out / RUNS / self.run_id
            self.dir.mkdir(parents=True)
        else:
            self.run_id = None
            self.dir = self.out
            begin_outputs(self.out)

    def path(self, name: str) -> Path:
        return self.dir / name

    def commit(self, names: list[str]) -> None:
        """Publish the run: after this returns, every stable name resolves into it."""
        if not self.symlinks:
            return
        out = self.out
        previous = _link_target_name(out / CURRENT)
        for n in names:
            _fsync_path(self.dir / n)
        if previous is not None:  # kept by the garbage collection below (and after a kill)
            os.symlink(f"../{previous}", self.dir / ".previous")
        _fsync_path(self.dir)
        _fsync_path(out / RUNS)
        self._migrate(names)
        # the switch: one rename of a symlink
        _replace_with_symlink(f"{RUNS}/{self.run_id}", out / CURRENT)
        _fsync_path(out)
        for n in names:
            link = out / n
            if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{n}"):
                _replace_with_symlink(f"{CURRENT}/{n}", link)
        # stable links to a name the new run does not have (e.g. a report no longer asked for)
        for e in list(os.scandir(out)):
            if e.is_symlink() and os.readlink(e.path) == f"{CURRENT}/{e.name}" and e.name not in names:
                with contextlib.suppress(OSError):
                    os.unlink(e.path)
        _fsync_path(out)
        clean_stale(out, tuple(names))

    def _migrate(self, names: list[str]) -> None:
        """Plain files under the stable names (an older newsaudit, or the per-file fallback):
        hard-link them into a run directory, point ``.current`` at it, then swap each name for
        its symlink. Each name keeps its bytes at every instant; idempotent after a kill."""
        out = self.out
        stable = sorted(set(names) | set(NAMES))
        plain = [n for n in stable if (out / n).is_file() and not (out / n).is_symlink()]
        if not plain:
            return
        legacy = out / RUNS / _run_id("legacy-")
        legacy.mkdir(parents=True)
        for n in stable:
            src = out / n
            if not src.exists():
                continue
            try:
                os.link(src, legacy / n, follow_symlinks=True)
            except OSError:
                shutil.copy2(src, legacy / n)
            _fsync_path(legacy / n)
        prev = _link_target_name(out / CURRENT)
        if prev is not None:
            os.symlink(f"../{prev}", legacy / ".previous")
        _fsync_path(legacy)
        _fsync_path(out / RUNS)
        _replace_with_symlink(f"{RUNS}/{legacy.name}", out / CURRENT)
        for n in stable:
            if (out / n).exists() or (out / n).is_symlink():
                _replace_with_symlink(f"{CURRENT}/{n}", out / n)
        _fsync_path(out)
        prevlink = self.dir / ".previous"
        with contextlib.suppress(OSError):
            os.unlink(prevlink)
        os.symlink(f"../{legacy.name}", prevlink)


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
