"""Bad input through the real command line: one line per problem naming file:line, the rest
of the input still audited, exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data" / "inputs"
ROOT = Path(__file__).parent.parent


def newsaudit(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-c", "from audit.cli.main import main; main()", *args],
                          input=stdin, capture_output=True, cwd=ROOT, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def test_check_bad_jsonl_reports_each_bad_line_and_audits_the_rest() -> None:
    path = "tests/data/inputs/bad.jsonl"
    r = newsaudit("check", "--format", "jsonl", "--select", "STR001", path)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("newsaudit: error:")]
    assert [ln.split(": ")[2] for ln in errors] == [f"{path}:{n}" for n in (2, 5, 6, 7)]
    assert errors[2] == f"newsaudit: error: {path}:6: no text field 'text' (fields: id, body, lang; use --text-field)"
    assert "invalid UTF-8 byte 0xBF at line 7, byte 29" in errors[3]
    out = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ok-1", "ok-2", "empty", "ok-3"]
    assert [f["check"] for f in out[2]["findings"]] == ["STR001"]  # the empty text is flagged
    assert r.stderr.splitlines()[-1].endswith("4 input records could not be read.")


def test_check_csv_without_text_column_says_it_once() -> None:
    r = newsaudit("check", "tests/data/inputs/notext.csv")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert lines[0] == ("newsaudit: error: tests/data/inputs/notext.csv:2: no text column 'text' "
                        "(columns: id, body; use --text-field)")
    assert lines[1] == "newsaudit: error: tests/data/inputs/notext.csv: 2 more records with the same error (up to line 4)"
    assert "3 input records could not be read." in r.stdout


def test_check_missing_file_and_stdin_text() -> None:
    r = newsaudit("check", "--format", "jsonl", "no/such/file.jsonl", "-", stdin=b"Ala ma kota. " * 3)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "newsaudit: error: no/such/file.jsonl: no such file or directory" in r.stderr
    (obj,) = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert obj["id"] == "stdin"


def test_check_encoding_option_reads_a_legacy_file() -> None:
    r = newsaudit("check", "--format", "jsonl", "--select", "STR001", "--encoding", "cp1250",
                  "tests/data/inputs/legacy-cp1250.jsonl")
    assert "error:" not in r.stderr and r.returncode in (0, 1)
    (obj,) = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert obj["findings"][0]["evidence"] == "Zażółć gęślą jaźń — Łódź"
