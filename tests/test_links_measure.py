"""Measure the link-block relatedness threshold on the labelled articles of test_links_data.py.

Run ``/work/venv/bin/python tests/test_links_measure.py`` to print the scores, the margin and
precision/recall at the default threshold; the tests below keep the default honest.
"""

from __future__ import annotations

import pytest
from test_links_data import ARTICLES

from audit.check.rules.links._blocks import analyse
from audit.check.rules.links._check import DEFAULT_MIN_RELATEDNESS_ONE_LINK
from audit.check.rules.links.LNK001 import DEFAULT_MIN_RELATEDNESS, UnrelatedLinkBlock
from audit.text import Doc


def variants() -> list[tuple[str, str, str, str]]:
    """``(name, lang, text, label)`` with label ``related`` / ``unrelated`` for every block shape."""
    out = []
    for a in ARTICLES:
        body, lang, header = a["body"], a["lang"], a["header"]
        paras = body.split("\n\n")
        for label in ("related", "unrelated"):
            items = a[label][:3]
            tag = f"{lang}-{a['topic']}-{label}"
            out.append((f"{tag}-header", lang, body + "\n\n" + header + "\n" + "\n".join(items), label))
            out.append((f"{tag}-header-spaced", lang, body + "\n\n" + header + ":\n\n" + "\n\n".join(items), label))
            out.append((f"{tag}-trailing", lang, body + "\n" + "\n".join(items), label))
            inline = "\n\n".join([*paras[:2], f"{header}: {a[label][3]}", *paras[2:]])
            out.append((f"{tag}-inline", lang, inline, label))
    return out


def scores() -> list[tuple[str, str, float | None]]:
    return [(name, label, rel) for name, label, rel, _n in sized_scores()]


def sized_scores() -> list[tuple[str, str, float | None, int]]:
    """``(name, label, relatedness, number of headlines)``; relatedness NaN when no block is found."""
    rows = []
    for name, lang, text, label in variants():
        blocks = analyse(Doc(text, lang)).blocks
        rel = blocks[-1].relatedness if blocks else None
        rows.append((name, label, rel if blocks else float("nan"), len(blocks[-1].items) if blocks else 0))
    return rows


def precision_recall(threshold: float, one_link: float = DEFAULT_MIN_RELATEDNESS_ONE_LINK) -> tuple[float, float, int, int, int]:
    """Unrelated = positive, at ``threshold`` for blocks of several headlines and ``one_link``
    for a block of one (as LNK001 judges them). A block that is not found counts as predicted
    negative."""
    tp = fp = fn = 0
    for _name, label, rel, n in sized_scores():
        predicted = rel is not None and rel == rel and rel < (one_link if n == 1 else threshold)
        if predicted and label == "unrelated":
            tp += 1
        elif predicted:
            fp += 1
        elif label == "unrelated":
            fn += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, tp, fp, fn


def test_every_labelled_block_is_found() -> None:
    missing = [name for name, _label, rel in scores() if rel != rel]
    assert not missing


def test_default_threshold_separates_the_labelled_blocks() -> None:
    p, r, tp, fp, fn = precision_recall(DEFAULT_MIN_RELATEDNESS)
    assert p >= 0.95 and r >= 0.9, (p, r, tp, fp, fn)


def test_one_link_blocks_are_condemned_only_when_they_share_no_word() -> None:
    """The inline variants (one headline each): every related one is kept, and the unrelated
    ones sharing no content word with the article are condemned by LNK001 itself."""
    check = UnrelatedLinkBlock()
    inline = [(label, rel, n) for name, label, rel, n in sized_scores() if name.endswith("-inline")]
    assert inline and all(n == 1 for _l, _r, n in inline)
    blocks = {name: analyse(Doc(text, lang)).blocks[-1] for name, lang, text, _l in variants() if name.endswith("-inline")}
    assert not any(check.unrelated(b) for name, b in blocks.items() if "-related-" in name)
    zero = [b for name, b in blocks.items() if "-unrelated-" in name and b.relatedness == 0]
    assert len(zero) >= 8 and all(check.unrelated(b) for b in zero)


@pytest.mark.parametrize("shape", ["header", "trailing"])
def test_related_and_unrelated_scores_do_not_overlap_by_block_shape(shape: str) -> None:
    rows = [(label, rel) for name, label, rel in scores() if name.endswith(f"-{shape}")]
    worst_unrelated = max(rel for label, rel in rows if label == "unrelated")
    best_related_floor = min(rel for label, rel in rows if label == "related")
    assert worst_unrelated < DEFAULT_MIN_RELATEDNESS <= best_related_floor


if __name__ == "__main__":
    rows = scores()
    for name, label, rel in sorted(rows, key=lambda r: (r[1], r[2] if r[2] is not None else -1)):
        print(f"{label:9} {rel if rel is None else round(rel, 2)!s:>6}  {name}")
    for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0):
        p, r, tp, fp, fn = precision_recall(t)
        print(f"threshold {t}: precision {p:.2f} recall {r:.2f} (tp {tp} fp {fp} fn {fn})")
