"""Scoring temporal expressions and quantities against a gold JSON Lines file.

Each line of the gold file is one text with its publication date and gold layers:

    {"id": "...", "published": "YYYY-MM-DD" | null, "text": "...",
     "times": [{"start", "end", "text", "value", "grain"}],
     "quantities": [{"start", "end", "text", "value", "unit", "kind"}]}

Each text goes through the text and temporal stages. Spans are scored twice: exact
(same start and end) and overlap (a one-to-one pairing of overlapping spans, largest
overlap first). Value accuracy is measured on the overlap pairs: a time is right when its
value equals the gold value (both null counts as right), a quantity when value and unit
both match. `found_correct` is the end-to-end figure: the share of gold items found
(overlap) with the right value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline

STAGES = ("marsad.text.v1", "marsad.temporal.v1")


@dataclass
class LayerScore:
    """Counts for one layer (times or quantities) over a whole gold file."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    value_correct: int = 0
    detail_correct: int = 0  # grain for times, kind for quantities
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(precision: float, recall: float) -> float:
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        exact_p, exact_r = ratio(self.exact, self.predicted), ratio(self.exact, self.gold)
        over_p, over_r = ratio(self.overlap, self.predicted), ratio(self.overlap, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "exact_precision": exact_p,
            "exact_recall": exact_r,
            "exact_f1": self._f1(exact_p, exact_r),
            "overlap_precision": over_p,
            "overlap_recall": over_r,
            "overlap_f1": self._f1(over_p, over_r),
            "value_accuracy": ratio(self.value_correct, self.overlap),
            "detail_accuracy": ratio(self.detail_correct, self.overlap),
            "found_correct": ratio(self.value_correct, self.gold),
        }


@dataclass
class TimeScores:
    items: int
    times: LayerScore
    quantities: LayerScore

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "times": self.times.figures(), "quantities": self.quantities.figures()}

    def report(self) -> str:
        lines = [f"{self.items} texts"]
        for name, layer, detail in (("times", self.times, "grain"), ("quantities", self.quantities, "kind")):
            f = layer.figures()
            lines.append(
                f"{name:<10} gold {f['gold']:>4}  predicted {f['predicted']:>4}  "
                f"exact P/R/F1 {f['exact_precision']:.3f}/{f['exact_recall']:.3f}/{f['exact_f1']:.3f}  "
                f"overlap P/R/F1 {f['overlap_precision']:.3f}/{f['overlap_recall']:.3f}/{f['overlap_f1']:.3f}"
            )
            value = "value+unit" if name == "quantities" else "value"
            lines.append(
                f"{'':<10} {value} accuracy {f['value_accuracy']:.3f}  {detail} accuracy "
                f"{f['detail_accuracy']:.3f}  found with the right value {f['found_correct']:.3f}"
            )
        return "\n".join(lines)


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The items of a gold file; a malformed line is a MarsadError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise MarsadError("E401", source=str(path), detail=error.strerror or str(error)) from None
    items: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise MarsadError("E402", source=str(path), line=number, detail=error.msg) from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise MarsadError("E402", source=str(path), line=number, detail="expected an object with 'text'")
        for layer in ("times", "quantities"):
            entries = item.setdefault(layer, [])
            if not isinstance(entries, list) or not all(
                isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
                for e in entries
            ):
                raise MarsadError("E402", source=str(path), line=number, detail=f"bad '{layer}' list")
        items.append(item)
    return items


def _pair(gold: list[dict[str, Any]], predicted: list[Any]) -> list[tuple[dict[str, Any], Any]]:
    """A one-to-one pairing of overlapping spans, the largest overlaps first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                candidates.append((-overlap, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_gold or j in used_predicted:
            continue
        used_gold.add(i)
        used_predicted.add(j)
        pairs.append((gold[i], predicted[j]))
    return pairs


def _same_number(a: object, b: object) -> bool:
    return isinstance(a, int | float) and isinstance(b, int | float) and math.isclose(a, b, rel_tol=1e-9)


def _score_layer(
    layer: LayerScore, item_id: str, gold: list[dict[str, Any]], predicted: list[Any], times: bool
) -> None:
    layer.gold += len(gold)
    layer.predicted += len(predicted)
    spans = {(p.start, p.end) for p in predicted}
    layer.exact += sum((g["start"], g["end"]) in spans for g in gold)
    pairs = _pair(gold, predicted)
    layer.overlap += len(pairs)
    for g, p in pairs:
        if times:
            right = g.get("value") == p.value
            detail = g.get("grain") == p.grain
            shown = f"{p.text!r} {p.value} {p.grain}  gold {g['text']!r} {g.get('value')} {g.get('grain')}"
        else:
            right = _same_number(g.get("value"), p.value) and g.get("unit") == p.unit
            detail = g.get("kind") == p.kind
            gold_shown = f"{g['text']!r} {g.get('value')} {g.get('unit')} {g.get('kind')}"
            shown = f"{p.text!r} {p.value} {p.unit} {p.kind}  gold {gold_shown}"
        layer.value_correct += right
        layer.detail_correct += detail
        if not right or not detail or (g["start"], g["end"]) != (p.start, p.end):
            layer.errors.append(f"{item_id}: {shown}")
    paired_gold = {id(g) for g, _ in pairs}
    paired_predicted = {id(p) for _, p in pairs}
    layer.errors.extend(f"{item_id}: missed {g['text']!r}" for g in gold if id(g) not in paired_gold)
    layer.errors.extend(f"{item_id}: spurious {p.text!r}" for p in predicted if id(p) not in paired_predicted)


def evaluate(items: Iterable[dict[str, Any]]) -> TimeScores:
    """Runs the text and temporal stages on every gold text and scores both layers."""
    pipeline = Pipeline(STAGES)
    times, quantities = LayerScore(), LayerScore()
    count = 0
    for item in items:
        count += 1
        doc = pipeline(Document(text=item["text"], published=item.get("published")))
        item_id = str(item.get("id", count))
        _score_layer(times, item_id, item["times"], doc.times, True)
        _score_layer(quantities, item_id, item["quantities"], doc.quantities, False)
    return TimeScores(count, times, quantities)
