"""Per-source reliability: one 0–100 score per outlet, with its components and an interval.

``score_sources(items, **params) -> list[SourceScore]`` ranks the sources of a batch,
best first. ``items`` are :class:`~audit.model.ArticleResult` objects or *rows* — the
compact per-article records built by :func:`row_from_result` (no text, ~1 KB each), so
that the gate, the Dask engine and ``newsaudit sources`` aggregate millions of articles
without holding texts. Input errors in ``items`` are skipped.

A row::

    {"id": "a1", "source": "example.pl", "lang": "pl", "published": "2023-09-13",
     "has_author": true,
     "scores": {"attribution_density": 0.41, "anonymous_share": 0.1, "named_sources": 5, …},
     "counts": {"machine-translation/warning": 2, "attribution/info": 14, …},
     "minhash": [64 unsigned 32-bit ints]}      # or "shingles": [str | int, …]

The score
---------

Each article gets five values in [0, 1] (1 = good), one per component:

============  ======  =======================================================================
component     weight  per-article value
============  ======  =======================================================================
sourcing       0.30   0.7 × min(1, attribution_density / 0.35) + 0.3 × named share
                      (1 − anonymous_share; 0 when the article attributes nothing)
integrity      0.25   0 if the article has an encoding or machine-translation finding of
                      severity warning or error, else 1
authorship     0.15   1 if the author field is present and there is no spam-bio finding
                      (warning or error), else 0
hygiene        0.15   1 − 0.6 × [unrelated-links warning/error] − 0.4 × [boilerplate warning/error]
originality    0.15   0 if the article is a near-duplicate (MinHash Jaccard ≥ 0.5 over word
                      5-gram shingles) of another source's article published no later, else 1
============  ======  =======================================================================

A source's component is the mean of its articles' values *shrunk toward the corpus mean*
(empirical Bayes with a Beta prior of strength ``k`` pseudo-articles)::

    c_s = (Σ_i c_i + k · μ_c) / (n_s + k)         μ_c = mean of c_i over every article

so a source seen in 2 articles stays near the corpus mean while one seen in 2,000 is
judged on its own record. ``score = 100 × Σ_c w_c · c_s / Σ_c w_c`` (components nobody
measured — e.g. no attribution scores in the rows — are left out and reported so).
``k`` defaults to 10; ``prior_strength="auto"`` estimates it by the method of moments
(k = within-source variance / between-source variance of the per-article score,
clipped to [1, 100]). The interval ``low``–``high`` is the Wilson score interval
(95 %) of the shrunk score with ``n_s + k`` effective observations: per-article
scores lie in [0, 1], whose variance is at most p(1 − p), so the interval is conservative.
The ``confidence`` component (weight 0) reports the shrinkage weight n_s / (n_s + k).

Where the weights come from
---------------------------

NewsGuard rates sites on nine criteria; four can be observed in article text and frame
these components: "gathers and presents information responsibly" (18 of 100 points →
*sourcing*, the largest weight), "clearly labels advertising" (7.5 → *hygiene*: link
blocks of unrelated headlines are unlabelled promotion), "provides names of content
creators" (5) and "reveals who's in charge" (5) (→ *authorship*). Their ratios
(18 : 7.5 : 10) set sourcing ≈ twice hygiene and authorship. *Integrity* (mangled or
machine-translated text, the mark of content farms that republish others' stories) and
*originality* (near-copies of another outlet's article) are not NewsGuard criteria:
their weights, the 0.7/0.3 split inside sourcing, the 0.35 density at which sourcing
saturates (a wire story attributes about a third of its sentences or more), the 0.6/0.4
split inside hygiene, k = 10 and the 0.5 Jaccard threshold are judgement calls, to be
revisited on labelled data (see docs/sources.md).
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from audit.model import ArticleResult, InputError

#: default component weights (see the module docstring for where they come from)
DEFAULT_WEIGHTS: dict[str, float] = {
    "sourcing": 0.30,
    "integrity": 0.25,
    "authorship": 0.15,
    "hygiene": 0.15,
    "originality": 0.15,
}
#: the article scores a row keeps
ROW_SCORES = ("attribution_density", "named_sources", "anonymous_share", "quote_count", "mt_score", "readability")
NUM_PERM = 64
SHINGLE_WORDS = 5
_PRIME = 4294967291  # largest prime below 2**32: (a*h + b) stays below 2**64
_BAD = ("warning", "error")
UNKNOWN_SOURCE = "(unknown)"


@dataclass(frozen=True)
class Component:
    value: float  # 0–1, higher is better
    weight: float
    explanation: str


@dataclass
class SourceScore:
    source: str
    articles: int
    score: float  # 0–100
    low: float
    high: float
    components: dict[str, Component] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "articles": self.articles,
            "score": self.score,
            "low": self.low,
            "high": self.high,
            "components": {
                k: {"value": c.value, "weight": c.weight, "explanation": c.explanation}
                for k, c in self.components.items()
            },
        }


# -- rows ---------------------------------------------------------------------------------
def shingles(text: str, n: int = SHINGLE_WORDS) -> list[int]:
    """Word n-gram shingles of a text, hashed to stable 32-bit ints (CRC-32, not ``hash()``)."""
    from audit.text import WORD_RE

    words = [m.group().lower() for m in WORD_RE.finditer(text)]
    if len(words) < n:
        return [zlib.crc32(" ".join(words).encode())] if words else []
    return [zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(len(words) - n + 1)]


def _perms(num_perm: int) -> tuple[Any, Any]:
    import numpy as np

    rng = np.random.RandomState(20231)  # fixed: signatures must agree across runs and workers
    a = rng.randint(1, _PRIME, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, _PRIME, size=num_perm, dtype=np.uint64)
    return a, b


def minhash(hashes: Sequence[int | str], num_perm: int = NUM_PERM) -> list[int] | None:
    """MinHash signature (``num_perm`` 32-bit values) of a set of shingle hashes."""
    import numpy as np

    if not hashes:
        return None
    hv = np.fromiter(
        (h if isinstance(h, int) else zlib.crc32(str(h).encode()) for h in hashes), dtype=np.uint64
    ) & np.uint64(0xFFFFFFFF)
    a, b = _perms(num_perm)
    sig = ((a[:, None] * hv[None, :] + b[:, None]) % np.uint64(_PRIME)).min(axis=1)
    return [int(x) for x in sig]


def row_from_result(result: ArticleResult, *, num_perm: int = NUM_PERM) -> dict[str, Any]:
    """The compact per-article row :func:`score_sources` needs (no text). Returns the row
    already computed by the worker that audited the article, when there is one."""
    if result.source_row is not None and num_perm == NUM_PERM:
        return result.source_row
    art = result.article
    counts: dict[str, int] = defaultdict(int)
    for f in result.findings:
        counts[f"{f.category}/{f.severity}"] += 1
    return {
        "id": art.id,
        "source": art.source,
        "lang": result.lang,
        "published": art.published,
        "has_author": bool(art.author and str(art.author).strip()),
        "scores": {k: result.scores[k] for k in ROW_SCORES if k in result.scores},
        "counts": dict(counts),
        "minhash": minhash(shingles(art.text), num_perm),
    }


def _as_row(item: Any, num_perm: int) -> dict[str, Any] | None:
    if isinstance(item, InputError):
        return None
    if isinstance(item, ArticleResult):
        return row_from_result(item, num_perm=num_perm)
    if isinstance(item, dict):
        if item.get("minhash") is None and item.get("shingles"):
            item = {**item, "minhash": minhash(item["shingles"], num_perm)}
        return item
    raise TypeError(f"score_sources: cannot use {type(item).__name__} (give ArticleResult or row dicts)")


# -- per-article component values ------------------------------------------------------------
def _bad(counts: dict[str, int], *categories: str) -> bool:
    return any(counts.get(f"{c}/{s}", 0) > 0 for c in categories for s in _BAD)


def _article_values(row: dict[str, Any], density_target: float) -> dict[str, float | None]:
    sc = row.get("scores") or {}
    counts = row.get("counts") or {}
    dens = sc.get("attribution_density")
    sourcing: float | None = None
    if dens is not None:
        anon = sc.get("anonymous_share")
        named_share = 0.0 if anon is None else 1.0 - float(anon)
        sourcing = 0.7 * min(1.0, float(dens) / density_target) + 0.3 * named_share
    hygiene = 1.0 - 0.6 * _bad(counts, "unrelated-links") - 0.4 * _bad(counts, "boilerplate")
    return {
        "sourcing": sourcing,
        "integrity": 0.0 if _bad(counts, "encoding", "machine-translation") else 1.0,
        "authorship": 1.0 if row.get("has_author") and not _bad(counts, "spam-bio") else 0.0,
        "hygiene": hygiene,
    }


# -- near-duplicates across sources -----------------------------------------------------------
def _unoriginal(rows: list[dict[str, Any]], threshold: float, bands: int) -> set[int]:
    """Indices of rows that near-duplicate another source's row published no later."""
    import numpy as np

    idx = [i for i, r in enumerate(rows) if r.get("minhash")]
    if len(idx) < 2:
        return set()
    sigs = np.array([rows[i]["minhash"] for i in idx], dtype=np.uint64)
    num_perm = sigs.shape[1]
    r_per_band = max(1, num_perm // bands)
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for k in range(len(idx)):
        for band in range(bands):
            lo = band * r_per_band
            if lo >= num_perm:
                break
            buckets[(band, sigs[k, lo : lo + r_per_band].tobytes())].append(k)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    out: set[int] = set()
    for x, y in pairs:
        rx, ry = rows[idx[x]], rows[idx[y]]
        if (rx.get("source") or UNKNOWN_SOURCE) == (ry.get("source") or UNKNOWN_SOURCE):
            continue
        if float(np.mean(sigs[x] == sigs[y])) < threshold:
            continue
        px, py = str(rx.get("published") or ""), str(ry.get("published") or "")
        if px and py and px != py:
            out.add(idx[x] if px > py else idx[y])  # the later copy is the unoriginal one
        else:
            out.update((idx[x], idx[y]))
    return out


# -- the aggregation ---------------------------------------------------------------------------
def _wilson(p: float, n: float, z: float) -> tuple[float, float]:
    if n <= 0:
        return 0.0, 1.0
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(max(p * (1 - p) / n + z * z / (4 * n * n), 0.0))
    return max(0.0, centre - half), min(1.0, centre + half)


def _z(confidence: float) -> float:
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + confidence / 2)


def _auto_k(per_source: dict[str, list[float]], default: float) -> float:
    groups = [v for v in per_source.values() if v]
    if len(groups) < 3:
        return default
    within = [(len(v) - 1, _var(v)) for v in groups if len(v) > 1]
    dof = sum(d for d, _ in within)
    sigma2 = sum(d * s for d, s in within) / dof if dof else None
    means = [sum(v) / len(v) for v in groups]
    if sigma2 is None:
        return default
    tau2 = _var(means) - sum(sigma2 / len(v) for v in groups) / len(groups)
    if tau2 <= 0:
        return 100.0
    return min(100.0, max(1.0, sigma2 / tau2))


def _var(v: list[float]) -> float:
    if len(v) < 2:
        return 0.0
    m = sum(v) / len(v)
    return sum((x - m) ** 2 for x in v) / (len(v) - 1)


def score_sources(
    items: Iterable[ArticleResult | InputError | dict[str, Any]],
    *,
    weights: dict[str, float] | None = None,
    prior_strength: float | str = 10.0,
    confidence: float = 0.95,
    near_duplicate_threshold: float = 0.5,
    density_target: float = 0.35,
    num_perm: int = NUM_PERM,
    bands: int = 16,
) -> list[SourceScore]:
    """Rank the sources of ``items`` (results or rows), best first. See the module docstring."""
    w = dict(DEFAULT_WEIGHTS if weights is None else weights)
    unknown = set(w) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ValueError(f"unknown component weight(s): {', '.join(sorted(unknown))}")
    rows = [r for r in (_as_row(it, num_perm) for it in items) if r is not None]
    if not rows:
        return []
    copies = _unoriginal(rows, near_duplicate_threshold, bands)
    per_article: list[dict[str, float | None]] = []
    for i, r in enumerate(rows):
        v = _article_values(r, density_target)
        v["originality"] = None if not r.get("minhash") else (0.0 if i in copies else 1.0)
        per_article.append(v)

    comps = list(w)
    # the corpus mean of each component; a component no article measures has none
    prior: dict[str, float] = {}
    for c in comps:
        vals = [x for v in per_article if (x := v.get(c)) is not None]
        if vals:
            prior[c] = sum(vals) / len(vals)
    measured = [c for c in comps if c in prior and w[c] > 0]
    wsum = sum(w[c] for c in measured) or 1.0

    by_source: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_source[str(r.get("source") or UNKNOWN_SOURCE)].append(i)

    def value(v: dict[str, float | None], c: str) -> float:
        x = v.get(c)
        return x if x is not None else prior[c]  # a component the article lacks counts at the corpus mean

    def article_score(v: dict[str, float | None]) -> float:
        return sum(w[c] * value(v, c) for c in measured) / wsum

    if prior_strength == "auto":
        k = _auto_k({s: [article_score(per_article[i]) for i in ix] for s, ix in by_source.items()}, 10.0)
    else:
        k = float(prior_strength)
        if k < 0:
            raise ValueError("prior_strength must be >= 0 or 'auto'")
    z = _z(confidence)

    out: list[SourceScore] = []
    for src, ix in by_source.items():
        n = len(ix)
        components: dict[str, Component] = {}
        total = 0.0
        for c in comps:
            vals = [x for i in ix if (x := per_article[i].get(c)) is not None]
            pc = prior.get(c)
            if pc is None or w[c] <= 0:
                components[c] = Component(0.0, 0.0, f"not measured (no {c} data in the input)")
                continue
            m = len(vals)
            shrunk = (sum(vals) + k * pc) / (m + k) if (m + k) > 0 else pc
            raw = sum(vals) / m if m else None
            components[c] = Component(round(shrunk, 4), w[c], _explain(c, raw, m, pc, k))
            total += w[c] * shrunk
        p = total / wsum
        lo, hi = _wilson(p, n + k, z)
        components["confidence"] = Component(
            round(n / (n + k), 4) if n + k else 1.0, 0.0,
            f"{n} article{'s' if n != 1 else ''}; own record weighs {n / (n + k):.0%} against the corpus mean "
            f"(prior of {k:g} pseudo-articles); {confidence:.0%} Wilson interval {100 * lo:.0f}–{100 * hi:.0f}",
        )
        out.append(SourceScore(src, n, round(100 * p, 1), round(100 * lo, 1), round(100 * hi, 1), components))
    out.sort(key=lambda s: (-s.score, -s.articles, s.source))
    return out


_WHAT = {
    "sourcing": "attribution density and named (not anonymous) sources",
    "integrity": "articles free of encoding and machine-translation defects",
    "authorship": "articles with a byline and no spam author bio",
    "hygiene": "articles free of unrelated link blocks and boilerplate",
    "originality": "articles that are not near-copies of another source's article",
}


def _explain(c: str, raw: float | None, m: int, prior: float, k: float) -> str:
    own = "no data" if raw is None else f"{raw:.0%} over {m} article{'s' if m != 1 else ''}"
    return f"{_WHAT[c]}: {own}, shrunk toward the corpus mean {prior:.0%} (k={k:g})"
