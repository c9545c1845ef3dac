"""Variants of the ANT topic classifier, scored on a held-out slice of TRAIN (and on dev once).

The shipped model (`marsad train topics`) is a linear SVM over one TF-IDF space of word
features and character 2-5-grams. This script trains the variants tried against it, so the
table in docs/topics.md can be reproduced:

- `--ngrams`: the character n-gram sizes (`""`: none, words only);
- `--geo`: one `g:<country>` feature per mention of a country, its capital or its
  nationality adjective, from the shipped registry (countries, their capitals, demonyms),
  pooling the spellings of a place into one country feature;
- `--nb`: NB-SVM (Wang & Manning 2012): per label one-vs-rest, features scaled by the
  log-count ratio r of the label against the rest (alpha 1), weights `r * w`, with
  interpolation beta towards the mean weight (1: no interpolation);
- `--site-split`: the labels trained as one class per site (`label@src`), a label scoring
  the best of its classes (the shipped model: internationalNews,middleEast);
- `--offsets`: per-label offsets on the margins chosen by 5-fold cross-validation on the
  articles the variant trains on (the shipped trainer's `fit_offsets`);
- `--edges`: the first and last four tokens of the body as positional features
  (`b0:`..`b3:`, `e0:`..`e3:`: datelines, bylines, sign-offs);
- `--lead`: the first 20 words of the body once more (`l:` features);
- `--blocks CW,CC,A`: word features and character n-grams each normalised on their own, one
  SVM per block (C CW and CC), margins summed with the n-gram SVM's times A (the shipped
  trainer's `fit_block_svms`; `--c` is then unused);
- `--stack` (with `--blocks`): the shipped trainer's stacking: five folds of its block
  SVMs (`BLOCK_SVMS`) on the articles the variant trains on, an MLP stacker on their
  out-of-fold margins, the held articles scored by the folds' mean weights and the stacker.

Without `--dev` the variant trains on 90% of the training split and is scored on the other
10% (stratified, seed 0); with `--dev` it trains on the whole training split and is scored
on dev. Choose on the slice; confirm on dev once.

    .venv/bin/python eval/topics/topic_experiments.py --ngrams "" --c 1.0 [--geo] [--nb 1.0] [--dev]
    .venv/bin/python eval/topics/topic_experiments.py --site-split internationalNews,middleEast --offsets \
        --blocks 1,1,0.75
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import spmatrix
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.svm import LinearSVC

from marsad.document import Document, Token
from marsad.linking.match import loose_key
from marsad.resources import data_file
from marsad.text import tokenize
from marsad.topics.features import WORD_KINDS, FeatureExtractor, word_of
from marsad.training import ANT_DEV, ANT_TRAIN
from marsad.training.topics import (
    Article,
    block_margins,
    block_normalized,
    cross_validated_models,
    feature_blocks,
    fit_block_svms,
    fit_offsets,
    fit_stacker,
    label_margins,
    macro_f1,
    read_articles,
    stacker_logits,
    stacker_out_of_fold,
)


def place_table() -> dict[str, str]:
    """Registry name key -> country code, for countries, their capitals and demonyms."""
    connection = sqlite3.connect(data_file("linking", "registry.sqlite3"))
    best: dict[str, tuple[str, int]] = {}
    rows = connection.execute(
        "SELECT a.key, e.country, COALESCE(e.population, 0) FROM aliases a "
        "JOIN entities e ON e.id = a.entity "
        "WHERE e.type = 'GPE' AND e.country IS NOT NULL AND (e.kind = 'country' OR "
        "e.id IN (SELECT capital FROM entities WHERE kind = 'country'))"
    )
    for key, country, population in rows:
        if len(key.split()) <= 2 and len(key) >= 3 and (key not in best or population > best[key][1]):
            best[key] = (country, population)
    table = {key: country for key, (country, _) in best.items()}
    for key, country in connection.execute("SELECT key, country FROM demonyms"):
        table.setdefault(key, country)
    return table


def place_features(norms: Sequence[str], stems: Sequence[str], places: dict[str, str]) -> list[str]:
    """`g:<country>` per place mention (two-word names first), matching norm, al+stem or stem."""
    found, i = [], 0
    while i < len(norms):
        if i + 1 < len(norms):
            pair = next(
                (places[f"{w} {norms[i + 1]}"] for w in (norms[i], "ال" + stems[i], stems[i])
                 if f"{w} {norms[i + 1]}" in places),
                None,
            )  # fmt: skip
            if pair:
                found.append("g:" + pair)
                i += 2
                continue
        stem = loose_key(stems[i]) if len(stems[i]) > 4 else stems[i]  # اردنيه -> اردني (demonyms)
        single = next((places[w] for w in (norms[i], "ال" + stems[i], stems[i], stem) if w in places), None)
        if single:
            found.append("g:" + single)
        i += 1
    return found


def position_features(tokens: Sequence[Token], body_start: int, edges: bool, lead: bool) -> list[str]:
    """`--edges`: the body's first and last four tokens by position; `--lead`: its first 20 words."""
    body = [t for t in tokens if t.start >= body_start]
    found = []
    if edges:
        found += [f"b{i}:{t.norm}" for i, t in enumerate(body[:4])]
        found += [f"e{i}:{t.norm}" for i, t in enumerate(body[-4:][::-1])]
    if lead:
        found += ["l:" + word for word in map(word_of, body) if word is not None][:20]
    return found


def features(
    articles: list[Article],
    sizes: tuple[int, ...],
    places: dict[str, str] | None,
    edges: bool = False,
    lead: bool = False,
) -> list[list[str]]:
    result = []
    for article in articles:
        doc = Document.from_parts(article.text, title=article.title)
        tokens = tokenize(doc.text)
        row = FeatureExtractor.word_features(tokens, len(doc.headline) if doc.headline else 0)
        words = [t for t in tokens if t.kind in WORD_KINDS]
        for token in words:
            padded = f" {token.norm.lower()} "
            row.extend("c:" + padded[s : s + n] for n in sizes for s in range(len(padded) - n + 1))
        if places is not None:
            norms = [t.norm.lower() for t in words]
            stems = [t.stem if t.kind == "arabic" else t.norm.lower() for t in words]
            row.extend(place_features(norms, stems, places))
        row.extend(position_features(tokens, doc.body_start, edges, lead))
        result.append(row)
    return result


def nbsvm(matrix, gold: np.ndarray, n_labels: int, c: float, beta: float) -> tuple[np.ndarray, np.ndarray]:
    """NB-SVM weights (features x labels) and biases, one-vs-rest."""
    binary = matrix.copy()
    binary.data[:] = 1
    weights, biases = [], []
    for label in range(n_labels):
        positive = gold == label
        p = 1.0 + np.asarray(binary[positive].sum(0)).ravel()
        q = 1.0 + np.asarray(binary[~positive].sum(0)).ravel()
        ratio = np.log((p / p.sum()) / (q / q.sum())).astype(np.float32)
        svm = LinearSVC(C=c, random_state=0, max_iter=5000).fit(matrix.multiply(ratio).tocsr(), positive)
        w = svm.coef_.ravel()
        w = (1 - beta) * np.abs(w).mean() + beta * w
        weights.append(ratio * w)
        biases.append(svm.intercept_[0])
    return np.array(weights).T, np.array(biases)


def class_margins(
    fit_matrix: spmatrix,
    targets: np.ndarray,
    held_matrix: spmatrix,
    labels: list[str],
    c: float,
    blocks: tuple[np.ndarray, tuple[tuple[float, float], ...]] | None = None,
) -> np.ndarray:
    """Per-label margins of the held articles: an SVM over `targets` (or one per feature block), a
    label's best class."""
    names = sorted(set(targets), key=lambda name: (labels.index(name.split("@")[0]), name))
    columns = np.array([labels.index(name.split("@")[0]) for name in names])
    if blocks is not None:
        weights, bias = fit_block_svms(fit_matrix, targets, blocks[0], names, blocks[1])
        return label_margins(np.asarray(held_matrix @ weights) + bias.sum(axis=0), columns)
    svm = LinearSVC(C=c, random_state=0, max_iter=5000).fit(fit_matrix, targets)
    order = [list(svm.classes_).index(name) for name in names]
    return label_margins(svm.decision_function(held_matrix)[:, order], columns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument(
        "--ngrams", default="2,3,4,5", help="character n-gram sizes, comma-separated; '' for none"
    )
    parser.add_argument("--c", type=float, default=0.3)
    parser.add_argument("--geo", action="store_true")
    parser.add_argument("--nb", type=float, default=None, help="NB-SVM with this interpolation beta")
    parser.add_argument("--site-split", default="", help="labels split by site, comma-separated")
    parser.add_argument("--offsets", action="store_true", help="per-label offsets by 5-fold CV")
    parser.add_argument("--edges", action="store_true", help="the body's first and last tokens by position")
    parser.add_argument("--lead", action="store_true", help="the body's first 20 words once more")
    parser.add_argument("--blocks", default="", help="CW,CC,A: one SVM per feature block")
    parser.add_argument("--stack", action="store_true", help="fold SVMs per block + MLP stacker")
    parser.add_argument("--dev", action="store_true", help="train on all of train, score on dev")
    args = parser.parse_args()
    started = time.perf_counter()
    sizes = tuple(int(n) for n in args.ngrams.split(",") if n)
    train = list(read_articles(args.data / ANT_TRAIN))
    labels = sorted({a.label for a in train})
    if args.dev:
        fit, held = train, list(read_articles(args.data / ANT_DEV))
    else:
        gold_all = [a.label for a in train]
        fit_index, held_index = train_test_split(
            np.arange(len(train)), test_size=0.1, stratify=gold_all, random_state=0
        )
        fit, held = [train[i] for i in fit_index], [train[i] for i in held_index]
    places = place_table() if args.geo else None
    vectorizer = TfidfVectorizer(
        analyzer=lambda row: row, lowercase=False, sublinear_tf=True, min_df=3, dtype=np.float32
    )
    fit_matrix = vectorizer.fit_transform(features(fit, sizes, places, args.edges, args.lead))
    held_matrix = vectorizer.transform(features(held, sizes, places, args.edges, args.lead))
    blocks = None
    if args.blocks:
        c_words, c_ngrams, weight = (float(v) for v in args.blocks.split(","))
        blocks = (feature_blocks(vectorizer.get_feature_names_out()), ((c_words, 1.0), (c_ngrams, weight)))
        fit_matrix, held_matrix = (block_normalized(m, blocks[0]) for m in (fit_matrix, held_matrix))
    fit_gold = np.array([labels.index(a.label) for a in fit])
    held_gold = np.array([labels.index(a.label) for a in held])
    split = set(args.site_split.split(",")) - {""}
    if args.stack:
        if blocks is None:
            parser.error("--stack needs --blocks")
        targets = np.array([f"{a.label}@{a.source}" if a.label in split else a.label for a in fit])
        names = sorted(set(targets), key=lambda name: (labels.index(name.split("@")[0]), name))
        out_of_fold, weights, bias = cross_validated_models(fit_matrix, targets, fit_gold, blocks[0], names)
        stacked = stacker_out_of_fold(out_of_fold, fit_gold)
        print(f"stacker out of fold: macro-F1 {macro_f1(fit_gold, stacked, len(labels)):.4f}")
        stacker = fit_stacker(out_of_fold, fit_gold)
        predicted = stacker_logits(stacker, block_margins(held_matrix, blocks[0], weights, bias)).argmax(1)
    elif args.nb is None:
        targets = np.array([f"{a.label}@{a.source}" if a.label in split else a.label for a in fit])
        held_margins = class_margins(fit_matrix, targets, held_matrix, labels, args.c, blocks)
        if args.offsets:
            oof = np.zeros((len(fit), len(labels)))
            folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
            for part, rest in folds.split(np.zeros(len(fit)), fit_gold):
                oof[rest] = class_margins(
                    fit_matrix[part], targets[part], fit_matrix[rest], labels, args.c, blocks
                )
            held_margins += fit_offsets(oof, fit_gold)
        predicted = held_margins.argmax(1)
    else:
        weights, biases = nbsvm(fit_matrix, fit_gold, len(labels), args.c, args.nb)
        predicted = np.asarray(held_matrix @ weights + biases).argmax(1)
    print(
        f"{'dev' if args.dev else 'train slice'}: ngrams {sizes or 'none'} geo {args.geo} "
        f"nb {args.nb} C {args.c} site-split {sorted(split) or 'none'} offsets {args.offsets} "
        f"edges {args.edges} lead {args.lead} blocks {args.blocks or 'none'} stack {args.stack}: "
        f"{fit_matrix.shape[1]} features, macro-F1 {macro_f1(held_gold, predicted, len(labels)):.4f}, "
        f"accuracy {float((predicted == held_gold).mean()):.4f} ({time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
