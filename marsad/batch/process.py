"""What both engines do to records: parse, identify, analyse, and turn into table rows.

The engines differ only in how records reach these functions (one process, or Spark's
partitions) and in how the dataset-wide steps run; everything an article goes through
on its own is here, once, so the two engines cannot drift apart.

1. `parse_record`: a JSON Lines line or a Parquet row becomes an `Article` and its
   identity (`marsad.corpus.article_key`: its id or URL when given, else a hash of its
   normalised text), or a reject with its code and reason.
2. `first_of_each_key`: records with the same identity are one article; the first in
   (file, line) order is kept and the others are rejected as repeats, so re-running on
   an input that holds an article twice gives what the corpus store would hold.
3. `analyse_partition`: the pipeline over the articles of one partition, through
   `marsad.service.analyze_many` with the process's single pipeline (loaded once per
   process by `marsad.resources`), yielding each article's rows of every table, a failed
   article yielding a reject instead of stopping the partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from marsad import resources
from marsad.batch.io import Payload, Record
from marsad.batch.tables import reject_row, rows_of_document
from marsad.corpus import article_key
from marsad.corpus.ingest import record_from_document
from marsad.errors import MarsadError
from marsad.service import analyze_many
from marsad.sources.article import Article
from marsad.sources.jsonl import FieldMap, article_from_json_line
from marsad.sources.readers import article_from_record

REJECTS = "rejects"
ARTICLE = "article"
# What a record comes to: (ARTICLE, rows of every per-article table) or (REJECTS, {"rejects": [row]}).
Outcome = tuple[str, dict[str, list[dict[str, Any]]]]
# A parsed record: (key, file, line, article) for an article, (None, file, line, error) for a reject.
Parsed = tuple[str | None, str, int | None, Article | MarsadError]


def parse_record(record: Record, fields: FieldMap) -> Parsed:
    """Reads one record into an article and its identity key, or the error that rejects it."""
    file, line, payload = record
    if isinstance(payload, MarsadError):
        return (None, file, line, payload)
    try:
        article = _article_of(payload, fields)
        return (article_key(article), file, line, article)
    except MarsadError as error:
        return (None, file, line, error)


def _article_of(payload: Payload, fields: FieldMap) -> Article:
    if isinstance(payload, bytes):
        return article_from_json_line(payload, fields)
    record = fields.apply(payload)
    if isinstance(record, dict) and not isinstance(record.get("published"), str | None):
        record = {**record, "published": None}  # a number is not a day; better none than a wrong one
    article = article_from_record(record)
    if not article.text.strip() and not (article.title or "").strip():
        raise MarsadError("E110")
    return article


def reject_of(parsed: Parsed) -> dict[str, Any]:
    _, file, line, error = parsed
    assert isinstance(error, MarsadError)
    return reject_row(file, line, error.code, error.message)


def rejected(parsed: Parsed) -> Outcome:
    return (REJECTS, {REJECTS: [reject_of(parsed)]})


def first_of_each_key(parsed: Iterable[Parsed]) -> tuple[Parsed, list[Parsed]]:
    """The record kept for one key (the first by file and line) and the repeats, as rejects."""
    ordered = sorted(parsed, key=lambda item: (item[1], item[2] if item[2] is not None else -1))
    first = ordered[0]
    repeats = [
        (None, file, line, MarsadError("E805", file=first[1], line=first[2]))
        for _, file, line, _ in ordered[1:]
    ]  # fmt: skip
    return first, repeats


def analyse_partition(parsed: Iterable[Parsed], *, require_arabic: bool = True) -> Iterator[Outcome]:
    """Analyses the kept articles of one partition; yields one `Outcome` per article.

    An article the pipeline refuses (not Arabic, ...) becomes a reject. A stage's bug on
    one article stops `analyze_many`, so that article is rejected (E607, as in ingest)
    and the batch entry is called again on the rest.
    """
    pending = iter(parsed)
    current: list[Parsed] = []

    def articles() -> Iterator[Article]:
        for item in pending:
            current[:] = [item]
            yield item[3]  # type: ignore[misc]

    pipeline = ",".join(resources.pipeline().names)
    while True:
        try:
            for outcome in analyze_many(articles(), require_arabic=require_arabic, return_errors=True):
                key, file, line, article = current[0]
                if isinstance(outcome, MarsadError):
                    yield (REJECTS, {REJECTS: [reject_of((None, file, line, outcome))]})
                    continue
                assert isinstance(article, Article) and key is not None
                record = record_from_document(outcome, article, key, pipeline)
                yield (ARTICLE, rows_of_document(
                    record.document, article_id=key, external_id=article.id, url=article.url,
                    source=article.source, file=file, line=line, title_terms=record.title_terms,
                    body_terms=record.body_terms, minhash=record.minhash, pipeline=pipeline,
                ))  # fmt: skip
            return
        except Exception as error:
            failed = MarsadError("E607", detail=f"{type(error).__name__}: {error}")
            yield rejected((None, current[0][1], current[0][2], failed))


def analyse_groups(
    groups: Iterable[tuple[str, Iterable[Parsed]]], *, require_arabic: bool = True
) -> Iterator[Outcome]:
    """Analyses one partition of records grouped by key: the first of each key is analysed,
    the repeats are rejected (see `first_of_each_key`)."""
    repeats: list[Parsed] = []

    def kept() -> Iterator[Parsed]:
        for _, records in groups:
            first, more = first_of_each_key(records)
            repeats.extend(more)
            yield first

    yield from analyse_partition(kept(), require_arabic=require_arabic)
    for repeat in repeats:
        yield rejected(repeat)
