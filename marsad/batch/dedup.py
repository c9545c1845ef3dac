"""Near-duplicate articles and event merging across a whole dataset, by the corpus's rules.

The corpus store decides one article at a time against what it already holds; a batch
sees the whole dataset at once and must give the same answer however it is split into
partitions. So the rules are the corpus's, and the procedure is order-free:

Near-duplicates. Signatures are the corpus's MinHash (`marsad.corpus.dedup.signature`),
candidates are the pairs that share an LSH band under the banding datasketch's
`MinHashLSH` chooses for the corpus's threshold and number of permutations (two articles
meet in the same bucket exactly when one band of their signatures is equal), and a pair
is a duplicate when `marsad.corpus.dedup.similarity` reaches `THRESHOLD`. Duplicates are
grouped transitively (connected components); a group is one story whose first article
(earliest published, then smallest id) is the one the others are `duplicate_of`.

Events. Two reports are one corpus event when their type, negation, actors, recipients
and place are the same (`merge_key`, entities compared as the corpus does: by KB id, else
by type and normalised name) and their days are at most `EVENT_WINDOW_DAYS` apart,
chained: sorted by day, a report more than the window after the one before it starts a new
corpus event. A report naming no participant and no place stays on its own, and reports
without a day merge with the other reports of their key that have none, as in the store.

This module holds the rules and the one-machine implementation (`--engine local`);
`spark.py` implements the same procedure with Spark operations.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from marsad.corpus.dedup import NUM_PERM, THRESHOLD, similarity
from marsad.corpus.store import EVENT_WINDOW_DAYS, normalized_name

# The value every position of a signature has when its text had no shingle at all.
_EMPTY = np.uint32(0xFFFFFFFF)


@functools.cache
def bands() -> tuple[int, int]:
    """(number of bands, rows per band) that datasketch's LSH uses for the corpus's threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(minhash: bytes | None) -> list[bytes]:
    """One bucket key per band (band number + the band's values); none for an empty signature."""
    if not minhash:
        return []
    values = np.frombuffer(minhash, dtype=np.uint32)
    if bool(np.all(values == _EMPTY)):
        return []
    count, rows = bands()
    return [bytes([band]) + values[band * rows : (band + 1) * rows].tobytes() for band in range(count)]


def is_duplicate(first: bytes, second: bytes) -> bool:
    return similarity(first, second) >= THRESHOLD


def canonical_order(published: str | None, article_id: str) -> tuple[bool, str, str]:
    """How the first article of a story is chosen: earliest published, undated last, then id."""
    return (published is None, published or "", article_id)


def find_stories(articles: Iterable[tuple[str, str | None, bytes | None]]) -> dict[str, dict[str, Any]]:
    """{article id: story_id, duplicate_of, similarity} for `(article id, published, minhash)` rows."""
    rows = list(articles)
    signatures = {article_id: minhash for article_id, _, minhash in rows}
    # Articles with the same signature are one node, named by their smallest id.
    node_of_signature: dict[bytes, str] = {}
    for article_id, _, minhash in rows:
        if band_keys(minhash):
            node = node_of_signature.get(minhash)  # type: ignore[arg-type]
            node_of_signature[minhash] = article_id if node is None else min(node, article_id)  # type: ignore[index]
    buckets: dict[bytes, list[str]] = defaultdict(list)
    for minhash, node in node_of_signature.items():
        for key in band_keys(minhash):
            buckets[key].append(node)
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.get(node, node) != node:
            node = parent[node]
        return node

    checked: set[tuple[str, str]] = set()
    for nodes in buckets.values():
        nodes.sort()
        for i, first in enumerate(nodes):
            for second in nodes[i + 1 :]:
                if (first, second) in checked:
                    continue
                checked.add((first, second))
                if is_duplicate(signatures[first], signatures[second]):  # type: ignore[arg-type]
                    a, b = root(first), root(second)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for article_id, published, minhash in rows:
        node = node_of_signature.get(minhash) if band_keys(minhash) else None  # type: ignore[arg-type]
        members[root(node) if node else article_id].append((article_id, published))
    stories: dict[str, dict[str, Any]] = {}
    for group in members.values():
        first = min(group, key=lambda item: canonical_order(item[1], item[0]))[0]
        for article_id, _ in group:
            duplicate = article_id != first
            stories[article_id] = {
                "story_id": first,
                "duplicate_of": first if duplicate else None,
                "similarity": similarity(signatures[article_id], signatures[first]) if duplicate else None,  # type: ignore[arg-type]
            }
    return stories


# --- events ------------------------------------------------------------------------------


def entity_key(entity: dict[str, Any]) -> str:
    """A corpus entity's identity, as the store keys it: its KB id, else type and normalised name."""
    if entity.get("kb"):
        return f"kb:{entity['kb']}"
    return f"{entity['type']}:{normalized_name(entity['name'])}"


def event_day(date: str | None, published: str | None) -> str | None:
    """The day a report dates its event to: its own full date, else the article's publication day."""
    for value in (date, published):
        if value and len(value) == 10:
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                continue
    return None


def merge_key(event: dict[str, Any], entity_keys: dict[str, str]) -> str | None:
    """What two reports of one event share; None when the report names no participant nor place."""
    actors = sorted({entity_keys[a] for a in event["actors"] if a in entity_keys})
    recipients = sorted({entity_keys[r] for r in event["recipients"] if r in entity_keys})
    location = entity_keys.get(event["location"] or "")
    if not (actors or recipients or location):
        return None
    negated = str(int(bool(event["negated"])))
    return "|".join((event["type"], negated, ",".join(actors), ",".join(recipients), location or ""))


def corpus_event_id(*parts: str | None) -> str:
    """A corpus event's id: a hash of what defines it (Spark computes the same with sha1/concat_ws)."""
    text = "|".join(part for part in parts if part is not None)
    return "C" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def single_event_id(article_id: str, event_id: str) -> str:
    return corpus_event_id("article:" + article_id, event_id)


def assign_corpus_events(events: list[dict[str, Any]]) -> None:
    """Sets `corpus_event_id` on every event row (rows need merge_key, day, article_id, event_id)."""
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        if event["merge_key"] is None:
            event["corpus_event_id"] = single_event_id(event["article_id"], event["event_id"])
        else:
            by_key[event["merge_key"]].append(event)
    for key, reports in by_key.items():
        dated = sorted(
            (e for e in reports if e["day"]), key=lambda e: (e["day"], e["article_id"], e["event_id"])
        )
        first_day = previous = None
        for event in dated:
            day = dt.date.fromisoformat(event["day"])
            if previous is None or (day - previous).days > EVENT_WINDOW_DAYS:
                first_day = event["day"]
            previous = day
            event["corpus_event_id"] = corpus_event_id(key, first_day)
        for event in reports:
            if not event["day"]:
                event["corpus_event_id"] = corpus_event_id(key, None)


def corpus_event_rows(events: list[dict[str, Any]], story_of: dict[str, str]) -> list[dict[str, Any]]:
    """One row per corpus event from its reports (events rows with corpus_event_id set)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        groups[event["corpus_event_id"]].append(event)
    rows = []
    for event_id, reports in groups.items():
        first = min(reports, key=lambda e: (e["article_id"], e["event_id"]))
        days = sorted(e["day"] for e in reports if e["day"])
        sources = {
            e["source"] if e["source"] is not None else "story:" + story_of[e["article_id"]] for e in reports
        }
        rows.append({
            "corpus_event_id": event_id,
            "event_type": first["event_type"],
            "negated": first["negated"],
            "date_first": days[0] if days else None,
            "date_last": days[-1] if days else None,
            "actors": sorted({name for e in reports for name in e["actors"]}),
            "recipients": sorted({name for e in reports for name in e["recipients"]}),
            **{name: first[name] for name in ("location", "country", "admin1", "lat", "lon")},
            "n_reports": len(reports),
            "n_articles": len({e["article_id"] for e in reports}),
            "n_sources": len(sources),
            "article_ids": sorted({e["article_id"] for e in reports}),
        })  # fmt: skip
    return rows
