"""Every model, lexicon and table Marsad loads, loaded lazily and once per process.

Ingest workers, the HTTP server and Spark executors all reach their resources through
these functions, so each process pays for loading once, on first use, and never at
import. `clear()` drops them (tests use it; nothing else should need to).
"""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.entities.rules import Lexicons as EntityLexicons
    from marsad.entities.tagger import NerTagger
    from marsad.events.stage import EventCoder
    from marsad.linking.latin import Peoples
    from marsad.linking.registry import Registry
    from marsad.linking.stage import Linker
    from marsad.pipeline import Pipeline
    from marsad.temporal.lexicon import Lexicon
    from marsad.temporal.stage import TemporalExtractor
    from marsad.text.clitics import CliticAnalyzer
    from marsad.text.normalize import Normalizer
    from marsad.text.tokenize import Tokenizer
    from marsad.topics.stage import TopicModel
    from marsad.topics.summary_stage import Digester


def data_file(stage: str, name: str) -> Path:
    """The path of a data file shipped in `marsad/<stage>/data/`."""
    return Path(str(importlib_resources.files("marsad") / stage / "data" / name))


@functools.cache
def normalizer() -> Normalizer:
    from marsad.text.normalize import Normalizer

    return Normalizer.from_file(data_file("text", "normalization.tsv"))


@functools.cache
def word_frequencies() -> dict[str, int]:
    from marsad.text.clitics import read_word_frequencies

    return read_word_frequencies(data_file("text", "wordfreq.tsv.gz"))


@functools.cache
def clitic_analyzer() -> CliticAnalyzer:
    from marsad.text.clitics import CliticAnalyzer, CliticInventory

    inventory = CliticInventory.from_file(data_file("text", "clitics.tsv"))
    return CliticAnalyzer(inventory, word_frequencies())


@functools.cache
def tokenizer() -> Tokenizer:
    from marsad.text.tokenize import Tokenizer

    return Tokenizer()


@functools.cache
def entity_lexicons() -> EntityLexicons:
    from marsad.entities.rules import Lexicons as EntityLexicons

    return EntityLexicons.load(data_file("entities", ""))


@functools.cache
def registry() -> Registry:
    from marsad.linking.registry import Registry

    return Registry(data_file("linking", "registry.sqlite3"))


@functools.cache
def peoples() -> Peoples:
    from marsad.linking.latin import Peoples

    return Peoples.from_file(data_file("linking", "peoples.tsv"))


@functools.cache
def linker() -> Linker:
    from marsad.linking.geocode import KindCues
    from marsad.linking.stage import Linker

    return Linker(registry(), KindCues.from_file(data_file("linking", "kind_cues.tsv")), peoples())


@functools.cache
def ner_tagger() -> NerTagger:
    from threadpoolctl import threadpool_limits

    from marsad.entities.features import load_lexicons
    from marsad.entities.tagger import NerTagger

    # The network's products are small (an article's sentences, 128 units): BLAS threads
    # only add hand-offs, and with one process per core (ingest workers, Spark executors,
    # server workers) they oversubscribe the cores: measured, 16 against 41 articles/s
    # ingested on 2 cores. Marsad runs in parallel by processes, so BLAS gets one thread.
    threadpool_limits(limits=1, user_api="blas")
    return NerTagger(
        data_file("entities", "ner-crf.npz"),
        load_lexicons(data_file("entities", "")),
        network_path=data_file("entities", "ner-network.npz"),
    )


@functools.cache
def event_coder() -> EventCoder:
    from marsad.events.stage import EventCoder

    return EventCoder.load()


@functools.cache
def temporal_lexicon() -> Lexicon:
    from marsad.temporal.lexicon import Lexicon

    return Lexicon.from_directory(data_file("temporal", ""))


@functools.cache
def temporal_extractor() -> TemporalExtractor:
    from marsad.temporal.stage import TemporalExtractor

    return TemporalExtractor(temporal_lexicon())


@functools.cache
def digester() -> Digester:
    from marsad.topics.summary_stage import Digester

    return Digester.load()


@functools.cache
def topic_model() -> TopicModel:
    from marsad.topics.stage import TopicModel

    return TopicModel.load()


@functools.cache
def pipeline() -> Pipeline:
    from marsad.pipeline import Pipeline

    return Pipeline.default()


_LOADERS = (
    registry,
    peoples,
    linker,
    entity_lexicons,
    normalizer,
    word_frequencies,
    clitic_analyzer,
    tokenizer,
    pipeline,
    temporal_lexicon,
    temporal_extractor,
    ner_tagger,
    event_coder,
    digester,
    topic_model,
)


def clear() -> None:
    """Forgets everything loaded so far."""
    for loader in _LOADERS:
        loader.cache_clear()
