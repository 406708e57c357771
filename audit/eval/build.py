"""Build the committed corpus files from the authored sources and the generator.

``python -m audit.eval.build`` rewrites ``tests/corpus/{dev,test}/<lang>.jsonl`` from

* the five seed articles in ``seeds/`` with labels from ``tests/corpus/src/seeds.toml``,
* the hand-written articles in ``tests/corpus/src/<lang>.txt``,
* one generated variant of every clean hand-written base (``audit.eval.inject``),

and writes ``tests/corpus/{dev,test}/<lang>.<n>.jsonl`` from each later wave ``n`` of
hand-written articles, ``tests/corpus/src<n>/<lang>.<split>.txt`` (n = 2, 3), whose split is the
file name's (no hashing, no generated variants): the first wave's files and split assignment are
untouched by them, and a later wave never moves an earlier one's article.

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
#: the hand-written waves after the first, each in ``src<n>/`` and built into ``<lang>.<n>.jsonl``
LATER_WAVES = (2, 3, 4, 5, 6, 7, 8, 9, 10, 11)


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


def wave_records(corpus: Path = CORPUS, wave: int = 2) -> list[tuple[str, dict[str, Any]]]:
    """``(split, record)`` for every article of ``src<wave>/<lang>.<split>.txt``, in file order."""
    out: list[tuple[str, dict[str, Any]]] = []
    folder = corpus / f"src{wave}"
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


def render_wave(pairs: list[tuple[str, dict[str, Any]]],
                known_ids: set[str] | frozenset[str] = frozenset(), wave: int = 2) -> dict[str, str]:
    """``{"dev/pl.<wave>.jsonl": content, ...}``; ids must be new to every other wave."""
    ids = [r["id"] for _s, r in pairs]
    dupes = {i for i in ids if ids.count(i) > 1} | (set(ids) & set(known_ids))
    if dupes:
        raise CorpusError(f"duplicate article ids in src{wave}: {', '.join(sorted(dupes))}")
    files: dict[str, list[str]] = {}
    for split, r in sorted(pairs, key=lambda p: p[1]["id"]):
        files.setdefault(f"{split}/{r['lang']}.{wave}.jsonl", []).append(dump_record(r))
    return {name: "\n".join(lines) + "\n" for name, lines in sorted(files.items())}


def render_later_waves(first_ids: set[str], corpus: Path = CORPUS) -> dict[str, str]:
    """The files of every later wave, each checked against the ids of all the others."""
    files: dict[str, str] = {}
    known = set(first_ids)
    for wave in LATER_WAVES:
        pairs = wave_records(corpus, wave)
        files.update(render_wave(pairs, known, wave))
        known |= {r["id"] for _s, r in pairs}
    return files


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
        later = render_later_waves({r["id"] for r in records})
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    files.update(later)
    for split in ("dev", "test"):
        for old in (CORPUS / split).glob("*.jsonl"):
            old.unlink()
    for name, content in files.items():
        path = CORPUS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    n_later = sum(content.count("\n") for content in later.values())
    print(f"wrote {len(records) + n_later} records ({n_later} of the later waves) to {len(files)} files under {CORPUS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
