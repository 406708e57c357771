"""Scoring rules of the evaluation harness: span matching and precision/recall/F1.

Span rule (documented in ``tests/corpus/README.md``): a predicted span matches a gold
span of the same category when the two overlap and either

* the predicted span lies entirely within the gold span (a precise detector that
  flags only the offending words of a labelled sentence or block is right), or
* their intersection over union is at least ``IOU_THRESHOLD`` (0.3).

A zero-length prediction matches a gold span when its offset lies inside it.

>>> span_match((10, 20), (0, 100))      # inside the gold span
True
>>> span_match((0, 100), (10, 20))      # far too wide: IoU 0.1
False
>>> span_match((5, 15), (10, 20))       # IoU 5/15
True
>>> round(iou((0, 10), (5, 15)), 3)
0.333
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]

#: minimum intersection over union for a match when the prediction is not inside the gold span
IOU_THRESHOLD = 0.3


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def iou(a: Span, b: Span) -> float:
    """Intersection over union of two half-open spans (0.0 when both are empty)."""
    inter = overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def span_match(pred: Span, gold: Span, threshold: float = IOU_THRESHOLD) -> bool:
    """True when ``pred`` counts as finding ``gold`` (see the module docstring)."""
    ps, pe = pred
    gs, ge = gold
    if ps == pe:
        return gs <= ps < ge
    if overlap(pred, gold) == 0:
        return False
    if gs <= ps and pe <= ge:
        return True
    return iou(pred, gold) >= threshold


@dataclass
class PRF:
    """Counts behind one precision/recall/F1 cell.

    ``tp_pred`` counts predictions that match, ``tp_gold`` gold items that are found;
    at article level the two are equal.
    """

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp_pred": self.tp_pred,
            "n_pred": self.n_pred,
            "tp_gold": self.tp_gold,
            "n_gold": self.n_gold,
        }


def article_counts(gold: bool, pred: bool) -> PRF:
    """One article's contribution to an article-level cell.

    >>> article_counts(True, False).to_dict()["n_gold"]
    1
    """
    return PRF(tp_pred=int(gold and pred), n_pred=int(pred), tp_gold=int(gold and pred), n_gold=int(gold))


def span_counts(preds: Iterable[Span], golds: Sequence[Span], ignore: Sequence[Span] = ()) -> PRF:
    """One article's contribution to a span-level cell for one category.

    Duplicate predicted spans (several checks flagging the same characters) count once.
    Predictions that match an ``ignore`` span (an optional gold label, e.g. a lone photo
    credit that is "at most minor boilerplate") are dropped before counting, and
    ``ignore`` spans are never counted as missed.

    >>> span_counts([(0, 5), (50, 60)], [(0, 10), (20, 30)]).to_dict()
    {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'tp_pred': 1, 'n_pred': 2, 'tp_gold': 1, 'n_gold': 2}
    """
    uniq = sorted(set(preds))
    kept = [p for p in uniq if not any(span_match(p, g) for g in golds) and not any(span_match(p, i) for i in ignore)]
    matched_preds = [p for p in uniq if any(span_match(p, g) for g in golds)]
    found = sum(1 for g in golds if any(span_match(p, g) for p in uniq))
    return PRF(
        tp_pred=len(matched_preds),
        n_pred=len(matched_preds) + len(kept),
        tp_gold=found,
        n_gold=len(golds),
    )
