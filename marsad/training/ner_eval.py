"""Exact-span NER scores of Marsad on a CoNLL gold file (`marsad eval ner`).

Each gold sentence is turned back into text (its tokens joined by spaces) and analysed by
the real thing: the default pipeline up to its entity stage `marsad.entities.v1`
(tagger, rules, coreference; the stages after it do not change mentions), or, with
`--tagger-only` or without that stage, the NER tagger's own mentions (`tagger_mentions`).
Predicted mentions are character spans; each is mapped onto the file tokens it overlaps
and compared with the gold mentions as in conlleval: a mention counts only when its
tokens and its type are both exactly right.

Label sets differ between corpora, so both sides can be mapped first: the file's labels
with a two-column table (`--map`, e.g. FANE's 50 classes to coarse types) and Marsad's
types onto the file's (`--labels PERSON=PERS`, or a named scheme). A type mapped to
nothing is left out of the comparison on that side. Span conventions differ too: a
scheme may name head nouns its corpus leaves outside a name (ANERcorp's `مطار/O
بغداد/B-LOC`, where Marsad's mention is `مطار بغداد`), which are cut off a predicted
mention before it is compared.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from marsad import resources
from marsad.document import ENTITY_TYPES, Document
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline
from marsad.training.conll import (
    ConllSentence,
    EntitySpan,
    attach_split_clitics,
    iob_spans,
    marsad_spans_to_file,
    splits_clitics,
)

if TYPE_CHECKING:
    from marsad.entities.tagger import NerTagger

ENTITY_STAGE = "marsad.entities.v1"

# Marsad type -> the file's type, per corpus; types left out are not compared.
SCHEMES: dict[str, dict[str, str]] = {
    "marsad": {t: t for t in ENTITY_TYPES},
    "anercorp": {"PERSON": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"},
    "aqmar": {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MIS"},
    # FANE's coarse PER holds peoples too (its Group class): Marsad's NORP.
    "fane-coarse": {"PERSON": "PER", "NORP": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"},
    # CoNLL 2003's set, which WikiANN and many Arabic sets use too (some without MISC).
    "conll": {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"},
}

# Scheme -> file of the head nouns its corpus leaves outside names (marsad/training/data).
SCHEME_OUTSIDE_HEADS: dict[str, str] = {"anercorp": "anercorp-outside-heads.tsv"}
DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class HeadConvention:
    """What a scheme's corpus does with a head noun that starts a Marsad mention of one of
    `types`: leaves it outside the name (cut off), or annotates no name that starts with
    it at all (`dropped`: ANERcorp tags no ministry, `وزارة` 43 times O)."""

    types: frozenset[str]
    dropped: bool = False


# The kinds of data/*-outside-heads.tsv.
HEAD_KINDS = {
    "place": HeadConvention(frozenset({"GPE", "LOC", "FAC"})),
    "org": HeadConvention(frozenset({"ORG"})),
    "body": HeadConvention(frozenset({"ORG"}), dropped=True),
}

# What joins the sentences analysed together: a paragraph break, which always ends one.
PARAGRAPH_BREAK = "\n\n"

Mention = tuple[int, int, str]
Predictor = Callable[[str], list[Mention]]


# What went wrong with a gold or predicted mention that is not exactly right, as in the
# MUC / SemEval-2013 breakdown: a prediction over the same tokens with another type, one
# overlapping a gold mention of its type, one overlapping a mention of another type, one
# overlapping none, and a gold mention no prediction touches.
ERROR_KINDS = ("wrong type", "wrong boundary", "wrong type and boundary", "spurious", "missed")


@dataclass(frozen=True, slots=True)
class ScoredError:
    """One error: the sentence (its number in the file, from 1), its kind, and the gold
    and predicted mentions involved (None where there is none), as (text, type)."""

    sentence: int
    kind: str
    gold: tuple[str, str] | None
    predicted: tuple[str, str] | None


@dataclass(slots=True)
class Scores:
    """True positives, false positives and false negatives per type, and the errors."""

    true_positives: Counter[str] = field(default_factory=Counter)
    false_positives: Counter[str] = field(default_factory=Counter)
    false_negatives: Counter[str] = field(default_factory=Counter)
    errors: list[ScoredError] = field(default_factory=list)
    sentences: int = 0
    tokens: int = 0
    seconds: float = 0.0
    source: str = ""

    def types(self) -> list[str]:
        return sorted(set(self.true_positives) | set(self.false_positives) | set(self.false_negatives))

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one type, or of all types together (None)."""
        if kind is None:
            tp = sum(self.true_positives.values())
            fp = sum(self.false_positives.values())
            fn = sum(self.false_negatives.values())
        else:
            tp, fp, fn = self.true_positives[kind], self.false_positives[kind], self.false_negatives[kind]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def add(
        self, gold: Iterable[EntitySpan], predicted: Iterable[EntitySpan], tokens: Sequence[str] = ()
    ) -> None:
        """Counts one sentence's mentions; `tokens` (the sentence's) name the errors."""
        gold_set = {(s.start, s.end, s.type) for s in gold}
        predicted_set = {(s.start, s.end, s.type) for s in predicted}
        for _, _, kind in gold_set & predicted_set:
            self.true_positives[kind] += 1
        for _, _, kind in predicted_set - gold_set:
            self.false_positives[kind] += 1
        for _, _, kind in gold_set - predicted_set:
            self.false_negatives[kind] += 1
        self.sentences += 1
        number = self.sentences

        def named(span: tuple[int, int, str] | None) -> tuple[str, str] | None:
            return None if span is None else (" ".join(tokens[span[0] : span[1]]), span[2])

        for kind, gold_span, found in classify_errors(gold_set - predicted_set, predicted_set - gold_set):
            self.errors.append(ScoredError(number, kind, named(gold_span), named(found)))

    def error_counts(self) -> Counter[str]:
        return Counter(error.kind for error in self.errors)

    def report(self) -> str:
        """The scores as a conlleval-style table."""
        tp = sum(self.true_positives.values())
        fp = sum(self.false_positives.values())
        fn = sum(self.false_negatives.values())
        speed = self.tokens / self.seconds if self.seconds else 0.0
        lines = [
            f"processed {self.tokens} tokens in {self.sentences} sentences; "
            f"found: {tp + fp} mentions; correct: {tp}; gold: {tp + fn}",
            f"{'type':<10}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'found':>8}",
        ]
        for kind in [*self.types(), None]:
            p, r, f = self.prf(kind)
            gold = tp + fn if kind is None else self.true_positives[kind] + self.false_negatives[kind]
            found = tp + fp if kind is None else self.true_positives[kind] + self.false_positives[kind]
            lines.append(f"{kind or 'overall':<10}{p:>10.4f}{r:>10.4f}{f:>10.4f}{gold:>8}{found:>8}")
        counts = self.error_counts()
        lines.append("errors: " + ", ".join(f"{counts[kind]} {kind}" for kind in ERROR_KINDS))
        lines.append(f"speed: {speed:,.0f} tokens/s ({self.source})")
        return "\n".join(lines)


Span = tuple[int, int, str]


def classify_errors(
    missed: Iterable[Span], wrong: Iterable[Span]
) -> list[tuple[str, Span | None, Span | None]]:
    """Pairs a sentence's gold mentions that were not found exactly with its predictions
    that are not exactly right, and names each error (`ERROR_KINDS`): a prediction takes
    the first free gold mention over the same tokens, else one it overlaps, of its type
    first. RETURNS: (kind, gold, predicted) triples."""
    free = sorted(missed)
    errors: list[tuple[str, Span | None, Span | None]] = []
    for predicted in sorted(wrong):
        start, end, kind = predicted
        overlapping = [
            ((gold[0], gold[1]) != (start, end), gold[2] != kind, gold)
            for gold in free
            if gold[0] < end and start < gold[1]
        ]
        if not overlapping:
            errors.append(("spurious", None, predicted))
            continue
        other_tokens, other_type, gold = min(overlapping)
        free.remove(gold)
        if not other_tokens:
            errors.append(("wrong type", gold, predicted))
        else:
            kind_of_error = "wrong type and boundary" if other_type else "wrong boundary"
            errors.append((kind_of_error, gold, predicted))
    errors += [("missed", gold, None) for gold in free]
    return errors


def write_errors(scores: Scores, out: TextIO) -> None:
    """Writes the errors as a TSV table, one per line, in file order, for reading them
    against the gold file (sentence numbers count from 1)."""
    out.write("\t".join(("sentence", "kind", "gold", "gold_type", "predicted", "predicted_type")) + "\n")
    for error in scores.errors:
        gold, predicted = error.gold or ("", ""), error.predicted or ("", "")
        out.write("\t".join((str(error.sentence), error.kind, *gold, *predicted)) + "\n")


def read_label_map(path: Path) -> dict[str, str]:
    """Reads `LABEL<TAB>MAPPED` lines (# comments); MAPPED empty or `O` drops the label."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MarsadError("E101", source=str(path)) from None
    mapping: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, mapped = line.partition("\t")
        mapping[label.strip()] = mapped.strip()
    return mapping


def parse_label_options(specs: Sequence[str]) -> dict[str, str]:
    """`OURS=THEIRS` options as a dict; `OURS=` drops that type."""
    mapping: dict[str, str] = {}
    for spec in specs:
        ours, equals, theirs = spec.partition("=")
        if not equals or not ours.strip():
            raise MarsadError("E295", spec=spec)
        mapping[ours.strip()] = theirs.strip()
    return mapping


def scheme_labels(scheme: str) -> dict[str, str]:
    try:
        return dict(SCHEMES[scheme])
    except KeyError:
        raise MarsadError("E296", scheme=scheme, known=", ".join(SCHEMES)) from None


def gold_types(sentences: Iterable[ConllSentence], file_map: dict[str, str] | None = None) -> set[str]:
    """The labels a file's mentions have, as compared (after `file_map`)."""
    kinds = {_gold_type(span.type, file_map) for sentence in sentences for span in iob_spans(sentence.tags)}
    return kinds - {""}


def detect_scheme(sentences: Iterable[ConllSentence], file_map: dict[str, str] | None = None) -> str:
    """The scheme a file's own labels (after `file_map`) imply, so that a file of a known
    corpus needs no --scheme: a label only one corpus uses decides (ANERcorp's PERS,
    AQMAR's MIS), PER beside GPE or FAC is FANE's coarse set and PER otherwise CoNLL's;
    labels that are Marsad's own, or none of these, are compared as they are."""
    kinds = gold_types(sentences, file_map)
    if "PERS" in kinds:
        return "anercorp"
    if "MIS" in kinds:
        return "aqmar"
    if "PER" in kinds:
        return "fane-coarse" if kinds & {"GPE", "FAC"} else "conll"
    return "marsad"


def labels_for_file(
    sentences: Sequence[ConllSentence], file_map: dict[str, str] | None = None
) -> tuple[str, dict[str, str]]:
    """The scheme the file's labels imply (`detect_scheme`) and its mapping, less the
    types whose label the file never uses: a set without MISC (WikiANN's PER, ORG, LOC)
    does not annotate it, and Marsad's MISC mentions would count as its errors."""
    scheme = detect_scheme(sentences, file_map)
    labels = scheme_labels(scheme)
    kinds = gold_types(sentences, file_map)
    if kinds:  # a file without mentions says nothing of what its corpus annotates
        labels = {ours: theirs for ours, theirs in labels.items() if theirs in kinds}
    return scheme, labels


def _gold_type(kind: str, file_map: dict[str, str] | None) -> str:
    """A gold label as compared: mapped by `file_map`, '' where the map drops it."""
    mapped = file_map.get(kind, kind) if file_map else kind
    return "" if mapped == "O" else mapped


def scheme_outside_heads(scheme: str | None) -> dict[str, HeadConvention]:
    """The head nouns the scheme's corpus leaves outside a name, normalised, each with the
    Marsad types of the mentions it is cut from (none for most schemes)."""
    name = SCHEME_OUTSIDE_HEADS.get(scheme or "")
    if name is None:
        return {}
    word = resources.normalizer().word
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {word(form.strip()): HEAD_KINDS[kind.strip()] for form, kind, *_ in rows}


def outside_heads_for(scheme: str | None, labels: dict[str, str] | None) -> dict[str, HeadConvention]:
    """The heads to cut for a comparison: the named scheme's, or, for a mapping given
    label by label, ANERcorp's when it maps people onto ANERcorp's own label (PERS, which
    no other corpus uses), so `--labels PERSON=PERS ...` compares as `--scheme anercorp`."""
    if scheme is not None:
        return scheme_outside_heads(scheme)
    if labels and labels.get("PERSON") == SCHEMES["anercorp"]["PERSON"]:
        return scheme_outside_heads("anercorp")
    return {}


def cut_outside_heads(text: str, mentions: list[Mention], heads: dict[str, HeadConvention]) -> list[Mention]:
    """The mentions with a leading head noun of `heads` cut off (`مطار بغداد` -> `بغداد`,
    `حركة حماس` -> `حماس`), when the mention is of a type the head is cut from (a title
    that starts with one, `نهر بين جنازتين`, is kept), and without those that start with a
    head the corpus names nothing with (`وزارة الخارجية الأمريكية` for ANERcorp)."""
    if not heads:
        return mentions
    from marsad.entities.mentions import word_key

    tokens = [t for t in resources.tokenizer()(text) if t.kind != "punct"]
    cut = []
    for start, end, kind in mentions:
        words = [t for t in tokens if t.end > start and t.start < end]
        dropped = False
        while words and (convention := heads.get(word_key(words[0]))) and kind in convention.types:
            dropped = convention.dropped
            if dropped or len(words) < 2:
                break
            words = words[1:]  # قوات الاحتلال الإسرائيلي: the head off, then the body's
            start = words[0].start
        if not dropped:
            cut.append((start, end, kind))
    return cut


def entity_stage_in_pipeline() -> bool:
    from marsad.pipeline import DEFAULT_STAGES

    return ENTITY_STAGE in DEFAULT_STAGES


def pipeline_mentions(text: str) -> list[Mention]:
    """The named mentions of the entities the default pipeline finds in `text` (its stages
    up to and including the entity stage; the later ones do not change mentions). Mentions
    that describe or point back to an entity (`رئيس الإقليم`, `التنظيم`) are not names, and
    NER corpora do not mark them."""
    return named_mentions(_entity_pipeline()(Document.from_parts(text)))


def named_mentions(doc: Document) -> list[Mention]:
    """The named mentions of a document's entities (`pipeline_mentions`)."""
    return [(m.start, m.end, entity.type) for entity in doc.entities for m in entity.mentions if m.named]


@functools.cache
def _entity_pipeline() -> Pipeline:
    from marsad.pipeline import DEFAULT_STAGES

    return Pipeline(DEFAULT_STAGES[: DEFAULT_STAGES.index(ENTITY_STAGE) + 1])


# What `marsad train ner --out DIR` writes and a tagger reads back.
MODEL_FILES = (
    "ner-crf.npz",
    "ner-network.npz",
    "ner-clusters.tsv.gz",
    "ner-lexicon.tsv.gz",
    "ner-triggers.tsv",
)


def load_model(folder: Path) -> NerTagger:
    """The tagger a training run wrote to `folder`, with that folder's lexicon and clusters,
    so that a model trained without some sentences can be scored on them."""
    from marsad.entities.features import load_lexicons
    from marsad.entities.tagger import NerTagger

    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise MarsadError("E289", folder=str(folder), missing=", ".join(missing))
    return NerTagger(folder / "ner-crf.npz", load_lexicons(folder), network_path=folder / "ner-network.npz")


def stage_predictor(tagger: NerTagger) -> Predictor:
    """`pipeline_mentions` with `tagger` reading in place of the shipped one."""
    from marsad.entities.stage import EntityStage
    from marsad.pipeline import DEFAULT_STAGES

    before = Pipeline(DEFAULT_STAGES[: DEFAULT_STAGES.index(ENTITY_STAGE)])
    stage = EntityStage(tagger=tagger)
    return lambda text: named_mentions(stage(before(Document.from_parts(text))))


def tagger_mentions(text: str, tagger: NerTagger | None = None) -> list[Mention]:
    """Mentions straight from the NER tagger's labels (the shipped tagger's unless one is
    given), over whole tokens less a leading conjunction or preposition (`وسوريا` is
    `سوريا`, as the entity stage's mentions are)."""
    from marsad.entities.mentions import mention_start
    from marsad.entities.tagger import label_spans
    from marsad.text import tokenize

    tokens = tokenize(text)
    labels = (tagger or resources.ner_tagger()).predict(tokens)
    return [
        (mention_start(tokens[start]), tokens[end - 1].end, kind) for start, end, kind in label_spans(labels)
    ]


def default_predictor() -> tuple[Predictor, str]:
    """The pipeline's entities when the entity stage is in it, else the tagger's own."""
    if entity_stage_in_pipeline():
        return pipeline_mentions, f"pipeline: {ENTITY_STAGE}"
    return tagger_mentions, "NER tagger (no entity stage in the default pipeline)"


def as_published(sentences: Sequence[ConllSentence]) -> tuple[list[ConllSentence], bool]:
    """The sentences as the pipeline should read them: a file that splits clitics off
    their words (FANE's `و قال`) has them attached again, as published text writes them;
    any other file as it is. RETURNS: the sentences, and whether clitics were attached."""
    if not splits_clitics(sentences):
        return list(sentences), False
    return [attach_split_clitics(sentence) for sentence in sentences], True


def evaluate(
    sentences: Sequence[ConllSentence],
    file_map: dict[str, str] | None = None,
    labels: dict[str, str] | None = None,
    predictor: Predictor | None = None,
    source: str | None = None,
    outside_heads: dict[str, frozenset[str]] | None = None,
    context: int = 1,
) -> Scores:
    """Scores predictions against the gold sentences.

    file_map (dict | None): the file's label -> compared label (unlisted labels kept).
    labels (dict | None): Marsad type -> compared label (unlisted types dropped); None
        compares Marsad's types as they are.
    predictor (callable | None): text -> mentions; default: `default_predictor()`.
    outside_heads (dict | None): head nouns cut off the front of predicted mentions, with
        the types they are cut from (`scheme_outside_heads`).
    context (int): how many consecutive sentences of one document are analysed together,
        as paragraphs of one article, so that what needs the article (a family name found
        again after the full name, a role standing alone) can work; 1 scores each
        sentence alone. A mention that would cross two sentences is dropped.
    """
    if predictor is None:
        predictor, source = default_predictor()
    scores = Scores(source=source or "custom predictor")
    for chunk in _chunks(sentences, max(1, context)):
        text = PARAGRAPH_BREAK.join(sentence.text for sentence in chunk)
        starts = [0]
        for sentence in chunk[:-1]:
            starts.append(starts[-1] + len(sentence.text) + len(PARAGRAPH_BREAK))
        started = time.perf_counter()
        mentions = predictor(text)
        scores.seconds += time.perf_counter() - started
        mentions = cut_outside_heads(text, mentions, outside_heads or {})
        for sentence, start in zip(chunk, starts, strict=True):
            end = start + len(sentence.text)
            own = [(s - start, e - start, kind) for s, e, kind in mentions if start <= s and e <= end]
            _score_sentence(scores, sentence, own, file_map, labels)
    return scores


def _chunks(sentences: Sequence[ConllSentence], size: int) -> Iterable[list[ConllSentence]]:
    """Runs of at most `size` consecutive sentences, never across a document boundary."""
    chunk: list[ConllSentence] = []
    for sentence in sentences:
        if chunk and (len(chunk) == size or sentence.document != chunk[-1].document):
            yield chunk
            chunk = []
        chunk.append(sentence)
    if chunk:
        yield chunk


def _score_sentence(
    scores: Scores,
    sentence: ConllSentence,
    mentions: list[Mention],
    file_map: dict[str, str] | None,
    labels: dict[str, str] | None,
) -> None:
    gold = []
    for span in iob_spans(sentence.tags):
        kind = _gold_type(span.type, file_map)
        if kind:
            gold.append(EntitySpan(span.start, span.end, kind))
    predicted = []
    for span in marsad_spans_to_file(mentions, sentence):
        kind = span.type if labels is None else labels.get(span.type, "")
        if kind:
            predicted.append(EntitySpan(span.start, span.end, kind))
    scores.add(gold, predicted, sentence.tokens)
    scores.tokens += len(sentence.tokens)
