"""Ingest: read articles, analyse them on every core, store each one whole, exactly once.

The main process reads the inputs, drops records it has already stored (by identity key,
see `article_key`) and hands batches to worker processes, each of which loads the
pipeline once and calls `analyze_many`, the one batch entry. Workers also compute the
search terms and MinHash signature, the CPU-heavy parts of storing. The main process
alone writes: one transaction per batch, inside which each article is placed in its
story (near-duplicate detection) and its events merged into corpus events. So a run
killed at any moment leaves whole articles only, and the next run skips them.

Records that cannot be read or analysed are rejected, never dropped: each goes to the
rejects file (JSON Lines: file, line, code, reason) and into the summary.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from marsad import resources
from marsad.corpus.dedup import DuplicateIndex, signature
from marsad.corpus.search import terms_of_tokens
from marsad.corpus.store import ArticleRecord, Store, article_key
from marsad.errors import MarsadError
from marsad.sources.article import Article
from marsad.sources.inputs import count_records, iter_records
from marsad.sources.jsonl import FieldMap, SourceRecord

BATCH_SIZE = 16
# Batches queued per worker: enough to keep workers busy while the main process writes.
QUEUED_PER_WORKER = 3
DEFAULT_REJECTS = "marsad-rejects.jsonl"
PARENT_CHECK_SECONDS = 0.5
# A worker is replaced after this many batches (4,000 articles), so that what the stages
# cache per word or name cannot grow without bound over a long run; reloading costs seconds.
BATCHES_PER_WORKER = 250


@dataclass(slots=True)
class IngestOptions:
    workers: int = 0  # 0: one per core
    fields: FieldMap = field(default_factory=FieldMap)
    require_arabic: bool = True
    rejects_path: Path | None = Path(DEFAULT_REJECTS)
    batch_size: int = BATCH_SIZE
    progress: bool = False


@dataclass(slots=True)
class Reject:
    file: str
    line: int | None
    code: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "code": self.code, "reason": self.reason}


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    rejected: int = 0
    near_duplicates: int = 0
    event_reports: int = 0
    seconds: float = 0.0
    rejects_path: Path | None = None
    reasons: Counter[str] = field(default_factory=Counter)
    first_rejects: list[Reject] = field(default_factory=list)

    @property
    def analysed_per_second(self) -> float:
        return (self.stored + self.rejected) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "rejected": self.rejected,
            "near_duplicates": self.near_duplicates,
            "event_reports": self.event_reports,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.analysed_per_second, 2),
            "rejects_file": str(self.rejects_path) if self.rejects_path and self.rejected else None,
            "reasons": dict(self.reasons),
        }


@dataclass(slots=True)
class _Analysed:
    origin: str
    line: int | None
    record: ArticleRecord | None = None
    error: MarsadError | None = None


class _Rejects:
    """The rejects file, opened on the first reject and written line by line."""

    def __init__(self, path: Path | None, summary: IngestSummary):
        self.path = path
        self.summary = summary
        self._file: IO[str] | None = None

    def add(self, file: str, line: int | None, error: MarsadError) -> None:
        reject = Reject(file, line, error.code, error.message)
        self.summary.rejected += 1
        self.summary.reasons[f"{error.code} {MarsadError(error.code, **_blank(error.code)).message}"] += 1
        if len(self.summary.first_rejects) < 10:
            self.summary.first_rejects.append(reject)
        if self.path is None:
            return
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (closed in close())
            self.summary.rejects_path = self.path
        self._file.write(json.dumps(reject.to_dict(), ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def _blank(code: str) -> dict[str, str]:
    """Placeholder details, to group rejects by the generic wording of their code."""
    from string import Formatter

    from marsad.errors import MESSAGES

    names = {name.split("!")[0] for _, name, _, _ in Formatter().parse(MESSAGES[code]) if name}
    return dict.fromkeys(names, "…")


# --- worker side ----------------------------------------------------------------------------
_require_arabic = True


def _init_worker(require_arabic: bool, parent_pid: int | None = None) -> None:
    """Loads the pipeline once per worker process, before the first batch arrives."""
    global _require_arabic
    _require_arabic = require_arabic
    if parent_pid is not None:
        threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    resources.pipeline()


def _exit_with_parent(parent_pid: int) -> None:
    """Ends this worker when the ingest process is gone (killed with -9, it cannot say so)."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def analyse_batch(batch: list[tuple[SourceRecord, str]]) -> list[_Analysed]:
    """Analyses `(record, key)` items; one failing article never sinks the rest."""
    from marsad.service import analyze_many

    outcomes: list[Any] = []
    articles = [record.article for record, _ in batch if record.article is not None]
    while len(outcomes) < len(articles):
        start = len(outcomes)
        try:
            for outcome in analyze_many(articles[start:], require_arabic=_require_arabic, return_errors=True):
                outcomes.append(outcome)
        except Exception as error:  # a stage's bug: blame the article it happened on, go on
            outcomes.append(MarsadError("E607", detail=f"{type(error).__name__}: {error}"))
    pipeline = ",".join(resources.pipeline().names)
    results = []
    for (source, key), outcome in zip(batch, outcomes, strict=True):
        if isinstance(outcome, MarsadError):
            results.append(_Analysed(source.origin, source.line, error=outcome))
        else:
            assert source.article is not None
            record = record_from_document(outcome, source.article, key, pipeline)
            record.origin = source.location
            results.append(_Analysed(source.origin, source.line, record=record))
    return results


def record_from_document(doc: Any, article: Article, key: str, pipeline: str) -> ArticleRecord:
    """What the store needs of an analysed article: its contract, search terms and signature."""
    from marsad.text import tokenize

    tokens = doc.tokens or tokenize(doc.text)
    headline_end = doc.headline_end
    title_terms = " ".join(terms_of_tokens([t for t in tokens if t.end <= headline_end]))
    body_terms = " ".join(terms_of_tokens([t for t in tokens if t.start >= headline_end]))
    return ArticleRecord(
        key=key,
        document=doc.to_dict(),
        title_terms=title_terms,
        body_terms=body_terms,
        minhash=signature(f"{title_terms} {body_terms}"),
        pipeline=pipeline,
        external_id=article.id,
        url=article.url,
        source=article.source,
    )


# --- main process -----------------------------------------------------------------------------
def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: IngestOptions | None = None,
    on_written: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingests every record under `paths` into `store`; see the module docstring.

    on_written: called after each committed batch (progress displays, tests).
    """
    options = options or IngestOptions()
    paths = list(paths)
    summary = IngestSummary(rejects_path=None)
    rejects = _Rejects(options.rejects_path, summary)
    started = time.monotonic()
    duplicates = DuplicateIndex.from_signatures(store.signatures())
    bar = _progress_bar(paths, options.progress)
    in_flight: set[str] = set()

    def batches() -> Iterator[list[tuple[SourceRecord, str]]]:
        batch: list[tuple[SourceRecord, str]] = []
        for record in iter_records(paths, options.fields):
            summary.read += 1
            if record.error is not None or record.article is None:
                _reject_record(rejects, record)
                bar.update(1)
                continue
            key = article_key(record.article)
            if key in in_flight or store.known_keys([key]):
                summary.already_stored += 1
                bar.update(1)
                continue
            in_flight.add(key)
            batch.append((record, key))
            if len(batch) >= options.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def write(results: list[_Analysed]) -> None:
        with store.transaction():
            for result in results:
                record = result.record
                if record is None:
                    rejects.add(result.origin, result.line, result.error or MarsadError("E613"))
                    continue
                match = duplicates.best_match(record.minhash) if record.minhash else None
                article_id = store.add_article(record, match)
                if article_id is None:
                    summary.already_stored += 1
                    continue
                summary.stored += 1
                summary.near_duplicates += match is not None
                summary.event_reports += len(record.document.get("events", []))
                if record.minhash:
                    duplicates.add(article_id, record.minhash)
        for result in results:
            if result.record is not None:
                in_flight.discard(result.record.key)
        bar.update(len(results))
        bar.set_postfix(stored=summary.stored, rejected=summary.rejected, refresh=False)
        if on_written:
            on_written(summary)

    workers = options.workers or os.cpu_count() or 1
    try:
        if workers <= 1:
            _init_worker(options.require_arabic)
            for batch in batches():
                write(analyse_batch(batch))
        else:
            context = multiprocessing.get_context("spawn")
            with context.Pool(
                workers,
                initializer=_init_worker,
                initargs=(options.require_arabic, os.getpid()),
                maxtasksperchild=BATCHES_PER_WORKER,
            ) as pool:
                pending: deque[Any] = deque()
                for batch in batches():
                    pending.append(pool.apply_async(analyse_batch, (batch,)))
                    while len(pending) >= workers * QUEUED_PER_WORKER or (pending and pending[0].ready()):
                        write(pending.popleft().get())
                while pending:
                    write(pending.popleft().get())
    finally:
        bar.close()
        rejects.close()
        summary.seconds = time.monotonic() - started
    return summary


def _reject_record(rejects: _Rejects, record: SourceRecord) -> None:
    error = record.error or MarsadError("E613")
    rejects.add(record.origin, record.line, error)


class _NoBar:
    def update(self, _n: int) -> None:
        pass

    def set_postfix(self, **_kwargs: Any) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(paths: list[str | Path], enabled: bool) -> Any:
    """A tqdm bar on standard error: articles done, articles/s and time left."""
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(
        total=count_records(paths),
        unit=" articles",
        unit_scale=False,
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.05,
        desc="ingest",
    )
