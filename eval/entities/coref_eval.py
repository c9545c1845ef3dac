"""In-document coreference of the whole pipeline on short articles written for this check.

`coref_gold.jsonl` holds six articles written for Marsad (no corpus text), each with its
gold entities; a mention is written `words#k`, the k-th occurrence of `words` in the
document's text (headline + "\\n" + body). Each article goes through `marsad.analyze`;
a gold mention is found when a predicted mention overlaps it. Reported: mentions found,
pairwise links (two found mentions in one predicted entity) against gold links, and the
type of the entity each found mention lands in.

    .venv/bin/python eval/entities/coref_eval.py [--verbose]

The articles exercise what the entity stage is for (a family name in the headline, two
people sharing a family name, roles and anaphors standing alone, acronyms, organisation
heads), so they measure those rules end to end with the shipped tagger; they are a check,
not a corpus sample.
"""

from __future__ import annotations

import argparse
import json
from itertools import combinations
from pathlib import Path

import marsad

GOLD = Path(__file__).resolve().parent / "coref_gold.jsonl"


def occurrence(text: str, mention: str) -> tuple[int, int]:
    words, _, number = mention.rpartition("#")
    index = -1
    for _ in range(int(number)):
        index = text.find(words, index + 1)
        if index < 0:
            raise ValueError(f"{mention!r} does not occur that often")
    return index, index + len(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print each article's misses")
    args = parser.parse_args()
    found = total = typed = 0
    gold_links = predicted_links = correct_links = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        doc = marsad.analyze(article["text"], title=article["title"], published=article["published"])
        predicted = [(m.start, m.end, e) for e in doc.entities for m in e.mentions]
        located = []  # (gold entity index, gold type, predicted entity or None, words)
        for number, entity in enumerate(article["entities"]):
            for mention in entity["mentions"]:
                start, end = occurrence(doc.text, mention)
                hits = [e for s, t, e in predicted if s < end and start < t]
                located.append((number, entity["type"], hits[0] if hits else None, mention))
        total += len(located)
        detected = [item for item in located if item[2] is not None]
        found += len(detected)
        typed += sum(1 for _, kind, e, _ in detected if e.type == kind)
        for (gold_a, _, pred_a, _), (gold_b, _, pred_b, _) in combinations(detected, 2):
            same_gold, same_predicted = gold_a == gold_b, pred_a.id == pred_b.id
            gold_links += same_gold
            predicted_links += same_predicted
            correct_links += same_gold and same_predicted
        if args.verbose:
            for number, kind, entity, mention in located:
                where = f"{entity.id} {entity.type} {entity.name}" if entity else "not found"
                print(f"{article['id']} gold {number} {kind:6s} {mention:28s} -> {where}")
    precision = correct_links / predicted_links if predicted_links else 0.0
    recall = correct_links / gold_links if gold_links else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"mentions found: {found}/{total} ({found / total:.3f}); right type: {typed}/{found}")
    print(
        f"links: precision {precision:.3f} ({correct_links}/{predicted_links}), recall {recall:.3f} "
        f"({correct_links}/{gold_links}), F1 {f1:.3f}"
    )


if __name__ == "__main__":
    main()
