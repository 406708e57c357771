"""Build the committed corpus files from the authored sources and the generator.

``python -m audit.eval.build`` rewrites ``tests/corpus/{dev,test}/<lang>.jsonl`` from

* the five seed articles in ``seeds/`` with labels from ``tests/corpus/src/seeds.toml``,
* the hand-written articles in ``tests/corpus/src/<lang>.txt``,
* one generated variant of every clean hand-written base (``audit.eval.inject``),

and writes ``tests/corpus/{dev,test}/<lang>.2.jsonl`` from the second wave of hand-written
articles, ``tests/corpus/src2/<lang>.<split>.txt``, whose split is the file name's (no hashing,
no generated variants): the first wave's files and split assignment are untouched by it.

The build is deterministic: ``tests/test_eval_corpus.py`` rebuilds in memory and compares
with the committed files.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

from audit.eval.corpus import SPLITS, CorpusError, assign_splits, dump_record, parse_source, validate
from audit.eval.inject import SEED, Draft, generate, load_material

LANGS = ("pl", "bg", "ro", "en", "de", "es", "fr", "ru", "uk")
REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
SECOND_WAVE = "src2"


def seed_records(repo: Path = REPO, corpus: Path = CORPUS) -> list[dict[str, Any]]:
    spec_path = corpus / "src" / "seeds.toml"
    spec = tomllib.loads(spec_path.read_text(encoding="utf-8"))
    out = []
    for sid, meta in sorted(spec.items()):
        text = (repo / "seeds" / f"{sid}.txt").read_text(encoding="utf-8")
        labels = []
        for lab in meta.get("labels", []):
            needle = lab["text"]
            start = text.find(needle)
            if start < 0 or text.find(needle, start + 1) >= 0:
                raise CorpusError(f"{spec_path}: [{sid}] label text must occur exactly once: {needle[:40]!r}")
            item: dict[str, Any] = {"category": lab["category"], "start": start, "end": start + len(needle),
                                    "note": lab["note"]}
            if lab.get("optional"):
                item["optional"] = True
            labels.append(item)
        labels.sort(key=lambda lab: (lab["start"], lab["end"]))
        out.append({
            "id": sid, "text": text, "title": meta.get("title"), "author": meta.get("author"),
            "source": meta.get("source"), "url": meta.get("url"), "lang": meta["lang"],
            "published": meta.get("published"), "labels": labels, "provenance": "seed",
            "style": meta["style"], "topic": meta["topic"], "attribution_level": meta["attribution_level"],
        })
    return out


def build_records(repo: Path = REPO, corpus: Path = CORPUS, seed: int = SEED) -> tuple[list[dict[str, Any]], list[Draft]]:
    """All records (seeds, written, generated) and the drafts of the generated ones.

    Two passes: a first generation with all the material fixes every variant's recipe and
    therefore its labels, which fix the dev/test split of its group; the second generation
    draws each variant's material from its split's half only.
    """
    records = seed_records(repo, corpus)
    per_lang: list[tuple[str, list[dict[str, Any]], dict[str, Any]]] = []
    for lang in LANGS:
        src = corpus / "src" / f"{lang}.txt"
        if not src.exists():
            continue
        written = parse_source(src)
        bases = [r for r in written if not r["labels"] and r["_base"]]
        for r in written:
            r.pop("_base", None)
            records.append(r)
        per_lang.append((lang, bases, load_material(corpus / "material", lang)))
    prelim = [rec for lang, bases, mat in per_lang for rec, _ in generate(bases, mat, lang, seed)]
    splits = assign_splits(records + prelim)
    drafts: list[Draft] = []
    for lang, bases, mat in per_lang:
        for rec, d in generate(bases, mat, lang, seed, split_of=lambda bid: splits[bid]):
            records.append(rec)
            drafts.append(d)
    ids = [r["id"] for r in records]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise CorpusError(f"duplicate article ids: {', '.join(sorted(dupes))}")
    for r in records:
        validate(r, f"record {r['id']}")
    final = assign_splits(records)
    if any(final[k] != v for k, v in splits.items()):
        raise CorpusError("the split changed between the two generation passes")
    return records, drafts


def second_wave_records(corpus: Path = CORPUS) -> list[tuple[str, dict[str, Any]]]:
    """``(split, record)`` for every article of ``src2/<lang>.<split>.txt``, in file order."""
    out: list[tuple[str, dict[str, Any]]] = []
    folder = corpus / SECOND_WAVE
    for lang in LANGS:
        for split in SPLITS:
            src = folder / f"{lang}.{split}.txt"
            if not src.exists():
                continue
            for rec in parse_source(src):
                rec.pop("_base", None)
                validate(rec, f"{src}: record {rec['id']}")
                out.append((split, rec))
    if folder.is_dir():
        known = {f"{lang}.{split}.txt" for lang in LANGS for split in SPLITS}
        stray = sorted(p.name for p in folder.glob("*.txt") if p.name not in known)
        if stray:
            raise CorpusError(f"{folder}: unexpected source file(s) {', '.join(stray)} "
                              f"(name them <lang>.<dev|test>.txt)")
    return out


def render_second_wave(pairs: list[tuple[str, dict[str, Any]]],
                       first_ids: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
    """``{"dev/pl.2.jsonl": content, ...}``; ids must be new to both waves."""
    ids = [r["id"] for _s, r in pairs]
    dupes = {i for i in ids if ids.count(i) > 1} | (set(ids) & set(first_ids))
    if dupes:
        raise CorpusError(f"duplicate article ids in {SECOND_WAVE}: {', '.join(sorted(dupes))}")
    files: dict[str, list[str]] = {}
    for split, r in sorted(pairs, key=lambda p: p[1]["id"]):
        files.setdefault(f"{split}/{r['lang']}.2.jsonl", []).append(dump_record(r))
    return {name: "\n".join(lines) + "\n" for name, lines in sorted(files.items())}


def render(records: list[dict[str, Any]]) -> dict[str, str]:
    """``{"dev/pl.jsonl": content, ...}`` for the split records."""
    splits = assign_splits(records)
    files: dict[str, list[str]] = {}
    for r in sorted(records, key=lambda r: r["id"]):
        files.setdefault(f"{splits[r['id']]}/{r['lang']}.jsonl", []).append(dump_record(r))
    return {name: "\n".join(lines) + "\n" for name, lines in sorted(files.items())}


def main(argv: list[str] | None = None) -> int:
    try:
        records, _ = build_records()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        files = render(records)
        second = render_second_wave(second_wave_records(), {r["id"] for r in records})
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    files.update(second)
    for split in ("dev", "test"):
        for old in (CORPUS / split).glob("*.jsonl"):
            old.unlink()
    for name, content in files.items():
        path = CORPUS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    n2 = sum(content.count("\n") for content in second.values())
    print(f"wrote {len(records) + n2} records ({n2} of {SECOND_WAVE}) to {len(files)} files under {CORPUS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
