"""Builds eval/time/gold.jsonl from the hand-written eval/time/gold.src.txt.

The source marks times as [[SPAN|VALUE|GRAIN]] and quantities as {{SPAN|VALUE|UNIT|KIND}}
inline, which is easy to write and review; the JSON Lines file has the plain text and
exact offsets, the format `marsad eval time` reads. Run from the repository root:

    .venv/bin/python eval/time/build_gold.py [SOURCE OUTPUT]

(default: eval/time/gold.src.txt -> eval/time/gold.jsonl).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[(?P<t>[^\]]+)\]\]|\{\{(?P<q>[^}]+)\}\}")


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def parse_item(item_id: str, published: str | None, marked: str) -> dict[str, object]:
    text_parts: list[str] = []
    times: list[dict[str, object]] = []
    quantities: list[dict[str, object]] = []
    position = 0
    length = 0
    for match in MARK.finditer(marked):
        plain = marked[position : match.start()]
        text_parts.append(plain)
        length += len(plain)
        fields = (match.group("t") or match.group("q")).split("|")
        span = fields[0]
        start, end = length, length + len(span)
        if match.group("t"):
            if len(fields) != 3:
                raise ValueError(f"{item_id}: bad time mark {match.group()}")
            value = None if fields[1] == "null" else fields[1]
            times.append({"start": start, "end": end, "text": span, "value": value, "grain": fields[2]})
        else:
            if len(fields) != 4:
                raise ValueError(f"{item_id}: bad quantity mark {match.group()}")
            unit = None if fields[2] == "-" else fields[2]
            kind = None if fields[3] == "-" else fields[3]
            quantities.append(
                {
                    "start": start,
                    "end": end,
                    "text": span,
                    "value": _number(fields[1]),
                    "unit": unit,
                    "kind": kind,
                }
            )
        text_parts.append(span)
        length += len(span)
        position = match.end()
    text_parts.append(marked[position:])
    text = "".join(text_parts)
    for layer in (times, quantities):
        for entry in layer:
            assert text[entry["start"] : entry["end"]] == entry["text"]  # type: ignore[misc]
    return {"id": item_id, "published": published, "text": text, "times": times, "quantities": quantities}


def read_source(path: Path) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    header: tuple[str, str | None] | None = None
    lines: list[str] = []

    def flush() -> None:
        if header is not None:
            items.append(parse_item(header[0], header[1], "\n".join(lines).strip()))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("@ "):
            flush()
            item_id, _, published = line[2:].partition("|")
            published = published.strip()
            header = (item_id.strip(), None if published == "none" else published)
            lines = []
        elif header is not None:
            lines.append(line)
    flush()
    return items


def main() -> None:
    if len(sys.argv) == 3:
        source, output = Path(sys.argv[1]), Path(sys.argv[2])
    else:
        source, output = HERE / "gold.src.txt", HERE / "gold.jsonl"
    items = read_source(source)
    ids = [item["id"] for item in items]
    if len(ids) != len(set(ids)):
        sys.exit("duplicate item ids")
    with output.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    times = sum(len(item["times"]) for item in items)  # type: ignore[arg-type]
    quantities = sum(len(item["quantities"]) for item in items)  # type: ignore[arg-type]
    print(f"{len(items)} items, {times} temporal expressions, {quantities} quantities -> {output}")


if __name__ == "__main__":
    main()
