"""Deterministic defect injector: turns clean base articles into labelled defective ones.

Every injection records the exact span of what it put in, so a generated label's
substring *is* the injected material (``Draft.material`` keeps the pairs for the tests).
The defect material (bios, link headers, headlines, calls to action, bylines...) is data:
``tests/corpus/material/<lang>.toml``, plus ``any.toml`` for language-independent bits.
Randomness comes from ``random.Random`` seeded with the recipe seed and the base id, so a
build is reproducible byte for byte.

>>> d = Draft("First paragraph here.\\n\\nSecond one.", [])
>>> d.insert_block(len(d.text), "Proud ninja. Web nerd. Beer buff.", "spam-bio", "bio")
>>> d.text[d.labels[0]["start"]:d.labels[0]["end"]]
'Proud ninja. Web nerd. Beer buff.'
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.eval.corpus import CorpusError, mojibake

GENERATOR = "inject"
SEED = 20240903

_SENT_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"„“«(]?[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ])")
_WORD_RE = re.compile(r"\w+", re.U)
_QUOTES = {"pl": ("„", "”"), "bg": ("„", "“"), "ro": ("„", "”"), "en": ("“", "”"), "de": ("„", "“"),
           "es": ("«", "»"), "fr": ("« ", " »"), "ru": ("«", "»"), "uk": ("«", "»")}


@dataclass
class Draft:
    """A text under construction whose labels move with every edit."""

    text: str
    labels: list[dict[str, Any]]
    material: list[tuple[dict[str, Any], str]] = field(default_factory=list)

    @property
    def sep(self) -> str:
        return "\n\n" if "\n\n" in self.text else "\n"

    def paragraphs(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for part in self.text.split(self.sep):
            if part.strip():
                spans.append((pos, pos + len(part)))
            pos += len(part) + len(self.sep)
        return spans

    def free(self, start: int, end: int) -> bool:
        return not any(lab["start"] < end and start < lab["end"] for lab in self.labels)

    def _shift(self, pos: int, delta: int) -> None:
        for lab in self.labels:
            if lab["start"] >= pos:
                lab["start"] += delta
                lab["end"] += delta
            elif lab["end"] > pos:
                raise CorpusError(f"edit at {pos} would split the label {lab}")

    def _label(self, start: int, end: int, category: str, note: str, optional: bool) -> dict[str, Any]:
        lab: dict[str, Any] = {"category": category, "start": start, "end": end, "note": note}
        if optional:
            lab["optional"] = True
        self.labels.append(lab)
        self.material.append((lab, self.text[start:end]))
        return lab

    def insert(self, pos: int, s: str, spans: list[tuple[int, int, str, str, bool]]) -> None:
        """Insert ``s`` at ``pos``; ``spans`` are ``(rel_start, rel_end, category, note, optional)``."""
        self._shift(pos, len(s))
        self.text = self.text[:pos] + s + self.text[pos:]
        for a, b, cat, note, opt in spans:
            self._label(pos + a, pos + b, cat, note, opt)
        self.labels.sort(key=lambda lab: (lab["start"], lab["end"]))

    def insert_block(self, pos: int, block: str, category: str, note: str, *, optional: bool = False,
                     label_from: int = 0, label_to: int | None = None) -> None:
        """Insert a paragraph-level block at a paragraph boundary ``pos`` (start, end or a separator)."""
        end = len(block) if label_to is None else label_to
        if pos >= len(self.text.rstrip()):
            pos = len(self.text.rstrip())
            self.text = self.text[:pos]
            self.insert(pos, self.sep + block, [(len(self.sep) + label_from, len(self.sep) + end, category, note, optional)])
        elif pos == 0:
            self.insert(0, block + self.sep, [(label_from, end, category, note, optional)])
        else:
            self.insert(pos, self.sep + block, [(len(self.sep) + label_from, len(self.sep) + end, category, note, optional)])

    def replace(self, start: int, end: int, new: str, category: str, note: str) -> None:
        if not self.free(start, end):
            raise CorpusError(f"replacement {start}:{end} overlaps a label")
        delta = len(new) - (end - start)
        self.text = self.text[:start] + new + self.text[end:]
        for lab in self.labels:
            if lab["start"] >= end:
                lab["start"] += delta
                lab["end"] += delta
        self._label(start, start + len(new), category, note, False)
        self.labels.sort(key=lambda lab: (lab["start"], lab["end"]))


class NotApplicable(Exception):
    """The recipe cannot be applied to this base (e.g. no non-ASCII text to garble)."""


# -- helpers --------------------------------------------------------------------------------
def _last_word_len(s: str) -> int:
    words = _WORD_RE.findall(s[-40:])
    return len(words[-1]) if words else 0


def _prose_paragraphs(d: Draft, min_len: int = 120) -> list[tuple[int, int]]:
    return [(s, e) for s, e in d.paragraphs() if e - s >= min_len and d.free(s, e)]


def _sentences(d: Draft, min_words: int = 7) -> list[tuple[int, int]]:
    out = []
    for ps, pe in _prose_paragraphs(d):
        para = d.text[ps:pe]
        # keep only boundaries after a word of 5+ letters: "dr hab." or "ul." never end a sentence here
        cuts = [m for m in _SENT_END_RE.finditer(para) if _last_word_len(para[: m.start()]) >= 5]
        starts = [0] + [m.end() for m in cuts]
        ends = [m.start() for m in cuts] + [len(para)]
        for a, b in zip(starts, ends, strict=True):
            sent = para[a:b]
            if (sent.endswith(".") and sent[0].isalpha() and len(_WORD_RE.findall(sent)) >= min_words
                    and not sent.endswith("...")):
                out.append((ps + a, ps + b))
    return out


def _boundary(d: Draft, where: str, rng: random.Random) -> int:
    paras = d.paragraphs()
    if where == "end" or len(paras) < 3:
        return len(d.text)
    if where == "start":
        return 0
    # a separator between two paragraphs, away from the first and last
    cands = [e for (_s, e) in paras[1:-1] if d.free(e, e + 1)]
    if not cands:
        return len(d.text)
    return rng.choice(cands)


# -- recipes --------------------------------------------------------------------------------
def add_bio(d: Draft, rng: random.Random, mat: dict[str, Any], base: dict[str, Any], form: str = "") -> str:
    frags = rng.sample(mat["bio"]["fragments"], k=rng.randint(3, 7))
    bio = " ".join(frags)
    form = form or rng.choice(["plain", "quoted", "named", "inline-name"])
    qo, qc = _QUOTES[base["lang"]]
    name = rng.choice(mat["names"])
    if form == "quoted":
        bio = f"{qo}{bio[:-1]}{qc}." if bio.endswith(".") else f"{qo}{bio}{qc}"
    where = "end" if rng.random() < 0.8 else "start"
    note = f"template author bio, {len(frags)} fragments"
    if form == "named":
        block = f"{name}\n{bio}"
        lab_from = len(name) + 1
    elif form == "inline-name":
        block = f"{name} — {bio}"
        lab_from = len(name) + 3
    else:
        block, lab_from = bio, 0
    pos = len(d.text) if where == "end" else d.paragraphs()[0][1]
    d.insert_block(pos, block, "spam-bio", note, label_from=lab_from)
    return f"bio-{form}-{where}"


def add_links(d: Draft, rng: random.Random, mat: dict[str, Any], base: dict[str, Any], form: str = "") -> str:
    pool = [h for h in mat["links"]["headlines"] if h.split("|", 1)[0] != base["topic"]]
    rng.shuffle(pool)
    chosen: list[str] = []
    topics: set[str] = set()
    for h in pool:
        t, text = h.split("|", 1)
        if t not in topics:
            chosen.append(text.strip())
            topics.add(t)
        if len(chosen) == rng.randint(3, 5) or len(chosen) == 5:
            break
    form = form or rng.choice(["header-end", "noheader-end", "header-inline"])
    bullet = rng.choice(["", "", "• ", "- ", "» "])
    lines = [bullet + c for c in chosen]
    if form.startswith("header"):
        lines.insert(0, rng.choice(mat["links"]["headers"]))
    block = "\n".join(lines)
    where = "inline" if form.endswith("inline") else "end"
    d.insert_block(_boundary(d, where, rng), block, "unrelated-links",
                   f"unrelated link block, {len(chosen)} headlines off-topic ({', '.join(sorted(topics))})")
    return f"links-{form}"


def add_boilerplate(d: Draft, rng: random.Random, mat: dict[str, Any], base: dict[str, Any], form: str = "") -> str:
    bp = mat["boilerplate"]
    outlet = base["outlet_name"]
    year = base["published"][:4]

    def fill(s: str) -> str:
        return s.replace("{outlet}", outlet).replace("{year}", year).replace("{agency}", rng.choice(mat["agencies"]))

    form = form or rng.choice(["cta", "title-repeat", "cookie-footer", "photo-newsletter"])
    if form == "cta":
        wheres = rng.sample(["end", "inline", "end-2"], k=rng.randint(1, 2))
        for where, cta in zip(wheres, rng.sample(bp["ctas"], k=len(wheres)), strict=True):  # never the same CTA twice
            pos = _boundary(d, "inline" if where == "inline" else "end", rng)
            d.insert_block(pos, fill(cta), "boilerplate", "call to action")
    elif form == "title-repeat":
        title = base["title"]
        credit = fill(rng.choice(bp["photo"])) if rng.random() < 0.5 else ""
        block = f"{title} {credit}".strip()
        d.insert_block(0, block, "boilerplate", "title repeated as first paragraph" + (" with photo credit" if credit else ""))
        if rng.random() < 0.5:
            d.insert_block(len(d.text), fill(rng.choice(bp["ctas"])), "boilerplate", "call to action")
    elif form == "cookie-footer":
        d.insert_block(0 if rng.random() < 0.5 else len(d.text), fill(rng.choice(bp["cookies"])), "boilerplate", "cookie notice")
        d.insert_block(len(d.text), fill(rng.choice(bp["copyright"])), "boilerplate", "copyright footer")
    elif form == "photo-newsletter":
        d.insert_block(_boundary(d, "inline", rng), fill(rng.choice(bp["photo"])), "boilerplate",
                       "stand-alone photo credit (minor)", optional=True)
        d.insert_block(_boundary(d, "inline", rng), fill(rng.choice(bp["newsletter"])), "boilerplate", "newsletter sign-up")
        if bp.get("continues") and rng.random() < 0.5:
            d.insert_block(len(d.text), rng.choice(bp["continues"]), "boilerplate", "agency continuation marker")
    else:
        raise ValueError(form)
    return f"boilerplate-{form}"


def add_duplication(d: Draft, rng: random.Random, mat: dict[str, Any], base: dict[str, Any], form: str = "") -> str:
    paras = _prose_paragraphs(d, 80)
    if not paras:
        raise NotApplicable("no paragraph long enough to repeat")
    form = form or rng.choice(["adjacent", "end", "tail2"])
    if form == "tail2" and len(paras) >= 3:
        (s1, _e1), (_s2, e2) = paras[-2], paras[-1]
        d.insert_block(len(d.text), d.text[s1:e2], "duplication", "last two paragraphs repeated")
    else:
        form = "adjacent" if form == "tail2" else form
        s, e = rng.choice(paras[:-1] or paras)
        pos = e if form == "adjacent" else len(d.text)
        d.insert_block(pos, d.text[s:e], "duplication", f"paragraph repeated ({form})")
    return f"duplication-{form}"


def add_encoding(d: Draft, rng: random.Random, mat: dict[str, Any], base: dict[str, Any], form: str = "") -> str:
    codec = rng.choice(mat["encoding"]["codecs"])
    form = form or rng.choice(["paragraph", "sentence"])
    if form == "paragraph":
        cands = [(s, e) for s, e in _prose_paragraphs(d) if sum(ord(c) > 127 for c in d.text[s:e]) >= 3]
    else:
        cands = [(s, e) for s, e in _sentences(d, 5) if sum(ord(c) > 127 for c in d.text[s:e]) >= 2]
    if not cands:
        raise NotApplicable("nothing non-ASCII to garble")
    s, e = rng.choice(cands)
    new = mojibake(d.text[s:e], codec)
    if new == d.text[s:e]:
        raise NotApplicable("codec leaves the text unchanged")
    d.replace(s, e, new, "encoding", f"mojibake: UTF-8 read as {codec} ({form})" if ">" not in codec else f"mojibake: {codec} ({form})")
    return f"encoding-{form}"


def _mt_transforms(lang: str) -> list[str]:
    t = ["byline", "space-stop", "titlecase", "stutter", "fragment"]
    return t if lang == "en" else [*t, "english"]


def add_mt(d: Draft, rng: random.Random, mat: dict[str, Any], base: dict[str, Any], form: str = "") -> str:
    n = int(form) if form else rng.randint(2, 3)
    kinds = rng.sample(_mt_transforms(base["lang"]), k=n)
    for kind in sorted(kinds):  # deterministic order; each picks a fresh sentence
        if kind == "byline":
            line = f"{rng.choice(mat['names'])} {rng.choice(mat['mt']['contributed'])}"
            d.insert_block(len(d.text), line, "machine-translation", "calqued 'contributed to this report' byline")
            continue
        sents = [(s, e) for s, e in _sentences(d) if d.free(s, e)]
        if not sents:
            raise NotApplicable("no sentence to garble")
        s, e = rng.choice(sents)
        sent = d.text[s:e]
        words = list(_WORD_RE.finditer(sent))
        if kind == "space-stop":
            new, note = sent[:-1] + " .", "space before the full stop"
        elif kind == "titlecase":
            idx = [i for i in range(2, len(words) - 2)
                   if all(w.group().isalpha() and w.group().islower() and len(w.group()) > 3 for w in words[i:i + 2])]
            if not idx:
                new, note = sent[:-1] + " .", "space before the full stop"
            else:
                i = rng.choice(idx)
                a, b = words[i].start(), words[i + 1].end()
                new = sent[:a] + " ".join(w.group().capitalize() for w in words[i:i + 2]) + sent[b:]
                note = "Title-Case common words mid-sentence (translated headline fragment)"
        elif kind == "stutter":
            k = min(3, max(2, len(words) // 6))
            new = sent[: words[k - 1].end()] + " " + sent
            note = "fused duplicate clause (two translations of one phrase)"
        elif kind == "fragment":
            last = words[-1]
            if not last.group().isalpha() or len(words) < 8:
                new, note = sent[:-1] + " .", "space before the full stop"
            else:
                head = sent[: last.start()].rstrip(" ,")
                new = f"{head}. {last.group().capitalize()}."
                note = "sentence broken into a lone one-word fragment"
        else:  # english
            frag = rng.choice(mat["mt_english"])
            new = sent[:-1] + f", {frag}."
            note = "untranslated English fragment"
        d.replace(s, e, new, "machine-translation", note)
    return f"mt-{n}"


RECIPES: dict[str, Callable[..., str]] = {
    "bio": add_bio, "links": add_links, "boilerplate": add_boilerplate,
    "duplication": add_duplication, "encoding": add_encoding, "mt": add_mt,
}

#: one generated variant per clean base; the cycle starts at a per-language offset
PLAN: tuple[tuple[tuple[str, str], ...], ...] = (
    (("bio", "plain"),),
    (("bio", "quoted"),),
    (("bio", "named"),),
    (("mt", "3"),),
    (("links", "header-end"),),
    (("links", "noheader-end"),),
    (("links", "header-inline"),),
    (("mt", "2"), ("bio", "quoted"), ("links", "header-end")),  # the content-farm copy
    (("boilerplate", "cta"),),
    (("boilerplate", "title-repeat"),),
    (("boilerplate", "cookie-footer"),),
    (("boilerplate", "photo-newsletter"),),
    (("duplication", "adjacent"),),
    (("duplication", "tail2"),),
    (("encoding", "paragraph"),),
    (("encoding", "sentence"),),
)


def load_material(root: Path, lang: str) -> dict[str, Any]:
    """The merged defect material for one language (``any.toml`` then ``<lang>.toml``)."""
    mat: dict[str, Any] = {}
    for name in ("any", lang):
        p = root / f"{name}.toml"
        try:
            mat.update(tomllib.loads(p.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise CorpusError(f"{p}: invalid TOML ({exc})") from None
    return mat


def generate_variant(base: dict[str, Any], steps: tuple[tuple[str, str], ...], mat: dict[str, Any],
                     seed: int = SEED) -> tuple[dict[str, Any], Draft]:
    """Apply ``steps`` to a copy of ``base``; return the new record and its draft."""
    rng = random.Random(f"{seed}:{base['id']}:{steps}")
    d = Draft(base["text"], [dict(lab) for lab in base["labels"]])
    ctx = dict(base)
    ctx["outlet_name"] = mat["outlets"].get(base["source"], base["source"])
    names = [RECIPES[cat](d, rng, mat, ctx, form) for cat, form in steps]
    source = base["source"] if rng.random() < 0.5 else rng.choice(mat["farms"])
    rec = dict(base)
    rec.update({
        "text": d.text,
        "labels": d.labels,
        "source": source,
        "url": f"https://{source}/{rng.choice(['news', 'a', 'post', 'world', 'artykul', 'stiri', 'novini'])}/{rng.randrange(10**6, 10**7)}",
        "provenance": f"generated:{GENERATOR}.{'.'.join(names)}+{base['id']}",
    })
    rec.pop("_base", None)
    return rec, d


def split_material(mat: dict[str, Any], split: str) -> dict[str, Any]:
    """The half of every material list that variants of one split may use.

    Dev variants draw from the even-indexed items, test variants from the odd ones, so a
    detector tuned on dev never saw the exact bios, headlines or calls to action of test.
    """
    pick = 0 if split == "dev" else 1

    def walk(v: Any, key: str) -> Any:
        if isinstance(v, dict):
            return {k: walk(x, k) for k, x in v.items()}
        if isinstance(v, list) and len(v) >= 2 and key not in _SHARED_LISTS:
            return v[pick::2]
        return v

    return walk(mat, "")


#: material lists both splits share (technical variation, not strings a detector could memorise)
_SHARED_LISTS = frozenset({"codecs"})


def plan(bases: list[dict[str, Any]], mat: dict[str, Any], lang: str,
         seed: int = SEED) -> list[tuple[str, dict[str, Any], tuple[tuple[str, str], ...]]]:
    """``(new id, base, steps)`` for one defective variant per base, cycling through :data:`PLAN`
    from a per-language offset; a recipe that does not apply to a base passes to the next."""
    import hashlib

    order = sorted(bases, key=lambda b: hashlib.sha1(f"{seed}:{b['id']}".encode()).hexdigest())
    offset = sorted(("pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk")).index(lang) * 5 if lang else 0
    out = []
    for i, base in enumerate(order):
        for attempt in range(len(PLAN)):
            steps = PLAN[(i + offset + attempt) % len(PLAN)]
            try:
                generate_variant(base, steps, mat, seed)
            except NotApplicable:
                continue
            break
        else:
            raise CorpusError(f"no recipe applies to base {base['id']}")
        out.append((f"{lang}-g{i + 1:02d}", base, steps))
    return out


def generate(bases: list[dict[str, Any]], mat: dict[str, Any], lang: str, seed: int = SEED,
             split_of: Callable[[str], str] | None = None) -> list[tuple[dict[str, Any], Draft]]:
    """One defective variant per base (see :func:`plan`); deterministic.

    With ``split_of`` (base id -> "dev"/"test") each variant uses only its split's half of the
    material (:func:`split_material`).
    """
    out = []
    for new_id, base, steps in plan(bases, mat, lang, seed):
        m = split_material(mat, split_of(base["id"])) if split_of else mat
        try:
            rec, d = generate_variant(base, steps, m, seed)
        except NotApplicable as exc:
            raise CorpusError(f"{new_id}: recipe {steps} fails on the split material: {exc}") from None
        rec["id"] = new_id
        out.append((rec, d))
    return out
