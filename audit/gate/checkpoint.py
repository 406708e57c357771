"""Checkpoints of a gate run, so that a killed run can be resumed (``newsaudit gate --resume``).

Every gate run whose input can be re-read (not stdin) keeps its state in three files of
the output directory, named with ``<key>``, 16 hex digits of the job's fingerprint
(:func:`fingerprint`: the input files with size and mtime, the load options, the checks
and their options, the suite's SHA-256, the newsaudit version, the chunk size):

* ``.gate-spool-<key>.jsonl`` — the spool of the run (each record with its findings);
* ``.gate-rows-<key>.jsonl`` — for each record, its feature row and its per-source row
  (the MinHash signature...): the in-memory state a resumed run rebuilds;
* ``.gate-checkpoint-<key>.json`` — written atomically after both files were flushed and
  fsynced, at the start, after every chunk of ``chunk_rows`` records and when the audit
  is complete: how many records were consumed and the byte length of both files then.

A resumed run truncates both files to the checkpointed lengths (what was written after
the checkpoint is dropped), rebuilds the frame's rows from ``rows.jsonl``, skips that
many input records and audits the rest, appending to the same files. Every record is
therefore audited exactly once, and the outputs equal those of an uninterrupted run.

The state is deleted after a successful commit of the outputs (every job's state in
``DIR``: a newer output set supersedes them), and when the input turns out unreadable.
:func:`audit.gate.outputs.clean_stale` keeps a spool and rows file while their
checkpoint exists.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> fp = Fingerprint({"input files": "a", "suite": "b"})
>>> job = start(d, fp, resume=True)
>>> job.resume is None, job.notice == f"no checkpoint to resume in {d}; starting from the first record"
(True, True)
>>> job.rows.write('[{"id": "x"}, null]\\n')
20
>>> job.spool_fh.write('{"kind": "article"}\\n')
20
>>> job.checkpoint(records=1, articles=1)
>>> start(d, fp, resume=True).resume.records
1
>>> start(d, Fingerprint({"input files": "a", "suite": "c"}), resume=True).notice.endswith(
...     "(changed: suite); starting from the first record")
True
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from audit import __version__
from audit.gate import GateConfigError
from audit.gate import outputs as O

if TYPE_CHECKING:  # pragma: no cover
    from audit.check.parallel import AuditorSpec
    from audit.load.options import LoadOptions

#: the names of a job's state files in the output directory
SPOOL = ".gate-spool-{key}.jsonl"
ROWS = ".gate-rows-{key}.jsonl"
CHECKPOINT = ".gate-checkpoint-{key}.json"
#: every state file, with the temporary names of the checkpoint's atomic writes
STATE_RE = re.compile(r"\.?\.gate-(?:spool|rows|checkpoint)-([0-9a-f]{16})\.json(?:l|\.(\d+)-[A-Za-z0-9_]+\.tmp)?")
#: the checkpoint file's format; a checkpoint of another format is not resumed
FORMAT = 1


@dataclass(frozen=True)
class Fingerprint:
    """What makes two gate runs the same job: one SHA-256 per component, by label."""

    parts: dict[str, str]

    @property
    def key(self) -> str:
        return hashlib.sha256(json.dumps(self.parts, sort_keys=True).encode()).hexdigest()[:16]

    def changed(self, other: dict[str, str]) -> list[str]:
        """The labels of the components that differ from ``other`` (a stored fingerprint)."""
        return [k for k in sorted({*self.parts, *other}) if self.parts.get(k) != other.get(k)]


def _sha(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def fingerprint(inputs: Sequence[str | Path], options: LoadOptions, spec: AuditorSpec, suite_sha256: str,
                chunk_rows: int) -> Fingerprint | None:
    """The job's fingerprint, or ``None`` when it cannot be resumed (an input is stdin:
    it cannot be read a second time)."""
    from audit.load import list_inputs

    try:
        files = list_inputs(inputs, options)
    except OSError as exc:
        raise GateConfigError(f"input: cannot list ({exc.strerror or exc})") from exc
    if "-" in files or any(str(p) == "-" for p in inputs):
        return None
    stats: list[list[Any]] = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError:
            stats.append([os.path.abspath(f), None, None])  # reading it will report the problem
            continue
        stats.append([os.path.realpath(f), st.st_size, st.st_mtime_ns])
    checks = dataclasses.asdict(spec)
    if isinstance(checks.get("config"), dict):
        checks["config"].pop("path", None)  # where the config file is does not change the audit
    return Fingerprint({
        "input files": _sha(stats),
        "load options": _sha(dataclasses.asdict(options)),
        "checks and their options": _sha(checks),
        "suite": suite_sha256,
        "newsaudit version": __version__,
        "chunk size": str(chunk_rows),
    })


@dataclass(frozen=True)
class Resume:
    """A checkpoint that a run continues from."""

    records: int  # records consumed (input errors included)
    articles: int
    complete: bool  # the whole input was audited
    spool_bytes: int
    rows_bytes: int


class Job:
    """The checkpointed state of one run (see the module docstring). ``resume`` is the
    checkpoint continued from (``None``: a fresh start); ``notice`` the one line to tell
    the user, if any."""

    def __init__(self, out: Path, fp: Fingerprint, resume: Resume | None, notice: str | None) -> None:
        self.out = out
        self.fp = fp
        self.resume = resume
        self.notice = notice
        self.spool_path, self.rows_path, self.checkpoint_path = _paths(out, fp.key)
        if resume is None:
            _discard(out, fp.key)
            mode = "w"
        else:
            for path, size in ((self.spool_path, resume.spool_bytes), (self.rows_path, resume.rows_bytes)):
                os.truncate(path, size)  # drop what was written after the checkpoint
            mode = "a"
        self.spool_fh: IO[str] = open(self.spool_path, mode, encoding="utf-8")
        self.rows: IO[str] = open(self.rows_path, mode, encoding="utf-8")
        if resume is None:
            self.checkpoint(records=0, articles=0)  # records the writer's PID at once

    def replay(self) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
        """The (feature row, source row) of every checkpointed record, in input order."""
        assert self.resume is not None
        with open(self.rows_path, encoding="utf-8") as fh:
            for line in fh:
                row, srow = json.loads(line)
                yield row, srow

    def checkpoint(self, *, records: int, articles: int, complete: bool = False) -> None:
        """Make the spool and the rows durable, then record their lengths atomically."""
        try:
            sizes = []
            for fh in (self.spool_fh, self.rows):
                fh.flush()
                os.fsync(fh.fileno())
                sizes.append(os.fstat(fh.fileno()).st_size)
            doc = {"format": FORMAT, "key": self.fp.key, "fingerprint": self.fp.parts, "records": records,
                   "articles": articles, "complete": complete, "spool_bytes": sizes[0], "rows_bytes": sizes[1],
                   "pid": os.getpid(), "written_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
            with O.atomic_writer(self.checkpoint_path) as w:
                w.write(json.dumps(doc, indent=1) + "\n")
        except OSError as exc:
            raise GateConfigError(f"--out {self.out}: cannot write the checkpoint ({exc.strerror or exc})") from exc

    def close(self) -> None:
        for fh in (self.spool_fh, self.rows):
            if not fh.closed:
                fh.close()

    def discard(self) -> None:
        """Delete this job's state (the run was refused)."""
        self.close()
        _discard(self.out, self.fp.key)


def _paths(out: Path, key: str) -> tuple[Path, Path, Path]:
    return out / SPOOL.format(key=key), out / ROWS.format(key=key), out / CHECKPOINT.format(key=key)


def _discard(out: Path, key: str | None) -> None:
    """Delete the state files of job ``key`` (``None``: of every job) and their temp files;
    the checkpoint first, so that a kill in between leaves nothing that looks resumable."""
    try:
        names = sorted((e.name for e in os.scandir(out)), key=lambda n: "checkpoint" not in n)
    except OSError:
        return
    for name in names:
        m = STATE_RE.fullmatch(name)
        if m and (key is None or m.group(1) == key):
            with contextlib.suppress(OSError):
                os.unlink(out / name)


def discard_all(out: Path) -> None:
    """Delete every job's state in ``out`` (after a commit: the new set supersedes them)."""
    _discard(Path(out), None)


def resumable_keys(out: Path) -> set[str]:
    """The keys of the jobs in ``out`` that have a checkpoint (their spool and rows are kept
    by :func:`audit.gate.outputs.clean_stale`)."""
    keys = set()
    with contextlib.suppress(OSError):
        for e in os.scandir(out):
            m = STATE_RE.fullmatch(e.name)
            if m and e.name == CHECKPOINT.format(key=m.group(1)):
                keys.add(m.group(1))
    return keys


def _read(path: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _newest_other(out: Path, key: str) -> dict[str, Any] | None:
    best: tuple[float, dict[str, Any]] | None = None
    with contextlib.suppress(OSError):
        for other in resumable_keys(out) - {key}:
            p = out / CHECKPOINT.format(key=other)
            doc = _read(p)
            if doc is None or not isinstance(doc.get("fingerprint"), dict):
                continue
            mtime = p.stat().st_mtime
            if best is None or mtime > best[0]:
                best = (mtime, doc)
    return best[1] if best else None


def _count_lines(path: Path, size: int) -> int:
    n = 0
    with open(path, "rb") as fh:
        left = size
        while left > 0:
            block = fh.read(min(left, 1 << 20))
            if not block:
                break
            n += block.count(b"\n")
            left -= len(block)
    return n


def _valid(out: Path, key: str, doc: dict[str, Any]) -> str | None:
    """Why the checkpoint of job ``key`` cannot be continued (``None``: it can)."""
    try:
        records, spool_bytes, rows_bytes = int(doc["records"]), int(doc["spool_bytes"]), int(doc["rows_bytes"])
        int(doc["articles"])
    except (KeyError, TypeError, ValueError):
        return "its checkpoint file is incomplete"
    spool, rows, _ = _paths(out, key)
    for path, size in ((spool, spool_bytes), (rows, rows_bytes)):
        name = path.name
        try:
            have = path.stat().st_size
        except OSError:
            return f"its {name} is missing"
        if have < size:
            return f"its {name} is shorter than checkpointed"
        # one line per consumed record, ending exactly at the checkpointed length
        if _count_lines(path, size) != records:
            return f"its {name} does not hold the {records} checkpointed records"
    return None


def start(out: Path, fp: Fingerprint, *, resume: bool) -> Job:
    """Open the checkpointed state of job ``fp`` in ``out``: continue its checkpoint when
    ``resume`` is asked and it can be continued, else start afresh (with a notice saying
    why, when ``resume`` was asked or when a resumable checkpoint is being overwritten).
    Raises :class:`GateConfigError` when a live process is writing that state."""
    ckpt = out / CHECKPOINT.format(key=fp.key)
    doc = _read(ckpt)
    pid = doc.get("pid") if doc else None
    if isinstance(pid, int) and O._pid_alive(pid):
        raise GateConfigError(f"--out {out}: gate process {pid} is running the same job into this directory; "
                              f"wait for it (or, if no gate is running, delete {ckpt})")
    where = f"in {out}"
    why: str | None
    if doc is not None and (doc.get("format") != FORMAT or doc.get("key") != fp.key
                            or doc.get("fingerprint") != fp.parts):
        doc, why = None, "its checkpoint is of another newsaudit format"
    else:
        why = _valid(out, fp.key, doc) if doc is not None else None
    if doc is not None and why is None:
        r = Resume(records=int(doc["records"]), articles=int(doc["articles"]), complete=bool(doc.get("complete")),
                   spool_bytes=int(doc["spool_bytes"]), rows_bytes=int(doc["rows_bytes"]))
        if resume:
            return Job(out, fp, r, None)
        return Job(out, fp, None, (f"{out} holds the checkpoint of an interrupted run of this job "
                                   f"({r.records} records audited); starting over (--resume continues it)")
                   if r.records else None)
    if not resume:
        return Job(out, fp, None, None)
    notice: str
    if why is not None:
        notice = f"the checkpoint {where} cannot be continued ({why}); starting from the first record"
    else:
        other = _newest_other(out, fp.key)
        if other is not None:
            changed = fp.changed(other["fingerprint"])
            notice = (f"the checkpoint {where} is of another job (changed: {', '.join(changed)}); "
                      "starting from the first record")
        else:
            notice = f"no checkpoint to resume {where}; starting from the first record"
    return Job(out, fp, None, notice)
