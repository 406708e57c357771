"""Collect a stream of audit results into what the HTML report embeds.

A report must open quickly with 100,000 articles, so not everything is embedded:

* every article gets a compact *row* (id, title, source, language, per-category worst
  severity, finding counts, three scores) stored column-wise;
* the full text, the findings and the repaired text are embedded only for the most
  serious articles (``max_detail`` of them, at most ``max_detail_chars`` characters of
  text in total, each text cut at ``max_text_chars``); the report says what was left out.

The collector is streaming: it holds the rows and a bounded heap of detailed articles,
never the whole input.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from audit.model import CANONICAL_FIELDS, Article, ArticleResult, Category, Finding, InputError
from audit.report.segments import insert_points, pieces

CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")
_SEV_RANK = {s: i for i, s in enumerate(SEVERITIES)}
_CAT_INDEX = {c: i for i, c in enumerate(CATEGORIES)}

#: the score columns embedded for every article: key -> (short column name, label, decimals)
#: the name of the missing source (as audit.score.sources names it, so that scores match)
UNKNOWN_SOURCE = "(unknown)"

SCORE_COLUMNS: dict[str, tuple[str, str, int]] = {
    "mt_score": ("mt", "Machine translation", 3),
    "attribution_density": ("ad", "Attribution density", 3),
    "readability": ("rd", "Readability", 1),
}


@dataclass
class ReportLimits:
    """What the report embeds. The defaults keep a 100,000-article report around
    20 MB and its first render under a second (see docs/report.md for measurements)."""

    max_detail: int = 2000  # articles embedded with full text, findings and repair
    max_detail_chars: int = 6_000_000  # total characters of embedded article text
    max_text_chars: int = 100_000  # one article's text is cut here in the report
    max_title_chars: int = 160  # titles in the article list
    max_input_errors: int = 500  # input errors listed (all are counted)


@dataclass
class _View:
    """One input item, normalised: an ArticleResult or a row dict."""

    id: str
    source: str | None
    lang: str | None
    title: str | None
    findings: list[Finding] | None
    counts: dict[tuple[str, str], int]
    scores: Mapping[str, Any]
    errors: list[str]
    article: Article | None


def _view(item: ArticleResult | Mapping[str, Any]) -> _View:
    if isinstance(item, ArticleResult):
        a = item.article
        by_kind = Counter((f.category, f.severity) for f in item.findings)
        return _View(a.id, a.source, item.lang, a.title, item.findings, dict(by_kind), item.scores or {},
                     list(getattr(item, "errors", None) or []), a)
    # a row: the ``check --format jsonl`` object, or a compact row without texts
    row = item
    findings: list[Finding] | None = None
    counts: dict[tuple[str, str], int] = {}
    raw_findings = row.get("findings")
    if isinstance(raw_findings, list):
        findings = [f if isinstance(f, Finding) else Finding.from_dict(f) for f in raw_findings]
        counts = dict(Counter((f.category, f.severity) for f in findings))
    else:
        # compact rows: {"counts": {"category": {"severity": n}}} or {"category/severity": n}
        raw_counts = row.get("counts") or {}
        for k, v in raw_counts.items():
            if isinstance(v, Mapping):
                for sev, n in v.items():
                    counts[(str(k), str(sev))] = int(n)
            elif "/" in str(k):
                cat, sev = str(k).split("/", 1)
                counts[(cat, sev)] = int(v)
    scores = row.get("scores")
    if not isinstance(scores, Mapping):
        scores = {k: row[k] for k in SCORE_COLUMNS if k in row}
    article = None
    if isinstance(row.get("text"), str):
        article = Article(id=str(row.get("id")), text=row["text"], title=row.get("title"),
                          author=row.get("author"), source=row.get("source"), url=row.get("url"),
                          lang=row.get("lang"), published=row.get("published"))
    return _View(str(row.get("id")), row.get("source"), row.get("lang"), row.get("title"), findings,
                 counts, scores, list(row.get("errors") or []), article)


def _num(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    f = float(v)
    return f if math.isfinite(f) else None


class ReportCollector:
    """Feed it results (``add``), then ``finish()`` returns the embedded data and the
    numbers the page template renders server-side (cards, charts)."""

    def __init__(self, limits: ReportLimits | None = None) -> None:
        self.limits = limits or ReportLimits()
        self.cols: dict[str, list[Any]] = {"id": [], "t": [], "s": [], "l": [], "cs": [], "n": [], "a": []}
        for short, _label, _dec in SCORE_COLUMNS.values():
            self.cols[short] = []
        self.raw_scores: dict[str, list[float]] = {k: [] for k in SCORE_COLUMNS}
        self.sources: dict[str, int] = {}
        self.langs: dict[str, int] = {}
        self.cat_sev: Counter[tuple[str, str]] = Counter()
        self.check_findings: Counter[str] = Counter()
        self.check_articles: Counter[str] = Counter()
        self.check_category: dict[str, str] = {}
        self.source_stats: dict[int, list[int]] = {}  # src -> [articles, flagged, with errors]
        self.input_errors: list[dict[str, Any]] = []
        self.n_input_errors = 0
        self.audit_errors: list[list[Any]] = []  # [row, message]
        self.flagged = 0
        self.with_errors = 0
        self._heap: list[tuple[tuple[int, int, int], int, _View]] = []
        self.score_rows: list[Any] = []
        self.last_detailed = 0
        self._row_from_result: Any = None
        try:
            from audit.score.sources import row_from_result

            self._row_from_result = row_from_result
        except ImportError:  # the per-source scorer is optional for the report
            pass

    # -- input ---------------------------------------------------------------------------
    def add_all(self, items: Iterable[Any]) -> None:
        for item in items:
            self.add(item)

    def add(self, item: ArticleResult | InputError | Mapping[str, Any]) -> None:
        if isinstance(item, InputError):
            self.n_input_errors += 1
            if len(self.input_errors) < self.limits.max_input_errors:
                self.input_errors.append({"origin": str(item.origin), "message": item.message,
                                          "raw": (item.raw or "")[:300]})
            return
        v = _view(item)
        if self._row_from_result is not None:
            try:
                self.score_rows.append(self._row_from_result(item) if isinstance(item, ArticleResult) else item)
            except Exception:  # a row the scorer cannot use must not break the report
                pass
        i = len(self.cols["id"])
        src = v.source if v.source else UNKNOWN_SOURCE
        si = self.sources.setdefault(src, len(self.sources))
        lang = v.lang or "?"
        li = self.langs.setdefault(lang, len(self.langs))
        catsev = 0
        n_flag = 0
        n_all = 0
        worst = -1
        for (cat, sev), n in v.counts.items():
            if not n:
                continue
            r = _SEV_RANK.get(sev, 0)
            ci = _CAT_INDEX.get(cat)
            if ci is not None:
                cur = (catsev >> (2 * ci)) & 3
                if r + 1 > cur:
                    catsev = (catsev & ~(3 << (2 * ci))) | ((r + 1) << (2 * ci))
            self.cat_sev[(cat, sev)] += n
            n_all += n
            if r > 0:
                n_flag += n
            worst = max(worst, r)
        if v.findings is not None:
            seen = set()
            for f in v.findings:
                self.check_findings[f.check] += 1
                self.check_category.setdefault(f.check, f.category)
                seen.add(f.check)
            self.check_articles.update(seen)
        title = (v.title or "").strip()
        if len(title) > self.limits.max_title_chars:
            title = title[: self.limits.max_title_chars - 1] + "…"
        c = self.cols
        c["id"].append(v.id)
        c["t"].append(title)
        c["s"].append(si)
        c["l"].append(li)
        c["cs"].append(catsev)
        c["n"].append(n_flag)
        c["a"].append(n_all)
        for key, (short, _label, dec) in SCORE_COLUMNS.items():
            x = _num(v.scores.get(key))
            c[short].append(None if x is None else round(x, dec))
            if x is not None:
                self.raw_scores[key].append(x)
        st = self.source_stats.setdefault(si, [0, 0, 0])
        st[0] += 1
        if n_flag:
            self.flagged += 1
            st[1] += 1
        if worst == 2:
            self.with_errors += 1
            st[2] += 1
        for msg in v.errors:
            self.audit_errors.append([i, str(msg)])
        if v.article is not None and self.limits.max_detail > 0:
            prio = (worst if n_flag or v.errors else -1, n_flag + 10 * len(v.errors), -i)
            entry = (prio, i, v)
            if len(self._heap) < self.limits.max_detail:
                heapq.heappush(self._heap, entry)
            elif prio > self._heap[0][0]:
                heapq.heapreplace(self._heap, entry)

    # -- output --------------------------------------------------------------------------
    def details(self) -> tuple[list[dict[str, Any]], int]:
        """The embedded article details, most serious first, within the character budget.
        Returns them and the number of candidates dropped by the budget."""
        chosen = sorted(self._heap, reverse=True)
        out: list[dict[str, Any]] = []
        budget = self.limits.max_detail_chars
        dropped = 0
        for _prio, i, v in chosen:
            assert v.article is not None
            size = min(len(v.article.text), self.limits.max_text_chars)
            if out and size > budget:
                dropped += 1
                continue
            budget -= size
            out.append(article_detail(i, v.article, v.findings or [], v.errors, self.limits.max_text_chars))
        out.sort(key=lambda d: d["i"])
        return out, dropped

    def source_scores(self) -> tuple[list[dict[str, Any]], str | None]:
        """Per-source reliability via :func:`audit.score.sources.score_sources`
        (``[]`` and a note when it is not available)."""
        try:
            from audit.score.sources import score_sources
        except ImportError:
            return [], "Per-source reliability scores are not available in this installation."
        try:
            scored = score_sources(self.score_rows)
        except Exception as exc:
            return [], f"Per-source reliability could not be computed: {type(exc).__name__}: {exc}"
        return [source_score_json(s) for s in scored], None


def source_score_json(s: Any) -> dict[str, Any]:
    """A SourceScore (object or mapping) as the report's JSON."""
    get = s.get if isinstance(s, Mapping) else lambda k, d=None: getattr(s, k, d)
    comps: dict[str, list[Any]] = {}
    for name, comp in (get("components") or {}).items():
        cget = comp.get if isinstance(comp, Mapping) else lambda k, d=None, _c=comp: getattr(_c, k, d)
        val = _num(cget("value"))
        comps[str(name)] = [None if val is None else round(val, 4), _num(cget("weight")), str(cget("explanation") or "")]
    score = _num(get("score"))
    return {
        "source": str(get("source")),
        "articles": int(get("articles") or 0),
        "score": None if score is None else round(score, 2),
        "low": _num(get("low")),
        "high": _num(get("high")),
        "comps": comps,
    }


def _field_value(article: Article, name: str) -> str:
    v = getattr(article, name, None) if name in CANONICAL_FIELDS else None
    if v is None:
        v = article.extra.get(name)
    return "" if v is None else str(v)


def article_detail(i: int, article: Article, findings: list[Finding], errors: list[str],
                   max_text_chars: int) -> dict[str, Any]:
    """One article's embedded detail: metadata, findings, the text cut into highlight
    pieces (see :func:`audit.report.segments.pieces`) and the repaired text."""
    from audit.fix import apply_fixes

    text = article.text
    truncated = len(text) > max_text_chars
    if truncated:
        text = text[:max_text_chars]
    flist: list[list[Any]] = []
    by_field: dict[str, list[tuple[int, int, int]]] = {}
    for k, f in enumerate(findings):
        flist.append([f.check, f.category, f.severity, f.message, f.field, f.evidence, f.replacement, f.start, f.end])
        by_field.setdefault(f.field, []).append((k, f.start, f.end))

    def field_pieces(value: str, entries: list[tuple[int, int, int]]) -> list[Any]:
        inside = [(k, s, e) for k, s, e in entries if e <= len(value) and value[s:e] == findings[k].evidence]
        spans = [(s, e) for _k, s, e in inside]
        pcs = pieces(value, spans)
        # map local span indexes back to finding indexes
        pcs = [p if isinstance(p, str) else [p[0], [inside[j][0] for j in p[1]]] for p in pcs]
        points = [(s, k) for k, s, e in inside if s == e]
        return insert_points(value, pcs, points)

    detail: dict[str, Any] = {
        "i": i,
        "id": article.id,
        "title": article.title or "",
        "author": article.author or "",
        "url": article.url or "",
        "published": article.published or "",
        "origin": str(article.origin) if article.origin else "",
        "f": flist,
        "text": field_pieces(text, by_field.get("text", [])),
    }
    other = {name: field_pieces(_field_value(article, name), ents) for name, ents in by_field.items() if name != "text"}
    if other:
        detail["fields"] = other
    if truncated:
        detail["cut"] = [max_text_chars, len(article.text)]
    if errors:
        detail["errors"] = list(errors)
    fixable = [f for f in findings if f.replacement is not None and f.field == "text" and f.end <= len(text)]
    if fixable:
        _fixed, edits = apply_fixes(text, fixable)
        if edits:
            # unchanged stretches refer to the original text by UTF-16 offsets (what the
            # browser's String.slice uses), so the repaired text does not double the size
            u16 = _Utf16Offsets(text)
            fpcs: list[Any] = []
            pos = 0
            for j, e in enumerate(edits):
                if e["start"] > pos:
                    fpcs.append([u16(pos), u16(e["start"])])
                fpcs.append([e["after"] or "", [j]])
                pos = e["end"]
            if pos < len(text):
                fpcs.append([u16(pos), u16(len(text))])
            detail["fixed"] = fpcs
            detail["edits"] = [[e["check"], e["category"], e["before"], e["after"] or ""] for e in edits]
    return detail


class _Utf16Offsets:
    """Code-point offset -> UTF-16 code-unit offset in one text (astral characters count 2)."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def __call__(self, i: int) -> int:
        return i + bisect.bisect_left(self.astral, i)


def fixed_text(detail: dict[str, Any]) -> str:
    """The repaired text an embedded detail describes (what the page shows; for tests)."""
    orig = "".join(p if isinstance(p, str) else p[0] for p in detail["text"]).encode("utf-16-le")
    out = []
    for p in detail.get("fixed", []):
        if isinstance(p[0], int):
            out.append(orig[2 * p[0] : 2 * p[1]].decode("utf-16-le"))
        else:
            out.append(p[0])
    return "".join(out)


# -- charts (computed server-side, drawn as SVG by the template) --------------------------
def histogram(values: list[float], *, lo: float | None = None, hi: float | None = None, bins: int = 20) -> dict[str, Any]:
    """Counts of ``values`` in ``bins`` equal bins over ``[lo, hi]`` (values outside are
    clamped into the end bins). Without ``lo``/``hi`` the 1st–99th percentile range is used."""
    if not values:
        return {"lo": lo or 0.0, "hi": hi or 1.0, "counts": [0] * bins, "n": 0}
    vs = sorted(values)
    if lo is None or hi is None:
        p1 = vs[int(0.01 * (len(vs) - 1))]
        p99 = vs[math.ceil(0.99 * (len(vs) - 1))]
        lo = math.floor(p1) if lo is None else lo
        hi = math.ceil(p99) if hi is None else hi
        if hi <= lo:
            hi = lo + 1
    counts = [0] * bins
    width = (hi - lo) / bins
    for v in vs:
        k = int((v - lo) / width) if width else 0
        counts[min(bins - 1, max(0, k))] += 1
    mean = sum(vs) / len(vs)
    median = vs[len(vs) // 2] if len(vs) % 2 else (vs[len(vs) // 2 - 1] + vs[len(vs) // 2]) / 2
    return {"lo": lo, "hi": hi, "counts": counts, "n": len(vs), "mean": mean, "median": median}

