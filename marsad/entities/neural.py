"""The neural NER tagger: a BiLSTM-CRF over Marsad tokens, run with numpy alone.

Trained by `marsad train ner` with PyTorch (`marsad.training.ner_network`) and exported
to one `.npz` file of arrays; this module is the whole of inference. Each token is read
three ways and the three are concatenated:

- its stem's **word vector** (word2vec on the unlabelled ANT news, fine-tuned);
- a **character CNN** over its normalised form (clitics, broken plurals, nisba endings);
- a **bag of its sparse features** (`FeatureExtractor.token_features`: word, stem,
  affixes, clusters, frequency band, triggers, lexicon matches), each a learned vector,
  summed. So the network starts from everything the CRF knew.

A bidirectional LSTM reads the sentence, a linear layer scores the labels, and Viterbi
decoding under learned label transitions picks the best IOB2 sequence. The sentences of
a document go through the LSTM together, one time step for all of them, which is what
makes numpy fast enough (the recurrence is a handful of small matrix products a step).

The token part that depends on the token alone (word vector, character CNN, the sum of
its own features) is cached per surface form, as the CRF's features are, and cached
already multiplied by the LSTM's input weights: that product, one per token, was the
largest single cost of a sentence; per form, it is paid once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from marsad.document import Token
from marsad.entities import crf
from marsad.entities.features import FeatureExtractor
from marsad.entities.form_table import FormTable

# Index 0 is the domain every run-time sentence belongs to; the others are corpora whose
# annotation habits the network learns to set aside (see `marsad.training.ner_neural`).
DOMAINS = ("news", "aqmar", "wikifane")
MAX_CHARS = 20
UNKNOWN = 1  # row 0 of every table pads
# Forms whose input products are kept (4 KB each, 100 MB in all): the first forms a
# process meets include the frequent ones, which are most of running text (the 10,000
# most frequent are 90% of the tokens of 300 news articles).
_CACHE_LIMIT = 25_000


def vector_key(token: Token) -> str:
    """The form a token's word vector is looked up by: its stem, digits as 0, Latin lower-cased."""
    stem = token.stem or token.norm
    if token.kind == "number":
        return "".join("0" if c.isdigit() else c for c in stem)
    if token.kind == "latin":
        return stem.lower()
    return stem


def char_key(token: Token) -> str:
    """The characters the CNN reads: the normalised form, digits as 0, at most MAX_CHARS."""
    norm = token.norm
    if token.kind == "number":
        norm = "".join("0" if c.isdigit() else c for c in norm)
    return norm[:MAX_CHARS]


def pack_strings(strings: Sequence[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array (newline-joined): stored in `.npz` without pickling."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def unpack_strings(array: np.ndarray) -> list[str]:
    return bytes(array).decode("utf-8").split("\n") if len(array) else []


class Vocabulary:
    """String -> row id, with 0 for padding and 1 for anything unknown."""

    def __init__(self, strings: Sequence[str]):
        self.strings = list(strings)
        self.ids = {s: i for i, s in enumerate(self.strings)}

    def get(self, key: str) -> int:
        return self.ids.get(key, UNKNOWN)

    def __len__(self) -> int:
        return len(self.strings)


class TokenEncoder:
    """Turns tokens into the network's inputs; shared by training and inference."""

    def __init__(self, features: FeatureExtractor, words: Vocabulary, chars: Vocabulary, bag: Vocabulary):
        self.features = features
        self.words = words
        self.chars = chars
        self.bag = bag

    def chars_of(self, token: Token) -> list[int]:
        """Character ids; a form with no characters left reads as one unknown one."""
        return [self.chars.get(c) for c in char_key(token)] or [UNKNOWN]

    def bag_of(self, token_features: Sequence[str]) -> list[int]:
        """Ids of a token's known sparse features (`b`, always known, keeps it non-empty)."""
        return [i for i in map(self.bag.ids.get, token_features) if i is not None]


def _bilstm_weights(w: dict[str, np.ndarray], layer: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A layer's weights as `_bilstm` uses them: input weights of both directions side by
    side (features, 8 hidden), their biases, and the two recurrent matrices stacked (2,
    hidden, 4 hidden); transposed for row-vector products, with each direction's gates
    reordered from PyTorch's (input, forget, cell, output) to (input, forget, output,
    cell), and the three sigmoid gates' rows halved: sigmoid(x) = (tanh(x / 2) + 1) / 2,
    so one tanh over all four gates serves every gate of a step. The recurrent matrices
    are halved once more: `_bilstm` keeps twice the hidden state between steps."""
    hidden = w[f"lstm{layer}_w_hh_f"].shape[1]
    order = np.r_[0 : 2 * hidden, 3 * hidden : 4 * hidden, 2 * hidden : 3 * hidden]
    scale = np.ones(4 * hidden, dtype=np.float32)
    scale[: 3 * hidden] = 0.5
    inputs, biases, recurrent = [], [], []
    for direction in ("f", "b"):
        name = f"lstm{layer}_{{}}_{direction}"
        inputs.append(w[name.format("w_ih")][order].T * scale)
        biases.append((w[name.format("b_ih")] + w[name.format("b_hh")])[order] * scale)
        recurrent.append(w[name.format("w_hh")][order].T * scale * 0.5)
    return (
        np.ascontiguousarray(np.concatenate(inputs, axis=1)),
        np.concatenate(biases),
        np.ascontiguousarray(np.stack(recurrent)),
    )


class BiLstmCrf:
    """The network's label scores and marginals for sentences (the tagger combines them
    with the CRF's, `marsad.entities.tagger.NerTagger`).

    model_path (Path): the `.npz` written by `marsad train ner`.
    features (FeatureExtractor): the sparse features the network was trained with.
    """

    def __init__(self, model_path: Path, features: FeatureExtractor):
        weights = crf.load_model(model_path)
        weights.pop("config", None)
        self.encoder = TokenEncoder(
            features,
            Vocabulary(unpack_strings(weights.pop("vocab_words"))),
            Vocabulary(unpack_strings(weights.pop("vocab_chars"))),
            Vocabulary(unpack_strings(weights.pop("vocab_bag"))),
        )
        self.w = {name: array.astype(np.float32) for name, array in weights.items()}
        self.hidden = self.w["lstm0_w_hh_f"].shape[1]
        self.layers = sum(1 for name in self.w if name.endswith("_w_hh_f"))
        self.news = self.w["domain_embedding"][0]
        self.input_size = self.w["lstm0_w_ih_f"].shape[1]
        self._lstm_weights = [_bilstm_weights(self.w, layer) for layer in range(self.layers)]
        # The first layer's input product, by parts: a form's own vector, the lexicon
        # phrases' bag rows, and what every run-time token shares (news domain, biases).
        input_weights, bias, _ = self._lstm_weights[0]
        width = self.input_size - len(self.news)
        self._form_weights = input_weights[:width]
        self._phrase_weights = input_weights[width - self.w["bag_embedding"].shape[1] : width]
        self._shared_product = self.news @ input_weights[width:] + bias
        self._inputs = FormTable((8 * self.hidden,), _CACHE_LIMIT)
        # A token's lexicon-phrase features, as a tuple, and their bag rows' product: a
        # few hundred such tuples in all (173 in the 300 articles of bench/ner_speed.py).
        self._phrase_rows: dict[tuple[str, ...], np.ndarray] = {}

    def _add_forms(self, tokens: Sequence[Token]) -> None:
        """Computes and keeps, for the forms among `tokens` without a row and all in one
        batch, the word vector, character CNN and own-feature bag times the input weights."""
        fresh_forms = self._inputs.missing([token.text for token in tokens])
        if not fresh_forms:
            return
        by_form = {token.text: token for token in tokens}
        fresh = [by_form[form] for form in fresh_forms]
        w = self.w
        encoder = self.encoder
        words = w["word_embedding"][[encoder.words.get(vector_key(token)) for token in fresh]]
        char_ids = [encoder.chars_of(token) for token in fresh]
        kernel = w["char_conv_w"]  # (filters, dc, width)
        filters, _, width = kernel.shape
        longest = max(map(len, char_ids))
        padded = np.zeros((len(fresh), longest + width - 1), dtype=np.int64)  # 0: the zero row
        for row, ids in enumerate(char_ids):
            padded[row, width // 2 : width // 2 + len(ids)] = ids
        chars = w["char_embedding"][padded]  # (forms, positions, dc)
        windows = np.concatenate([chars[:, i : i + longest] for i in range(width)], axis=2)
        flat_kernel = kernel.transpose(2, 1, 0).reshape(-1, filters)  # (width * dc, filters)
        conv = windows @ flat_kernel + w["char_conv_b"]  # (forms, positions, filters)
        beyond = np.arange(longest)[None, :] >= np.array([len(ids) for ids in char_ids])[:, None]
        conv[beyond] = -np.inf
        char_vectors = np.tanh(conv.max(axis=1))
        own = self.encoder.features.token_features(fresh)[0]
        bag_ids = [encoder.bag_of(features) for features in own]
        starts = np.cumsum([0] + [len(ids) for ids in bag_ids[:-1]])
        bags = np.add.reduceat(w["bag_embedding"][[i for ids in bag_ids for i in ids]], starts)
        self._inputs.add(
            fresh_forms, np.concatenate([words, char_vectors, bags], axis=1) @ self._form_weights
        )

    def _products(
        self, sentences: Sequence[Sequence[Token]], phrases: Sequence[list[list[str]]]
    ) -> np.ndarray:
        """The first layer's input products of the sentences' tokens, one after another
        (tokens, 8 hidden): each form's, plus the shared part, plus the bag rows of the
        lexicon phrases a token is in."""
        tokens = [token for sentence in sentences for token in sentence]
        self._add_forms(tokens)
        rows = self._inputs.gather([token.text for token in tokens])
        rows += self._shared_product
        phrase_rows = self._phrase_rows
        inside, bags = [], []
        for index, features in enumerate(features for sentence in phrases for features in sentence):
            if features:
                key = tuple(features)
                if key not in phrase_rows:
                    ids = self.encoder.bag_of(features)
                    phrase_rows[key] = self.w["bag_embedding"][ids].sum(axis=0) @ self._phrase_weights
                inside.append(index)
                bags.append(phrase_rows[key])
        if inside:
            rows[inside] += np.stack(bags)
        return rows

    def _bilstm(self, products: np.ndarray, lengths: np.ndarray, layer: int) -> np.ndarray:
        """One bidirectional LSTM layer over a padded batch of its input products
        (sentences, steps, 8 hidden: the forward direction's gates, then the backward's).

        The backward direction reads each sentence reversed, so both directions run as
        one forward pass over left-aligned rows, stacked: every step is one batched
        product and a few element-wise calls for both directions together. Sentences go
        longest first, and a step computes only those still running (padding comes after
        a sentence's tokens, where it could not change their outputs anyway).
        """
        # Each sentence's two rows times their directions' matrices, as a stack of
        # vector-matrix products: OpenBLAS repacks the matrix on every call of a
        # matrix-matrix product, which for the few rows of a step cost up to twice as
        # much (single thread, AVX2).
        recurrent = self._lstm_weights[layer][2]
        batch, steps, _ = products.shape
        hidden = self.hidden
        order = np.argsort(-lengths, kind="stable")
        products, lengths = products[order], lengths[order]
        running = (lengths[None, :] > np.arange(steps)[:, None]).sum(axis=1)  # per step
        reverse = crf.sentence_reversal(lengths, steps)
        rows = np.arange(batch)[:, None]
        # Step-major, then sentence, then direction: the running sentences of a step are
        # the first rows of each array, one contiguous block.
        projected = np.empty((steps, batch, 2, 4 * hidden), dtype=np.float32)
        projected[:, :, 0] = products[:, :, : 4 * hidden].transpose(1, 0, 2)
        projected[:, :, 1] = products[rows, reverse, 4 * hidden :].transpose(1, 0, 2)  # read backwards
        doubled_h = np.zeros((batch, 2, 1, hidden), dtype=np.float32)
        c = np.zeros((batch, 2, hidden), dtype=np.float32)
        gates = np.empty((batch, 2, 1, 4 * hidden), dtype=np.float32)
        outputs = np.zeros((steps, batch, 2, hidden), dtype=np.float32)
        for step in range(steps):
            k = running[step]
            np.matmul(doubled_h[:k], recurrent, out=gates[:k])
            step_gates = gates[:k, :, 0]
            step_gates += projected[step, :k]
            np.tanh(step_gates, out=step_gates)
            doubled_sigmoids = step_gates[:, :, : 3 * hidden]  # gates i f o, then g
            doubled_sigmoids += 1.0
            # c' = sigmoid(f) c + sigmoid(i) g and 2h = 2 sigmoid(o) tanh(c'): halving a
            # float is exact, so these are the labels the sigmoids themselves would give.
            step_c = c[:k]
            step_c *= doubled_sigmoids[:, :, hidden : 2 * hidden]
            step_c += doubled_sigmoids[:, :, :hidden] * step_gates[:, :, 3 * hidden :]
            step_c *= 0.5
            step_h = doubled_h[:k, :, 0]
            np.multiply(doubled_sigmoids[:, :, 2 * hidden :], np.tanh(step_c), out=step_h)
            outputs[step, :k] = step_h
        by_sentence = outputs.transpose(1, 0, 2, 3)
        both = np.concatenate([by_sentence[:, :, 0], by_sentence[rows, reverse, 1]], axis=2)
        both *= 0.5
        unsorted = np.empty_like(both)
        unsorted[order] = both
        return unsorted

    def emissions(
        self, sentences: Sequence[Sequence[Token]], phrases: Sequence[list[list[str]]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Label scores of the tokens of non-empty sentences, read together.

        phrases: each sentence's `FeatureExtractor.phrase_features(tokens)`.

        RETURNS (tuple): scores (sentences, steps, labels), padded after each sentence,
            and the sentence lengths.
        """
        lengths = np.array([len(s) for s in sentences])
        steps = int(lengths.max())
        products = np.zeros((len(sentences), steps, 8 * self.hidden), dtype=np.float32)
        products[np.arange(steps)[None, :] < lengths[:, None]] = self._products(sentences, phrases)
        encoded = self._bilstm(products, lengths, 0)
        for layer in range(1, self.layers):
            input_weights, bias, _ = self._lstm_weights[layer]
            encoded = self._bilstm(encoded @ input_weights + bias, lengths, layer)
        return encoded @ self.w["out_w"].T + self.w["out_b"], lengths

    @property
    def crf_layer(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The CRF layer's transitions, start and end scores, as `crf.marginals` takes them."""
        w = self.w
        return w["transitions"], w["start_transitions"], w["end_transitions"]
