"""The neural tagger's training data, and its training (`marsad train ner`).

The corpus is the CRF's (`marsad.training.ner.assemble`: the same sentences, Marsad's
tokens, the same labels, and the development set held out when it is). Here it becomes
arrays:

- vocabularies: word2vec's stems (the word vectors come with them), characters seen at
  least `MIN_CHAR_COUNT` times, sparse features seen in at least `MIN_FEATURE_COUNT`
  training sentences;
- per token: word id, character ids, sparse-feature ids (ragged), label id;
- per sentence: its corpus (`neural.DOMAINS`), its weight (news counts `NEWS_WEIGHT`
  times, as for the CRF) and whether it is a **validation** sentence. Validation is a
  second set of ANERcorp blocks (every tenth block of 40, offset `VALIDATION_OFFSET`,
  never a development block): the network's settings and its number of epochs are chosen
  on it, with the development set held out. The shipped network is trained on every
  sentence, validation blocks included (and, from session 11, the development blocks).

The arrays file carries everything the trainer needs, so training (PyTorch,
`marsad.training.ner_network`) runs anywhere that has torch and numpy: this machine's
CPU, or a GPU machine without the rest of Marsad.

A second file, `export_unlabelled`, holds unlabelled news for pretraining the network's
encoder as a language model: the first `LM_TOKENS` words of the ANT training articles,
in the same vocabularies, each token with a target class: one of its own for the
`LM_OWN_WORDS` most frequent words, else its word cluster (the fine one, 512 classes),
else its kind (number, Latin, punctuation, other). Classes, not words, keep the
prediction layer small and cheap; a word's cluster is what its contexts have in common.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from marsad.document import Token
from marsad.entities.crf import LABELS
from marsad.entities.features import FeatureExtractor, Lexicons
from marsad.entities.neural import (
    DOMAINS,
    TokenEncoder,
    Vocabulary,
    char_key,
    pack_strings,
    vector_key,
)
from marsad.text import split_sentences, tokenize
from marsad.training import ant_articles
from marsad.training.ner import DEV_BLOCK, DEV_EVERY, DEV_OFFSET, TrainingSet

VALIDATION_OFFSET = 7
MIN_CHAR_COUNT = 5
MIN_FEATURE_COUNT = 3
SPECIALS = ("<pad>", "<unk>")
LM_TOKENS = 2_500_000
LM_OWN_WORDS = 3000
LM_SENTENCE_TOKENS = (5, 80)  # shorter sentences say little, longer ones are lists
LM_KINDS = ("number", "latin", "punct")  # then one class for any other word
FORGET_EVERY = 2000  # sentences

assert VALIDATION_OFFSET != DEV_OFFSET


def is_validation(origin: str, index: int) -> bool:
    return origin == "anercorp" and (index // DEV_BLOCK) % DEV_EVERY == VALIDATION_OFFSET


def distinct_sentences(train: TrainingSet) -> list[tuple[int, int]]:
    """(first position in `train`, weight) of each sentence: the CRF set repeats news ones."""
    result: list[tuple[int, int]] = []
    previous: tuple[str, int] | None = None
    for position, key in enumerate(zip(train.origins, train.indices, strict=True)):
        if key == previous:
            first, weight = result[-1]
            result[-1] = (first, weight + 1)
        else:
            result.append((position, 1))
        previous = key
    return result


def build_vocabularies(
    train: TrainingSet, sentences: list[tuple[int, int]], extractor: FeatureExtractor, words: list[str]
) -> tuple[Vocabulary, Vocabulary, Vocabulary]:
    """Word, character and sparse-feature vocabularies from the training sentences."""
    chars: Counter[str] = Counter()
    features: Counter[str] = Counter()
    for position, _ in sentences:
        tokens = train.tokens[position]
        own, phrase = extractor.token_features(tokens)
        for token, token_own, token_phrase in zip(tokens, own, phrase, strict=True):
            chars.update(char_key(token))
            features.update(set(token_own) | set(token_phrase))
    char_list = sorted(c for c, n in chars.items() if n >= MIN_CHAR_COUNT)
    feature_list = sorted(f for f, n in features.items() if n >= MIN_FEATURE_COUNT)
    return (
        Vocabulary([*SPECIALS, *words]),
        Vocabulary([*SPECIALS, *char_list]),
        Vocabulary(feature_list),
    )


class TokenRows:
    """The network's per-token inputs, gathered sentence by sentence, for both arrays files."""

    def __init__(self, encoder: TokenEncoder):
        self.encoder = encoder
        self.words: list[int] = []
        self.chars: list[list[int]] = []
        self.bag: list[int] = []
        self.bag_offsets = [0]
        self.sentence_offsets = [0]

    def add(self, tokens: list[Token], features: list[list[str]]) -> None:
        """One sentence; `features`: each token's sparse features that go into its bag."""
        for token, token_features in zip(tokens, features, strict=True):
            self.words.append(self.encoder.words.get(vector_key(token)))
            self.chars.append(self.encoder.chars_of(token))
            self.bag.extend(self.encoder.bag_of(token_features))
            self.bag_offsets.append(len(self.bag))
        self.sentence_offsets.append(len(self.words))

    def arrays(self) -> dict[str, np.ndarray]:
        chars = np.zeros((len(self.chars), max(map(len, self.chars))), dtype=np.int16)
        for row, ids in enumerate(self.chars):
            chars[row, : len(ids)] = ids
        return {
            "words": np.array(self.words, dtype=np.int32),
            "chars": chars,
            "bag": np.array(self.bag, dtype=np.int32),
            "bag_offsets": np.array(self.bag_offsets, dtype=np.int64),
            "sentence_offsets": np.array(self.sentence_offsets, dtype=np.int64),
        }


def export_arrays(
    train: TrainingSet, lexicons: Lexicons, words: list[str], vectors: np.ndarray, path: Path
) -> dict[str, int]:
    """Writes the training arrays (see the module docstring) to `path` (.npz).

    words, vectors: word2vec's stems and their vectors (`ner.train_word_vectors`).
    RETURNS (dict): counts for the log.
    """
    extractor = FeatureExtractor(lexicons)
    sentences = distinct_sentences(train)
    word_vocab, char_vocab, bag_vocab = build_vocabularies(train, sentences, extractor, words)
    encoder = TokenEncoder(extractor, word_vocab, char_vocab, bag_vocab)
    label_ids = {label: i for i, label in enumerate(LABELS)}
    rows = TokenRows(encoder)
    label_list: list[int] = []
    domains: list[int] = []
    weights: list[int] = []
    validation: list[bool] = []
    for position, weight in sentences:
        tokens = train.tokens[position]
        own, phrase = extractor.token_features(tokens)
        rows.add(
            tokens, [[*token_own, *token_phrase] for token_own, token_phrase in zip(own, phrase, strict=True)]
        )
        label_list += [label_ids[label] for _, label in zip(tokens, train.labels[position], strict=True)]
        origin = train.origins[position]
        domains.append(DOMAINS.index("news" if origin == "anercorp" else origin))
        weights.append(weight)
        validation.append(is_validation(origin, train.indices[position]))
    word_vectors = np.zeros((len(word_vocab), vectors.shape[1]), dtype=np.float32)
    word_vectors[len(SPECIALS) :] = vectors
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        **rows.arrays(),
        labels=np.array(label_list, dtype=np.int8),
        domains=np.array(domains, dtype=np.int8),
        weights=np.array(weights, dtype=np.int8),
        validation=np.array(validation, dtype=bool),
        word_vectors=word_vectors,
        vocab_words=pack_strings(word_vocab.strings),
        vocab_chars=pack_strings(char_vocab.strings),
        vocab_bag=pack_strings(bag_vocab.strings),
        label_names=pack_strings(LABELS),
        domain_names=pack_strings(DOMAINS),
    )
    return {
        "sentences": len(sentences),
        "validation": sum(validation),
        "tokens": len(rows.words),
        "features": len(bag_vocab),
        "chars": len(char_vocab),
    }


def news_sentences(corpus: Path, max_tokens: int) -> list[list[Token]]:
    """The ANT articles' sentences (Marsad's tokens), in corpus order, up to `max_tokens`."""
    shortest, longest = LM_SENTENCE_TOKENS
    sentences: list[list[Token]] = []
    count = 0
    for text in ant_articles(corpus):
        tokens = tokenize(text)
        for sentence in split_sentences(text, tokens):
            inside = [t for t in tokens if sentence.start <= t.start < sentence.end]
            if shortest <= len(inside) <= longest:
                sentences.append(inside)
                count += len(inside)
        if count >= max_tokens:
            break
    return sentences


def export_unlabelled(
    sentences: list[list[Token]], lexicons: Lexicons, arrays: Path, path: Path
) -> dict[str, int]:
    """Writes the language-model arrays (see the module docstring) to `path` (.npz), in the
    vocabularies of the labelled arrays file `arrays` (`export_arrays`).

    RETURNS (dict): counts for the log.
    """
    with np.load(arrays) as labelled:
        word_vocab, char_vocab, bag_vocab = (
            Vocabulary(bytes(labelled[name]).decode("utf-8").split("\n"))
            for name in ("vocab_words", "vocab_chars", "vocab_bag")
        )
    extractor = FeatureExtractor(lexicons)
    encoder = TokenEncoder(extractor, word_vocab, char_vocab, bag_vocab)
    frequent = Counter(vector_key(token) for tokens in sentences for token in tokens)
    own_class = {key: i for i, (key, _) in enumerate(frequent.most_common(LM_OWN_WORDS))}
    cluster_count = 1 + max((int(fine) for _, fine in lexicons.clusters.values()), default=-1)
    target_count = LM_OWN_WORDS + cluster_count + len(LM_KINDS) + 1

    def target(token: Token) -> int:
        key = vector_key(token)
        if key in own_class:
            return own_class[key]
        clusters = lexicons.clusters.get(key)
        if clusters is not None:
            return LM_OWN_WORDS + int(clusters[1])
        kind = LM_KINDS.index(token.kind) if token.kind in LM_KINDS else len(LM_KINDS)
        return LM_OWN_WORDS + cluster_count + kind

    rows = TokenRows(encoder)
    targets: list[int] = []
    for index, tokens in enumerate(sentences):
        # Own features only: a lexicon phrase's B/I tags would tell each word about its
        # neighbours, which the language model is there to predict.
        rows.add(tokens, [extractor.views(token)[0] for token in tokens])
        targets += [target(token) for token in tokens]
        if index % FORGET_EVERY == FORGET_EVERY - 1:
            extractor.forget()  # the feature cache would otherwise grow with every new form
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        **rows.arrays(),
        targets=np.array(targets, dtype=np.int32),
        target_count=np.array(target_count),
    )
    return {"sentences": len(sentences), "tokens": len(rows.words), "targets": target_count}
