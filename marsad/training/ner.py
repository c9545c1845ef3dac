"""Trains the NER tagger Marsad ships (`marsad train ner`).

Data (`../shared/data/ner`, see SOURCES.md there):
- ANERcorp train (news; PERS, ORG, LOC, MISC) is the backbone: Marsad reads news, and
  ANERcorp's mention conventions are the ones the ANERcorp-set target measures.
- NewsFANE re-annotates ANERcorp's text with 50 fine classes, but in a clitic-segmented
  tokenisation (`و قال`, `ان ه`). Its sentences are matched to ANERcorp's by their
  letters (exactly, or fuzzily nearby) and aligned letter by letter; its GPE / LOC / FAC
  split then types ANERcorp's LOC mentions, and its peoples (Group: العرب), which
  ANERcorp leaves O, become NORP. PERSON, ORG and MISC stay ANERcorp's.
- LOC mentions without a FANE counterpart (the rest of ANERcorp, AQMAR) are typed by
  what FANE calls the same name elsewhere, then by the place gazetteer, else GPE (most
  place names in news are countries, cities and provinces).
- WikiFANE (Wikipedia, fine classes) and AQMAR (Wikipedia; PER, ORG, LOC, MIS) add
  breadth. Their conventions differ from ANERcorp's (WikiFANE leaves currencies and
  religions O), so their tokens also carry corpus-marked copies of their word features
  (`domain_features`), which take those differences and never fire at run time.
  FANE's tokens are re-glued into whitespace words (`و تعتبر` -> `وتعتبر`) so that they
  look like the text Marsad reads; fine classes map to Marsad types with
  `data/fane-to-marsad.tsv`.
- Development set: every tenth block of 40 consecutive ANERcorp sentences, and the same
  sentences of NewsFANE, held out when asked (`marsad train ner --dev-out DIR`); their
  files are written for `marsad eval ner`. The shipped model is trained on every block:
  a tenth more news lifted every score on the blind blocks (docs/ner.md).

Every sentence is tokenised by Marsad itself (`conll.align_to_marsad`), and features come
from `marsad.entities.features`, exactly as at run time. Word clusters come from the
unlabelled ANT news corpus (word2vec, then k-means), the lexicon from the gazetteers,
the PETRARCH actor dictionary and the given names and surnames of `arabic-name-romanizer`.
Two models are trained on the same sentences: a linear-chain CRF (CRFsuite, L-BFGS,
elastic net; its weights exported for numpy, `export_crf`) and a BiLSTM-CRF network
(PyTorch, `train_network`; its encoder first pretrained as a language model on the ANT
news; data in `ner_neural`, the network in `ner_network`); the tagger averages their
marginals. Everything is seeded and single-threaded, so the same data
gives the same files.
"""

from __future__ import annotations

import difflib
import gzip
import importlib.util
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path

from marsad import resources
from marsad.document import Token
from marsad.entities.features import FeatureExtractor, Lexicons, phrase_key, read_triggers
from marsad.errors import MarsadError
from marsad.linking.registry import ARAB_LEAGUE
from marsad.training import ANT_TRAIN, ant_articles, write_npz
from marsad.training.conll import (
    ATTACHED_ENCLITICS,
    PROCLITICS,
    ConllSentence,
    EntitySpan,
    align_to_marsad,
    iob_spans,
    is_arabic_word,
    project_tags,
    read_conll,
    spans_to_iob,
    write_conll,
)

SEED = 13
DEV_BLOCK = 40
DEV_EVERY = 10
DEV_OFFSET = 3
CLUSTER_SIZES = (64, 512)
CLUSTER_VOCABULARY = 120_000
WORD2VEC_DIM = 100
WORD2VEC_EPOCHS = 5
MIN_CITY_POPULATION = 50_000
MIN_NAME_COUNT = 2
ANERCORP_TYPES = {"PERS": "PERSON", "ORG": "ORG", "MISC": "MISC", "LOC": "LOC?"}
AQMAR_TYPES = {"PER": "PERSON", "ORG": "ORG", "MIS": "MISC", "LOC": "LOC?"}
PLACE_TYPES = ("GPE", "LOC", "FAC")
# News is what Marsad reads and ANERcorp is its only news corpus: its sentences count three
# times against Wikipedia's. Measured on the development set (docs/ner.md): the unweighted
# mix and this one score alike (ANERcorp labels 0.756 / 0.755, NewsFANE coarse 0.730 /
# 0.727); ANERcorp alone scores 0.780 / 0.718 but loses Wikipedia's breadth of names.
NEWS_WEIGHT = 3
# Corpora whose conventions the tagger follows; the others train with corpus-specific
# copies of their word features (`domain_features`): WikiFANE leaves currencies and
# religions O where ANERcorp says MISC, and those copies take that difference instead of
# the shared weights. Dev F1 (tagger only): ANERcorp labels 0.755 -> 0.793, NewsFANE
# coarse 0.727 -> 0.738.
NEWS_CORPORA = frozenset({"anercorp"})
# A stronger L2 penalty than the usual 0.01 keeps the CRF from leaning on the words of its
# training stories: with the network fixed, +0.3 to +1.0 points on ANERcorp's labels on
# every held-out set, most on whole unseen articles (docs/ner.md, session 15).
CRF_PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}

NER_DIR = Path("ner")
TABLES = ("ner-lexicon.tsv.gz", "ner-clusters.tsv.gz")  # what --reuse-tables keeps

Log = Callable[[str], None]


@dataclass(slots=True)
class TrainingSet:
    """Sentences for the CRF, already as Marsad tokens with one label per token."""

    tokens: list[list[Token]]
    labels: list[list[str]]
    sources: Counter[str]
    origins: list[str] = field(default_factory=list)  # the corpus of each sentence
    indices: list[int] = field(default_factory=list)  # its index in that corpus

    def add(self, sentence: ConllSentence, source: str, index: int, weight: int = 1) -> None:
        """Adds a sentence `weight` times (the CRF weighs every sentence alike)."""
        tokens, owners = align_to_marsad(sentence)
        if not tokens:
            return
        labels = project_tags(sentence, tokens, owners)
        for _ in range(weight):
            self.tokens.append(tokens)
            self.labels.append(labels)
            self.origins.append(source)
            self.indices.append(index)
        self.sources[source] += 1


# ---------------------------------------------------------------- label sets


def read_type_map(path: Path) -> dict[str, str]:
    """Reads `CLASS<TAB>TYPE` lines (comments with #); TYPE `O` means not a mention."""
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fine, coarse, *_ = line.split("\t")
            mapping[fine.strip()] = coarse.strip()
    return mapping


def fane_type_map() -> dict[str, str]:
    return read_type_map(
        Path(str(importlib_resources.files("marsad.training") / "data" / "fane-to-marsad.tsv"))
    )


def retype(sentence: ConllSentence, mapping: dict[str, str]) -> ConllSentence:
    """Renames mention types; a type mapped to O (or missing) stops being a mention."""
    spans = [
        EntitySpan(s.start, s.end, mapping[s.type])
        for s in iob_spans(sentence.tags)
        if mapping.get(s.type, "O") != "O"
    ]
    return ConllSentence(sentence.tokens, tuple(spans_to_iob(spans, len(sentence.tokens))))


# ---------------------------------------------------------------- FANE tokens


def glue_clitics(sentence: ConllSentence) -> ConllSentence:
    """Re-attaches FANE's separated clitics to their words: `و تعتبر` -> `وتعتبر`.

    A lone proclitic letter joins the next word and takes its tag; an enclitic pronoun
    joins the word before it and leaves its tag alone (ل + ال is written لل); `كما`,
    which FANE writes alone as the word 'as', is not the dual pronoun.
    """
    tokens: list[str] = []
    tags: list[str] = []
    pending, pending_tag = "", ""
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        if token in PROCLITICS:
            pending += token
            pending_tag = pending_tag or tag
            continue
        if token in ATTACHED_ENCLITICS and tokens and not pending and is_arabic_word(tokens[-1]):
            # A ta marbuta is written open before a pronoun: عاصمة + ها = عاصمتها.
            tokens[-1] = tokens[-1][:-1] + "ت" + token if tokens[-1].endswith("ة") else tokens[-1] + token
            continue
        if pending:
            if pending.endswith("ل") and token.startswith("ال"):
                token = pending + token[1:]
            else:
                token = pending + token
            if pending_tag.startswith("I-") and tag.startswith("B-") and pending_tag[2:] == tag[2:]:
                tag = pending_tag
            pending, pending_tag = "", ""
        tokens.append(token)
        tags.append(tag)
    if pending:
        tokens.append(pending)
        tags.append(pending_tag)
    return ConllSentence(tuple(tokens), tuple(tags))


# ---------------------------------------------------------------- ANERcorp <-> NewsFANE


def _letters(tokens: Sequence[str]) -> tuple[str, list[int]]:
    """The sentence's normalised letters and digits, and the token each comes from."""
    word = resources.normalizer().word
    letters: list[str] = []
    owners: list[int] = []
    for index, token in enumerate(tokens):
        for char in word(token):
            if char.isalnum():
                letters.append(char)
                owners.append(index)
    return "".join(letters), owners


@dataclass(frozen=True, slots=True)
class Alignment:
    """A NewsFANE sentence matched to an ANERcorp one, letter by letter."""

    anercorp: int
    fane: int
    fane_to_anercorp: dict[int, int]  # FANE letter index -> ANERcorp letter index


def align_news(anercorp: Sequence[ConllSentence], fane: Sequence[ConllSentence]) -> dict[int, Alignment]:
    """Matches NewsFANE sentences to ANERcorp sentences (same text, other tokenisation).

    Exact matches of the letter strings come first; the rest are matched to an unmatched
    ANERcorp sentence near where their neighbours matched, if their letters agree at
    least 90%. RETURNS (dict): ANERcorp sentence index -> alignment.
    """
    a_letters = [_letters(s.tokens) for s in anercorp]
    f_letters = [_letters(s.tokens) for s in fane]
    by_key: dict[str, list[int]] = {}
    for index, (key, _) in enumerate(a_letters):
        by_key.setdefault(key, []).append(index)
    fane_to_a: dict[int, int] = {}
    taken: set[int] = set()
    for index, (key, _) in enumerate(f_letters):
        for candidate in by_key.get(key, ()):
            if candidate not in taken:
                fane_to_a[index] = candidate
                taken.add(candidate)
                break
    anchors = sorted(fane_to_a.items())
    for index, (key, _) in enumerate(f_letters):
        if index in fane_to_a or not key:
            continue
        before = [a for f, a in anchors if f < index][-1:] or [0]
        centre = before[0] + (index - max((f for f, _ in anchors if f < index), default=0))
        best, best_ratio = -1, 0.9
        for candidate in range(max(0, centre - 30), min(len(anercorp), centre + 30)):
            if candidate in taken:
                continue
            matcher = difflib.SequenceMatcher(None, key, a_letters[candidate][0], autojunk=False)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
        if best >= 0:
            fane_to_a[index] = best
            taken.add(best)
    alignments: dict[int, Alignment] = {}
    for f_index, a_index in fane_to_a.items():
        matcher = difflib.SequenceMatcher(None, f_letters[f_index][0], a_letters[a_index][0], autojunk=False)
        mapping = {
            block.a + k: block.b + k for block in matcher.get_matching_blocks() for k in range(block.size)
        }
        alignments[a_index] = Alignment(a_index, f_index, mapping)
    return alignments


def transfer_spans(alignment: Alignment, anercorp: ConllSentence, fane: ConllSentence) -> list[EntitySpan]:
    """NewsFANE's mentions (fine classes) carried onto ANERcorp's tokens."""
    _, a_owner = _letters(anercorp.tokens)
    _, f_owner = _letters(fane.tokens)
    spans: list[EntitySpan] = []
    for span in iob_spans(fane.tags):
        letters = [i for i, owner in enumerate(f_owner) if span.start <= owner < span.end]
        targets = [a_owner[alignment.fane_to_anercorp[i]] for i in letters if i in alignment.fane_to_anercorp]
        if targets:
            spans.append(EntitySpan(min(targets), max(targets) + 1, span.type))
    return spans


def fane_view(anercorp: ConllSentence, alignment: Alignment, fane: ConllSentence) -> ConllSentence:
    """A held-out ANERcorp sentence with its NewsFANE twin's fine labels on its tokens."""
    spans = transfer_spans(alignment, anercorp, fane)
    return ConllSentence(anercorp.tokens, tuple(spans_to_iob(spans, len(anercorp.tokens))))


# ---------------------------------------------------------------- place types


class PlaceTyper:
    """Decides GPE, LOC or FAC for a place mention that its corpus only calls LOC."""

    def __init__(self, fane_votes: dict[tuple[str, ...], Counter[str]], gazetteer: set[tuple[str, ...]]):
        self.fane_votes = fane_votes
        self.gazetteer = gazetteer
        self.decided: Counter[str] = Counter()

    def __call__(self, words: Sequence[str]) -> str:
        key = phrase_key(" ".join(words))
        votes = self.fane_votes.get(key)
        if votes:
            kind, how = votes.most_common(1)[0][0], "fane"
        elif key in self.gazetteer:
            kind, how = "GPE", "gazetteer"
        else:
            kind, how = "GPE", "default"
        self.decided[how] += 1
        return kind


def fane_place_votes(sentences: Iterable[ConllSentence]) -> dict[tuple[str, ...], Counter[str]]:
    """How often FANE (already in Marsad types) calls each place name GPE, LOC or FAC."""
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for sentence in sentences:
        for span in iob_spans(sentence.tags):
            if span.type in PLACE_TYPES:
                key = phrase_key(" ".join(sentence.tokens[span.start : span.end]))
                votes.setdefault(key, Counter())[span.type] += 1
    return votes


def type_places(
    sentence: ConllSentence, typer: PlaceTyper, hints: Sequence[EntitySpan] = ()
) -> ConllSentence:
    """Replaces `LOC?` mentions by GPE/LOC/FAC: from aligned FANE spans, else `typer`."""
    spans: list[EntitySpan] = []
    for span in iob_spans(sentence.tags):
        kind = span.type
        if kind == "LOC?":
            overlapping = Counter(
                h.type for h in hints if h.type in PLACE_TYPES and h.start < span.end and span.start < h.end
            )
            if overlapping:
                kind = overlapping.most_common(1)[0][0]
                typer.decided["aligned"] += 1
            else:
                kind = typer(sentence.tokens[span.start : span.end])
        spans.append(EntitySpan(span.start, span.end, kind))
    return ConllSentence(sentence.tokens, tuple(spans_to_iob(spans, len(sentence.tokens))))


def add_peoples(sentence: ConllSentence, hints: Sequence[EntitySpan]) -> ConllSentence:
    """Adds the aligned NewsFANE sentence's peoples (NORP: العرب, الأكراد), which ANERcorp
    leaves O, where they overlap none of ANERcorp's own mentions."""
    spans = list(iob_spans(sentence.tags))
    for hint in hints:
        if hint.type == "NORP" and not any(s.start < hint.end and hint.start < s.end for s in spans):
            spans.append(hint)
    spans.sort(key=lambda span: span.start)
    return ConllSentence(sentence.tokens, tuple(spans_to_iob(spans, len(sentence.tokens))))


# ---------------------------------------------------------------- split


def is_dev(index: int) -> bool:
    """Whether ANERcorp sentence `index` is held out (every 10th block of 40 sentences)."""
    return (index // DEV_BLOCK) % DEV_EVERY == DEV_OFFSET


# ---------------------------------------------------------------- lexicons


def place_phrases(data_dir: Path) -> list[tuple[str, str]]:
    """Country, province and city names from the gazetteers, as (class, name)."""
    import csv

    gazetteers = data_dir / "gazetteers"
    rows: list[tuple[str, str]] = []

    def read(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))

    for row in read(gazetteers / "dr5hn" / "countries_ar.tsv"):
        rows.append(("COUNTRY", row["name_ar"]))
    for row in read(gazetteers / "mledoze" / "countries_ar.tsv"):
        rows += [("COUNTRY", row["name_ar_common"]), ("COUNTRY", row["name_ar_official"])]
    for row in read(gazetteers / "dr5hn" / "states_ar.tsv"):
        rows.append(("STATE", row["name_ar"]))
    for row in read(gazetteers / "dr5hn" / "cities_ar.tsv"):
        population = int(row["population"] or 0)
        if (
            row["country_code"] in ARAB_LEAGUE
            or population >= MIN_CITY_POPULATION
            or row["type"] == "capital"
        ):
            rows.append(("CITY", row["name_ar"]))
    return rows


def country_codes(data_dir: Path) -> frozenset[str]:
    """ISO 3166 alpha-3 codes of the gazetteer's countries (CAMEO actor codes start with them)."""
    import csv

    path = data_dir / "gazetteers" / "dr5hn" / "countries_ar.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(
            row["iso3"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        )


def actor_phrases(path: Path, countries: frozenset[str]) -> list[tuple[str, str]]:
    """Names from the PETRARCH actor dictionary: ACTOR_GPE where the code is a bare country
    code (عراق [IRQ]), else ACTOR (people, organisations, sectors)."""
    rows: list[tuple[str, str]] = []
    name, codes = "", []

    def flush() -> None:
        if name:
            first = codes[0] if codes else ""
            kind = "ACTOR_GPE" if first in countries else "ACTOR"
            rows.append((kind, name))

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            if "[" in line:
                codes.append(line.split("[", 1)[1].split()[0].rstrip("]"))
            continue
        flush()
        head, _, rest = line.partition("[")
        name = head.replace("_", " ").strip()
        codes = [rest.split()[0].rstrip("]")] if rest.strip() else []
    flush()
    return rows


def person_name_phrases() -> list[tuple[str, str]]:
    """Given names and surnames from `arabic-name-romanizer`'s name table (Wikidata, CC0)."""
    try:
        table = importlib_resources.files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    except ModuleNotFoundError:
        raise MarsadError("E293", package="arabic-name-romanizer==0.2.0") from None
    with importlib_resources.as_file(table) as path:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute(
                "SELECT arabic_key, role, SUM(count) FROM units WHERE role IN ('given', 'surname') "
                "GROUP BY arabic_key, role HAVING SUM(count) >= ? ORDER BY arabic_key, role",
                (MIN_NAME_COUNT,),
            ).fetchall()
        finally:
            connection.close()
    return [("GIVEN" if role == "given" else "SURNAME", key) for key, role, _ in rows if is_arabic_word(key)]


def build_phrase_table(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(class, stems joined by spaces), deduplicated and sorted; one-letter names dropped."""
    table: set[tuple[str, str]] = set()
    for kind, name in rows:
        key = phrase_key(name)
        if key and len("".join(key)) >= 2 and len(key) <= 6:
            table.add((kind, " ".join(key)))
    return sorted(table)


def _stable_hash(text: str) -> int:
    """A per-process-stable hash for gensim's vector seeding (str hashes are salted)."""
    return zlib.crc32(text.encode("utf-8"))


def news_stem_sentences(corpus: Path) -> list[list[str]]:
    """The ANT news articles as lists of stems (Arabic words only), one list per article."""
    from marsad.text import tokenize

    return [
        [t.stem for t in tokenize(text) if t.kind == "arabic" and t.stem] for text in ant_articles(corpus)
    ]


def train_word_vectors(corpus: Path, log: Log):  # type: ignore[no-untyped-def]
    """Word2vec (CBOW) on stems of unlabelled news: the stems and their unit vectors.

    RETURNS (tuple): the stems, most frequent first, and a float64 array of their vectors.
    """
    import numpy as np
    from gensim.models import Word2Vec

    articles = news_stem_sentences(corpus)
    log(f"word vectors: {len(articles)} articles, {sum(map(len, articles))} words")
    model = Word2Vec(
        sentences=articles, vector_size=WORD2VEC_DIM, window=5, min_count=5, workers=1, seed=SEED,
        epochs=WORD2VEC_EPOCHS, sg=0, hashfxn=_stable_hash, max_final_vocab=CLUSTER_VOCABULARY,
    )  # fmt: skip
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors.astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return words, vectors


def train_clusters(words: Sequence[str], vectors, log: Log) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """K-means of the word vectors at two granularities.

    RETURNS (list): (stem, coarse cluster, fine cluster) for each stem.
    """
    assignments = [kmeans(vectors, size, log) for size in CLUSTER_SIZES]
    rows = [(word, str(assignments[0][i]), str(assignments[1][i])) for i, word in enumerate(words)]
    return sorted(rows)


def kmeans(vectors, size: int, log: Log, iterations: int = 20):  # type: ignore[no-untyped-def]
    """Spherical k-means, seeded; RETURNS (numpy array): the cluster of each row."""
    import numpy as np

    generator = np.random.default_rng(SEED)
    centres = vectors[generator.choice(len(vectors), size=size, replace=False)].copy()
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for iteration in range(iterations):
        assignment = np.argmax(vectors @ centres.T, axis=1)
        for cluster in range(size):
            members = vectors[assignment == cluster]
            if len(members):
                centre = members.sum(axis=0)
                centres[cluster] = centre / (np.linalg.norm(centre) + 1e-9)
        if iteration == iterations - 1:
            log(f"k-means {size}: {iterations} iterations")
    return assignment


def write_tables(data_dir: Path, out_dir: Path, log: Log):  # type: ignore[no-untyped-def]
    """Builds `ner-lexicon.tsv.gz` and `ner-clusters.tsv.gz` in `out_dir`.

    RETURNS (tuple): the word vectors the clusters come from (`train_word_vectors`).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = place_phrases(data_dir)
    actors = data_dir / "event-dictionaries" / "petrarch-arabic" / "actor_dict_ar_v4.txt"
    rows += actor_phrases(actors, country_codes(data_dir))
    rows += person_name_phrases()
    table = build_phrase_table(rows)
    _write_gzip(out_dir / "ner-lexicon.tsv.gz", (f"{kind}\t{phrase}\n" for kind, phrase in table))
    log(f"lexicon: {len(table)} phrases")
    words, vectors = train_word_vectors(data_dir / ANT_TRAIN, log)
    clusters = train_clusters(words, vectors, log)
    _write_gzip(out_dir / "ner-clusters.tsv.gz", (f"{stem}\t{c1}\t{c2}\n" for stem, c1, c2 in clusters))
    log(f"clusters: {len(clusters)} stems")
    return words, vectors


def _write_gzip(path: Path, lines: Iterable[str]) -> None:
    # mtime=0 keeps the bytes identical from one build to the next.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write("".join(lines).encode("utf-8"))


# ---------------------------------------------------------------- corpus assembly


@dataclass(slots=True)
class Corpus:
    """The training set and three views of the development set: ANERcorp's sentences,
    NewsFANE's labels carried onto them, and NewsFANE's own sentences (its tokens, clitics
    split off: what a NewsFANE test file looks like)."""

    train: TrainingSet
    dev_anercorp: list[ConllSentence]
    dev_newsfane: list[ConllSentence]
    dev_newsfane_own: list[ConllSentence]
    place_decisions: Counter[str]


def assemble(data_dir: Path, log: Log, hold_out_dev: bool = True) -> Corpus:
    """Reads, maps, aligns and splits the NER corpora (see the module docstring); without
    `hold_out_dev` the development blocks are trained on too and its views are empty."""
    ner = data_dir / NER_DIR
    fane_map = fane_type_map()
    anercorp = read_conll(ner / "anercorp-camel-train.conll")
    newsfane = read_conll(ner / "newsfane-train.conll")
    wikifane = [glue_clitics(s) for s in read_conll(ner / "wikifane.conll")]
    aqmar = read_conll(ner / "aqmar-train.conll") + read_conll(ner / "aqmar-dev.conll")
    alignments = align_news(anercorp, newsfane)
    log(f"news: {len(anercorp)} ANERcorp sentences, {len(newsfane)} NewsFANE, {len(alignments)} aligned")

    wiki_typed = [retype(s, fane_map) for s in wikifane]
    news_fane_typed = {
        a: retype(ConllSentence(newsfane[al.fane].tokens, newsfane[al.fane].tags), fane_map)
        for a, al in alignments.items()
    }
    votes = fane_place_votes([*wiki_typed, *(glue_clitics(s) for s in news_fane_typed.values())])
    gazetteer = {phrase_key(name) for kind, name in place_phrases(data_dir)}
    typer = PlaceTyper(votes, gazetteer)

    train = TrainingSet([], [], Counter())
    dev_anercorp: list[ConllSentence] = []
    dev_newsfane: list[ConllSentence] = []
    dev_newsfane_own: list[ConllSentence] = []
    dev_letters: set[str] = set()
    for index, sentence in enumerate(anercorp):
        alignment = alignments.get(index)
        if hold_out_dev and is_dev(index):
            dev_anercorp.append(sentence)
            dev_letters.add(_letters(sentence.tokens)[0])
            if alignment is not None:
                dev_newsfane.append(fane_view(sentence, alignment, newsfane[alignment.fane]))
                dev_newsfane_own.append(newsfane[alignment.fane])
            continue
        hints: list[EntitySpan] = []
        if alignment is not None:
            hints = [
                EntitySpan(s.start, s.end, fane_map.get(s.type, "O"))
                for s in transfer_spans(alignment, sentence, newsfane[alignment.fane])
            ]
        typed = add_peoples(type_places(retype(sentence, ANERCORP_TYPES), typer, hints), hints)
        train.add(typed, "anercorp", index, NEWS_WEIGHT)
    for index, sentence in enumerate(aqmar):
        if _letters(sentence.tokens)[0] not in dev_letters:
            train.add(type_places(retype(sentence, AQMAR_TYPES), typer), "aqmar", index)
    for index, sentence in enumerate(wiki_typed):
        if _letters(sentence.tokens)[0] not in dev_letters:
            train.add(sentence, "wikifane", index)
    log(
        f"train sentences: {dict(train.sources)}; "
        f"dev: {len(dev_anercorp)} ANERcorp, {len(dev_newsfane)} NewsFANE"
    )
    log(f"ANERcorp/AQMAR LOC typed by: {dict(typer.decided)}")
    return Corpus(train, dev_anercorp, dev_newsfane, dev_newsfane_own, typer.decided)


# ---------------------------------------------------------------- training


def train_crf(
    tokens: Sequence[Sequence[Token]],
    labels: Sequence[Sequence[str]],
    lexicons: Lexicons,
    model_path: Path,
    params: dict[str, object] | None = None,
    domains: Sequence[str] | None = None,
) -> None:
    """Trains a CRF on labelled sentences; writes its run-time arrays to `model_path`
    (`.npz`, see `export_crf`).

    domains (Sequence[str] | None): per sentence, "" for news or a corpus name; a
        non-news sentence's tokens get that corpus's own copies of some features
        (`domain_features`), which absorb its annotation habits. Inference never
        fires them, so the model tags as news.
    """
    import tempfile

    import pycrfsuite

    extractor = FeatureExtractor(lexicons)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for index, (sentence_tokens, sentence_labels) in enumerate(zip(tokens, labels, strict=True)):
        rows = extractor.sentence(sentence_tokens)
        if domains is not None and domains[index]:
            rows = domain_features(rows, domains[index])
        trainer.append(rows, list(sentence_labels))
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        crfsuite_path = Path(scratch) / "ner.crfsuite"
        trainer.train(str(crfsuite_path))
        export_crf(crfsuite_path, model_path)


DOMAIN_COPIED = ("b", "w=", "s=", "t=", "g=")


def domain_features(rows: list[list[str]], domain: str) -> list[list[str]]:
    """Adds `domain`-specific copies of each token's own bias, word, stem, trigger and
    lexicon features: a corpus's habits per label and per word (WikiFANE's O currencies).

    Measured on the development set: copying the word-class features instead (clusters,
    kind) keeps less of the difference (ANERcorp labels 0.770, NewsFANE coarse 0.722,
    against 0.793 and 0.738 with the words).
    """
    marker = domain + "|"
    return [row + [marker + f for f in row if f.startswith(DOMAIN_COPIED)] for row in rows]


def export_crf(model_path: Path, out_path: Path) -> int:
    """Writes the CRFsuite model's weights as the arrays `marsad.entities.crf.FeatureCrf`
    reads (numpy at run time, no CRFsuite). Corpus-marked feature copies
    (`domain_features`) never fire at run time and are left out.

    RETURNS (int): the number of features kept.
    """
    import numpy as np
    import pycrfsuite

    from marsad.entities.crf import LABELS
    from marsad.entities.neural import pack_strings

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    info = tagger.info()
    label_index = {label: index for index, label in enumerate(LABELS)}
    markers = tuple(f"{corpus}|" for corpus in ("aqmar", "wikifane"))
    features = sorted({a for a, _ in info.state_features if not a.startswith(markers)})
    feature_index = {feature: index for index, feature in enumerate(features)}
    weights = np.zeros((len(features), len(LABELS)), dtype=np.float32)
    for (feature, label), weight in info.state_features.items():
        if feature in feature_index:
            weights[feature_index[feature], label_index[label]] = weight
    transitions = np.zeros((len(LABELS), len(LABELS)), dtype=np.float32)
    for (first, second), weight in info.transitions.items():
        transitions[label_index[first], label_index[second]] = weight
    known = np.array([label in tagger.labels() for label in LABELS])
    tagger.close()
    arrays = {"features": pack_strings(features), "weights": weights, "transitions": transitions}
    write_npz(out_path, {**arrays, "known": known, "labels": pack_strings(LABELS)})
    return len(features)


def shipped_lexicons(out_dir: Path) -> Lexicons:
    from marsad.entities.features import load_lexicons

    return load_lexicons(out_dir)


def train_ner(
    data_dir: Path, out_dir: Path, dev_dir: Path | None, log: Log, tables: bool = True, device: str = "cpu"
) -> Corpus:
    """Rebuilds the NER artefacts in `out_dir` from the shared data folder.

    data_dir (Path): `../shared/data`.
    out_dir (Path): where `ner-crf.npz`, `ner-network.npz` and the tables go (the
        package's data folder).
    dev_dir (Path | None): hold the development blocks out of training and write their
        files here; None trains on every block, as the shipped model is.
    tables (bool): rebuild the lexicon and the clusters too (else reuse those in out_dir).
    device (str): where PyTorch trains the network ("cpu", or "cuda" on a GPU machine).
    """
    if not (data_dir / NER_DIR / "anercorp-camel-train.conll").is_file():
        raise MarsadError("E294", source=str(data_dir))
    missing = [name for name in TABLES if not (out_dir / name).is_file()]
    if not tables and missing:
        raise MarsadError("E299", missing=", ".join(missing), folder=str(out_dir))
    if importlib.util.find_spec("torch") is None:
        raise MarsadError("E293", package="torch==2.13.0")
    out_dir.mkdir(parents=True, exist_ok=True)
    if tables:
        words, vectors = write_tables(data_dir, out_dir, log)
    else:
        words, vectors = train_word_vectors(data_dir / ANT_TRAIN, log)
    triggers_source = resources.data_file("entities", "ner-triggers.tsv")
    if out_dir.resolve() != triggers_source.parent.resolve():
        (out_dir / "ner-triggers.tsv").write_text(
            triggers_source.read_text(encoding="utf-8"), encoding="utf-8"
        )
    corpus = assemble(data_dir, log, hold_out_dev=dev_dir is not None)
    if dev_dir is not None:
        write_conll(corpus.dev_anercorp, dev_dir / "dev-anercorp.conll")
        write_conll(corpus.dev_newsfane, dev_dir / "dev-newsfane.conll")
        write_conll(corpus.dev_newsfane_own, dev_dir / "dev-newsfane-own-tokens.conll")
        log(f"development files written to {dev_dir}")
    lexicons = shipped_lexicons(out_dir)
    lexicons.triggers = read_triggers(out_dir / "ner-triggers.tsv")
    log(f"training the CRF on {sum(map(len, corpus.train.tokens))} tokens")
    domains = ["" if origin in NEWS_CORPORA else origin for origin in corpus.train.origins]
    train_crf(corpus.train.tokens, corpus.train.labels, lexicons, out_dir / "ner-crf.npz", domains=domains)
    log(f"CRF written to {out_dir / 'ner-crf.npz'}")
    train_network(
        corpus.train, data_dir / ANT_TRAIN, lexicons, words, vectors, out_dir / "ner-network.npz", device, log
    )
    return corpus


def train_network(  # type: ignore[no-untyped-def]
    train: TrainingSet,
    news: Path,
    lexicons: Lexicons,
    words: list[str],
    vectors,
    out_path: Path,
    device: str,
    log: Log,
) -> None:
    """Trains the shipped BiLSTM-CRF (`ner_network.SHIPPED_CONFIG`, `SHIPPED_EPOCHS`) on
    training and validation sentences, its encoder first pretrained as a language model on
    the unlabelled news in `news`, seeded and on one thread, and writes its arrays."""
    import tempfile

    import torch

    from marsad.training import ner_network
    from marsad.training.ner_neural import LM_TOKENS, export_arrays, export_unlabelled, news_sentences

    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as scratch:
        arrays = Path(scratch) / "arrays.npz"
        counts = export_arrays(train, lexicons, words, vectors, arrays)
        log(f"network data: {counts}")
        unlabelled = Path(scratch) / "unlabelled.npz"
        counts = export_unlabelled(news_sentences(news, LM_TOKENS), lexicons, arrays, unlabelled)
        log(f"pretraining data: {counts}")
        data = ner_network.Data(arrays)
        config = ner_network.CONFIGS[ner_network.SHIPPED_CONFIG]
        initial = ner_network.pretrain(
            config, data, ner_network.Unlabelled(unlabelled), torch.device(device), log=log
        )
        model, _ = ner_network.train(
            config,
            data,
            torch.device(device),
            epochs=ner_network.SHIPPED_EPOCHS,
            with_validation=True,
            initial=initial,
            log=log,
        )
        write_npz(out_path, ner_network.export(model, data))
    log(f"network written to {out_path}")
