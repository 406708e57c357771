"""``mt_score``: article-level machine-translation likelihood (0-1), combining the MT signals.

The six MT detectors (MT001-MT006, :mod:`audit.check.rules.mt`) each yield signals with a
strength (0-1). They are combined by a logistic model, so that one weak signal never
condemns an article but several independent kinds of evidence do::

    z = BIAS + sum over kinds k of  WEIGHTS[k] * (sum of the CAPS[k] strongest strengths of k)
    mt_score = 1 / (1 + exp(-z))

Weights and bias are hand-set priors (there was no labelled MT corpus when they were set),
chosen so that: a clean article scores 0.08 (``BIAS = -2.5``); one calque or one fused
duplicate alone stays near 0.4; one calque plus one stranded fragment passes 0.5; a page
of spacing artifacts alone stays near 0.33 (spacing is capped at three signals); the
machine-translated seed (seeds/001) scores above 0.99. Counts are capped per kind so that
one repetitive defect (the same calque in every byline) cannot dominate.

The same analysis (``doc.memo``) feeds the checks, this score and the article-level check
MT010, which reports an ``error`` when ``mt_score >= 0.5`` and at least two kinds agree.
"""

from __future__ import annotations

import math
from typing import Any

from audit.model import Finding
from audit.score import article_scorer
from audit.text import Doc

#: logit points per signal of strength 1.0
WEIGHTS: dict[str, float] = {
    "calque": 2.2,  # a lexicon hit: near-certain, but one formula can be a human's calque
    "fused": 2.2,  # two fused translations: no human writes this
    "fragment": 1.8,  # a stranded name: strong when the word is a name elsewhere (strength .9)
    "titlecase": 1.5,  # headline fragment; names we fail to recognise make it weaker
    "untranslated": 2.2,  # a 3+ word English clause: as rare in edited copy as a calque
    "spacing": 1.5,  # strength .3-.4: typos do this too
}
#: at most this many signals of a kind count
CAPS: dict[str, int] = {"calque": 2, "fused": 2, "fragment": 2, "titlecase": 2, "untranslated": 2, "spacing": 3}
BIAS = -2.5


def combine(signals: list[Any]) -> tuple[float, dict[str, float]]:
    """``(mt_score, logit contribution per kind)`` for a list of signals."""
    by_kind: dict[str, list[float]] = {}
    for s in signals:
        by_kind.setdefault(s.kind, []).append(s.strength)
    contrib: dict[str, float] = {}
    for kind, strengths in by_kind.items():
        top = sorted(strengths, reverse=True)[: CAPS.get(kind, 1)]
        contrib[kind] = WEIGHTS.get(kind, 1.0) * sum(top)
    z = BIAS + sum(contrib.values())
    return 1.0 / (1.0 + math.exp(-z)), contrib


def article_signals(doc: Doc) -> list[Any]:
    """Every MT signal of the article, from the detectors at their default thresholds."""
    from audit.check.rules.mt._common import detector_classes

    out: list[Any] = []
    for cls in detector_classes():
        if cls.languages and doc.lang not in cls.languages:
            continue
        out.extend(cls().signals(doc))
    return out


@article_scorer("mt", requires=("machine-translation",))
def mt_scores(doc: Doc, findings: list[Finding]) -> dict[str, Any]:
    from audit.lexicons import SUPPORTED_LANGUAGES

    if doc.lang not in SUPPORTED_LANGUAGES:
        return {"mt_score": None}
    score, _ = doc.memo("mt:combined", lambda d: combine(article_signals(d)))
    return {"mt_score": round(score, 3)}
