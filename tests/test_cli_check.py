"""`newsaudit check` and `newsaudit checks` end to end, as a user runs them (issue #2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True,
                          cwd=cwd, input=stdin, timeout=300)


def test_seeds_jsonl_is_one_object_per_article_in_input_order_without_encoding_findings() -> None:
    p = run("check", "seeds/", "--format", "jsonl", "-j", "1")
    objs = [json.loads(line) for line in p.stdout.splitlines()]
    assert [o["id"] for o in objs] == sorted(f.stem for f in SEEDS.glob("*.txt"))
    assert all(set(o) >= {"id", "source", "lang", "findings", "scores"} for o in objs)
    assert not [f for o in objs for f in o["findings"] if f["category"] == "encoding"]
    assert [o["lang"] for o in objs] == ["pl", "pl", "pl", "bg", "ro"]
    # 001 carries error-severity findings: linters exit 1
    assert p.returncode == 1
    texts = {f.stem: f.read_text(encoding="utf-8") for f in SEEDS.glob("*.txt")}
    for o in objs:
        for f in o["findings"]:
            assert texts[o["id"]][f["start"] : f["end"]] == f["evidence"]


def test_json_format_is_the_same_objects_as_one_document() -> None:
    a = [json.loads(x) for x in run("check", "seeds/", "-f", "jsonl", "-j", "1").stdout.splitlines()]
    b = json.loads(run("check", "seeds/", "-f", "json", "-j", "1").stdout)
    assert a == b


def test_mis_decoded_seed_is_flagged_with_spans_and_repairs(tmp_path: Path) -> None:
    original = (SEEDS / "000_bb2f05f5b41e6663.txt").read_text(encoding="utf-8")
    garbled = original.encode("utf-8").decode("cp1250", errors="replace")
    (tmp_path / "garbled.txt").write_text(garbled, encoding="utf-8")
    p = run("check", str(tmp_path / "garbled.txt"), "-f", "jsonl", "--select", "ENC001", "--fix")
    obj = json.loads(p.stdout)
    hits = [f for f in obj["findings"] if f["check"] == "ENC001"]
    assert len(hits) > 20
    assert all(garbled[f["start"] : f["end"]] == f["evidence"] for f in hits)
    assert p.returncode == 1
    assert "Północnej" in obj["repair"]["text"]


def test_text_output_groups_findings_with_line_and_highlighted_evidence() -> None:
    p = run("check", "seeds/001_df6dc53cd25a6e55.txt")
    out = p.stdout
    assert "seeds/001_df6dc53cd25a6e55.txt" in out
    assert "»Korea Północna wystartowała Korea Północna wystrzeliła«" in out
    assert "BIO001" in out and "LNK001" in out
    assert out.strip().splitlines()[-1].startswith("Found ")
    assert p.returncode == 1


def test_clean_input_exits_zero_and_says_so(tmp_path: Path) -> None:
    f = tmp_path / "clean.txt"
    f.write_text("The city council approved the new budget on Tuesday after a four-hour debate, "
                 "the mayor's office said in a statement.\n", encoding="utf-8")
    p = run("check", str(f))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "error" not in p.stdout.lower().split("found")[0]


def test_stdin_dash_reads_one_article() -> None:
    p = run("check", "-", "-f", "jsonl", stdin=(SEEDS / "003_9a82abe3e3e380b3.txt").read_text(encoding="utf-8"))
    obj = json.loads(p.stdout)
    assert obj["id"] == "stdin" and obj["lang"] == "bg"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("check", "seeds/", "--select", "NOPE999"), "no check matches 'NOPE999'"),
        (("check", "seeds/", "--format", "xml"), "--format must be"),
        (("check", "does-not-exist.jsonl"), "does-not-exist.jsonl"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line_and_no_traceback(args: tuple[str, ...], needle: str) -> None:
    p = run(*args)
    assert p.returncode == 2
    assert needle in p.stderr
    assert "Traceback" not in p.stderr


def test_checks_lists_every_check_and_documents_one() -> None:
    p = run("checks")
    assert p.returncode == 0
    for code in ("ENC001", "MT010", "BIO001", "LNK001", "BP004", "ATT001", "DUP002", "LNG001", "STR001"):
        assert code in p.stdout
    one = run("checks", "ENC001").stdout
    assert "Flagged:" in one and "Clean:" in one and "category: encoding" in one
    md = run("checks", "--format", "markdown").stdout
    assert md.startswith("# Checks") and "## MT003" in md


def test_pyproject_config_selects_ignores_and_configures_checks(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newsaudit]\nselect = ["spam-bio", "unrelated-links"]\nignore = ["LNK002"]\n'
        '[tool.newsaudit.checks.BIO001]\nseverity = "warning"\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text((SEEDS / "001_df6dc53cd25a6e55.txt").read_text(encoding="utf-8"), encoding="utf-8")
    p = run("check", str(art), "-f", "jsonl", cwd=tmp_path)
    obj = json.loads(p.stdout)
    checks = {f["check"]: f["severity"] for f in obj["findings"]}
    assert set(checks) <= {"BIO001", "LNK001"}
    assert checks["BIO001"] == "warning"
    assert "mt_score" not in obj["scores"]  # machine translation not selected: its scorer does not run


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.newsaudit]\nselct = ["ENC"]\n', encoding="utf-8")
    p = run("check", str(SEEDS / "000_bb2f05f5b41e6663.txt"), cwd=tmp_path)
    assert p.returncode == 2 and "unknown key(s) selct" in p.stderr and "Traceback" not in p.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.newsaudit.checks.BIO001]\nnope = 3\n', encoding="utf-8")
    p = run("check", str(SEEDS / "000_bb2f05f5b41e6663.txt"), cwd=tmp_path)
    assert p.returncode == 2 and "BIO001" in p.stderr and "nope" in p.stderr


def test_spot_check_does_not_import_heavy_libraries() -> None:
    code = ("import sys; sys.argv=['newsaudit','check','seeds/000_bb2f05f5b41e6663.txt'];"
            "from audit.cli.main import app\n"
            "try: app()\nexcept SystemExit: pass\n"
            "heavy=[m for m in ('great_expectations','pandas','textstat','nltk','datasketch','distributed') "
            "if m in sys.modules]; print('HEAVY', heavy)")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "HEAVY []" in p.stdout, p.stdout + p.stderr


def test_usage_errors_exit_2_for_linting_commands_and_3_for_the_gate() -> None:
    assert run("check", "--bogus").returncode == 2
    p = run("gate", "seeds/", "--bogus")
    assert p.returncode == 3 and "No such option" in p.stderr
    assert run("gate").returncode == 3
    assert run("--version").returncode == 0
