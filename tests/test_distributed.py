"""The Dask engine produces exactly the local engine's output (issue #7)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from audit.check.distributed import audit_on_dask  # noqa: E402
from audit.check.parallel import AuditorSpec, audit_parallel  # noqa: E402
from audit.load import LoadOptions, iter_records  # noqa: E402
from audit.model import InputError  # noqa: E402

SEEDS = sorted(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt"))


def _write_shards(tmp: Path) -> list[Path]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    shards = []
    n = 0
    for s in range(3):
        path = tmp / f"part-{s:03d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(7):
                t = texts[(s * 7 + i) % len(texts)]
                fh.write(json.dumps({"id": f"a{n}", "text": t[i * 50 :], "source": f"src{s}",
                                     "url": f"https://example{s}.com/{n}"}, ensure_ascii=False) + "\n")
                n += 1
            if s == 1:
                fh.write("{not json\n")
        shards.append(path)
    return shards


def _local(shards: list[Path]) -> list[object]:
    out: list[object] = []
    for r in audit_parallel(iter_records(shards, LoadOptions()), AuditorSpec(), workers=1):
        out.append(("error", r.message) if isinstance(r, InputError) else r.to_dict())
    return out


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_dask_results_equal_local_results(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    shards = _write_shards(tmp_path)
    local = _local(shards)
    remote: list[object] = []
    for item in audit_on_dask([tmp_path], AuditorSpec(), LoadOptions(), client=client, max_in_flight=2):
        if "input_error" in item:
            remote.append(("error", item["input_error"]["message"]))
        else:
            remote.append(item["result"])
    assert len(remote) == 22
    assert remote == local


def test_cli_dask_engine_against_a_running_scheduler(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    _write_shards(tmp_path)
    addr = client.scheduler.address
    cmd = [sys.executable, "-m", "audit", "check", str(tmp_path), "--engine", "dask", "--scheduler", addr,
           "--format", "jsonl"]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    lines = [json.loads(x) for x in p.stdout.splitlines()]
    assert [o["id"] for o in lines] == [f"a{i}" for i in range(21)]
    assert p.returncode == 2  # one unreadable line: the user must act
    assert "part-001.jsonl:8" in p.stderr


def test_result_stream_on_dask_equals_local_including_source_rows(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    from audit.check.distributed import audit_paths

    _write_shards(tmp_path)
    spec = AuditorSpec(source_rows=True)
    local = list(audit_paths([tmp_path], LoadOptions(), spec, workers=1))
    remote = list(audit_paths([tmp_path], LoadOptions(), spec, engine="dask", client=client))
    assert len(local) == len(remote) == 22
    for a, b in zip(local, remote, strict=True):
        if isinstance(a, InputError):
            assert isinstance(b, InputError) and a.message == b.message
            continue
        assert a.to_dict() == b.to_dict()
        assert a.article == b.article  # the text was read locally, the checks ran remotely
        assert a.source_row == b.source_row


def test_sources_and_gate_accept_the_dask_engine(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "in"
    data.mkdir()
    _write_shards(data)
    addr = client.scheduler.address
    base = [sys.executable, "-m", "audit"]
    local = subprocess.run([*base, "sources", str(data), "--format", "json", "-j", "1"],
                           capture_output=True, text=True, timeout=300)
    remote = subprocess.run([*base, "sources", str(data), "--format", "json", "--engine", "dask",
                             "--scheduler", addr], capture_output=True, text=True, timeout=300)
    assert json.loads(local.stdout) == json.loads(remote.stdout)
    outs = {}
    for engine in ("local", "dask"):
        out = tmp_path / f"gate-{engine}"
        args = [*base, "gate", str(data), "--out", str(out), "--engine", engine]
        if engine == "dask":
            args += ["--scheduler", addr]
        p = subprocess.run(args, capture_output=True, text=True, timeout=300)
        assert p.returncode in (0, 1), p.stderr
        outs[engine] = {name: (out / name).read_text(encoding="utf-8") for name in ("accepted.jsonl", "quarantined.jsonl")}
    assert outs["local"] == outs["dask"]
