"""The GX expectation pack (audit.gate.expectations) and the refusal of partial suites."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_gate_support import NEWS, SEEDS

from audit.gate import GateConfigError
from audit.gate.suite import import_gx, load_suite


@pytest.fixture(scope="module")
def validate():
    gx = import_gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    bd = ctx.data_sources.add_pandas("t").add_dataframe_asset("a").add_batch_definition_whole_dataframe("b")

    def run(df, *expectations):
        suite = gx.ExpectationSuite(name="pack-test", expectations=list(expectations))
        batch = bd.get_batch(batch_parameters={"dataframe": df})
        return batch.validate(suite, result_format="COMPLETE").results

    return run


def _flagged(select: list[str], texts: list[str], min_severity: str = "error") -> list[int]:
    """What `newsaudit check --select ...` says, to compare the expectations against."""
    from audit.check.engine import Auditor
    from audit.model import Article

    aud = Auditor(select=select)
    rank = {"info": 0, "warning": 1, "error": 2}
    return [i for i, t in enumerate(texts)
            if any(rank[f.severity] >= rank[min_severity] for f in aud.audit(Article(id=str(i), text=t)).findings)]


def test_pass_newsaudit_checks_flags_exactly_the_failing_rows(validate) -> None:
    import pandas as pd

    import audit.gate.expectations as nx

    df = pd.DataFrame({"body": ["", NEWS * 2, "Read more here", NEWS]})
    (r1, r2) = validate(
        df,
        nx.ExpectColumnValuesToPassNewsauditChecks(column="body", select=["structure"]),
        nx.ExpectColumnValuesToPassNewsauditChecks(column="body", select=["structure"], mostly=0.5),
    )
    assert r1.result["unexpected_index_list"] == [0, 2] == _flagged(["structure"], list(df["body"]))
    assert r1.success is False and r2.success is True  # mostly works as in any GX expectation


def test_category_expectations_agree_with_the_checks(validate) -> None:
    import pandas as pd

    import audit.gate.expectations as nx

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts = [NEWS * 2, "Caf\u00c3\u00a9 au lait, said the chef on Tuesday in Paris.", *seeds,
             seeds[0].encode("utf-8").decode("cp1252", errors="replace")]
    df = pd.DataFrame({"body": texts})
    pairs = [
        ("encoding", nx.ExpectColumnValuesToBeFreeOfMojibake),
        ("spam-bio", nx.ExpectColumnValuesToHaveNoSpamBio),
        ("unrelated-links", nx.ExpectColumnValuesToHaveNoUnrelatedLinks),
        ("machine-translation", nx.ExpectColumnValuesToHaveNoMachineTranslationGarble),
        ("boilerplate", nx.ExpectColumnValuesToHaveNoBoilerplate),
    ]
    from audit.check.base import registry

    installed = {str(c.category) for c in registry().values()}
    pairs = [(cat, cls) for cat, cls in pairs if cat in installed]
    assert pairs, "no category of the pack has checks installed"
    results = validate(df, *(cls(column="body", min_severity="warning") for _, cls in pairs))
    by_type = {r.expectation_config.type: r for r in results}
    for cat, cls in pairs:
        r = by_type[cls(column="body").expectation_type]
        assert not r.exception_info.get("raised_exception"), r.exception_info
        assert r.result["unexpected_index_list"] == _flagged([cat], texts, "warning"), cat
    if "encoding" in installed:  # mis-decoded text is what the mojibake expectation is for
        enc = by_type["expect_column_values_to_be_free_of_mojibake"]
        assert 1 in enc.result["unexpected_index_list"] and len(texts) - 1 in enc.result["unexpected_index_list"]


def test_pack_expectations_serialise_to_suite_json_and_back() -> None:
    gx = import_gx()
    import audit.gate.expectations as nx

    suite = gx.ExpectationSuite(name="s", expectations=[
        nx.ExpectColumnValuesToHaveAttributionDensityAbove(column="body", min_value=0.05, min_words=250),
        nx.ExpectColumnValuesToBeFreeOfMojibake(column="body", mostly=0.99),
    ])
    data = suite.to_json_dict()
    types = [e["type"] for e in data["expectations"]]
    assert types == ["expect_column_values_to_have_attribution_density_above",
                     "expect_column_values_to_be_free_of_mojibake"]
    again = gx.ExpectationSuite(**{k: data[k] for k in ("name", "expectations", "meta")})
    assert [e.expectation_type for e in again.expectations] == types
    assert again.expectations[0].min_value == 0.05 and again.expectations[1].mostly == 0.99
    assert set(nx.PACK) >= set(types)


def test_gx_alone_drops_an_unimported_expectation_and_the_gate_refuses(tmp_path: Path) -> None:
    """The hazard (GX keeps a suite without the expectation it cannot find) and the guard."""
    suite = {"name": "s", "expectations": [
        {"type": "expect_column_values_to_be_null", "kwargs": {"column": "input_error"}},
        {"type": "expect_column_values_to_be_free_of_mojibake", "kwargs": {"column": "body"}},
        {"type": "expect_column_values_to_have_no_leprechauns", "kwargs": {"column": "body"}},
    ]}
    code = ("import json, sys, logging, warnings; warnings.simplefilter('ignore'); logging.disable(logging.CRITICAL);"
            "import great_expectations as gx;"
            "s = gx.ExpectationSuite(**json.loads(sys.argv[1]));"
            "print(json.dumps([e.expectation_type for e in s.expectations]))")
    p = subprocess.run([sys.executable, "-c", code, json.dumps(suite)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout.strip().splitlines()[-1]) == ["expect_column_values_to_be_null"]  # silently partial
    path = tmp_path / "s.json"
    path.write_text(json.dumps(suite), encoding="utf-8")
    with pytest.raises(GateConfigError, match=r"expectations\[2\] expect_column_values_to_have_no_leprechauns: unknown"):
        load_suite(path)
    suite["expectations"].pop()
    path.write_text(json.dumps(suite), encoding="utf-8")
    loaded = load_suite(path)  # with the pack imported, the custom type is known
    assert [i.type for i in loaded.items] == ["expect_column_values_to_be_null",
                                              "expect_column_values_to_be_free_of_mojibake"]
    assert [i.level for i in loaded.items] == ["article", "article"]


def test_load_suite_levels_severity_and_reasons(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"name": "s", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "n_error_encoding", "max_value": 0},
         "meta": {"newsaudit": {"reason": "mojibake"}}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"},
         "meta": {"newsaudit": {"level": "batch"}}},
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "quarantined", "max_value": 0.1},
         "severity": "warning"},
    ]}), encoding="utf-8")
    s = load_suite(path)
    assert [(i.level, i.severity) for i in s.items] == [("article", "critical"), ("batch", "critical"),
                                                        ("batch", "warning")]
    assert s.items[0].reason == "mojibake"
    assert s.items[2].reason == "expect_column_mean_to_be_between(quarantined)"
    assert s.columns() == {"n_error_encoding", "id", "quarantined"}
    path.write_text(json.dumps({"name": "s", "expectations": [
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "n_words", "max_value": 1},
         "meta": {"newsaudit": {"level": "article"}}}]}), encoding="utf-8")
    with pytest.raises(GateConfigError, match="needs a per-row"):
        load_suite(path)


@pytest.mark.parametrize(("text", "msg"), [
    ("", "malformed JSON"),
    ('{"name": "", "expectations": []}', "'name' must be a non-empty string"),
    ('{"name": "x", "expectations": []}', "non-empty list"),
    ('{"name": "x", "expectations": [{"type": "expect_column_values_to_be_null", "kwargs": []}]}',
     "'kwargs' must be an object"),
    ('{"name": "x", "expectations": [{"type": "expect_column_values_to_be_null", "kwargs": {"column": "id"}, '
     '"meta": {"newsaudit": {"level": "row"}}}]}', "must be 'article' or 'batch'"),
])
def test_suite_shape_errors(tmp_path: Path, text: str, msg: str) -> None:
    p = tmp_path / "s.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(GateConfigError, match=msg):
        load_suite(p)
