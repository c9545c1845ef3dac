"""Trains the neural NER tagger with PyTorch and exports it for numpy inference.

Self-contained on purpose: it imports only numpy and torch, and reads everything from
the arrays files that `marsad.training.ner_neural.export_arrays` and `export_unlabelled`
write, so it runs on any machine with those two (a GPU machine without the rest of
Marsad, too):

    python marsad/training/ner_network.py sweep CONFIG --arrays A.npz --out DIR [--unlabelled U.npz]
    python marsad/training/ner_network.py final --arrays A.npz --out DIR [--unlabelled U.npz]
    python marsad/training/ner_network.py holdout CONFIG --arrays A.npz --out DIR --epochs N [...]

(`--device cuda` on a GPU machine).

With `--unlabelled`, the encoder is first pretrained as a bidirectional language model
on unlabelled news (`pretrain`). `sweep` trains one configuration on the training
sentences and scores it on the validation sentences after every epoch
(`DIR/sweep-CONFIG.json`). `final` takes the
configuration and epoch count that scored best there and trains the shipped network on
training and validation sentences together (`DIR/ner-neural.npz`). `holdout` trains a
configuration for a fixed number of epochs on the training sentences alone and never
scores the held-out ones (`DIR/holdout-CONFIG.npz`): a network for a held-out check
(eval/entities/validation_check.py) that must not be chosen by it. `marsad train ner`
calls the same functions in-process. The architecture is described in
`marsad.entities.neural`, which runs the exported arrays.

Seeded (torch, numpy); on a GPU, cuDNN's LSTM kernels may still differ in the last bits
from run to run, so the same data gives the same network up to float rounding.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import torch
from torch import nn

SEED = 13
IGNORED = -100  # a padding position's language-model target (cross-entropy skips it)
# What pretraining leaves out of the weights it hands on: the NER task's own layers.
TASK_PARAMETERS = ("out.", "domain_out", "transitions", "start_transitions", "end_transitions")
PRETRAIN_BATCH_SIZE = 64
PRETRAIN_LOG_EVERY = 200  # batches


@dataclass(frozen=True)
class Config:
    hidden: int = 128
    layers: int = 1
    char_dim: int = 24
    char_filters: int = 64
    char_width: int = 3
    bag_dim: int = 32
    domain_dim: int = 8
    dropout: float = 0.5
    learning_rate: float = 1e-3
    batch_size: int = 32
    max_epochs: int = 30
    patience: int = 6
    tune_words: bool = True
    use_bag: bool = True


# The configuration and epoch count `marsad train ner` ships: the best of the sweep on the
# validation sentences (docs/ner.md), trained on training and validation sentences together.
SHIPPED_CONFIG = "base"
SHIPPED_EPOCHS = 5
# `--news-epochs`: epochs on the news sentences alone after the others, at a lower rate.
# Tried and not shipped (docs/ner.md: a gain on the development and validation sets that
# the blind blocks did not confirm).
NEWS_LEARNING_RATE = 3e-4
NEWS_DOMAIN = "news"

CONFIGS = {
    "base": Config(),
    "wide": Config(hidden=200, bag_dim=48),
    "deep": Config(layers=2),
    "frozen": Config(tune_words=False),
    "nobag": Config(use_bag=False),
    "fast": Config(learning_rate=2e-3, batch_size=64),
}


class Data:
    """The arrays file, as numpy arrays, with per-sentence slicing."""

    def __init__(self, path: Path):
        with np.load(path) as arrays:
            self.arrays = {name: arrays[name] for name in arrays.files}
        a = self.arrays
        self.offsets = a["sentence_offsets"]
        self.labels = bytes(a["label_names"]).decode("utf-8").split("\n")
        self.n_labels = len(self.labels)
        self.domains = bytes(a["domain_names"]).decode("utf-8").split("\n")
        self.n_domains = len(self.domains)
        self.sentences = len(self.offsets) - 1

    def batch(self, indices: np.ndarray, device: torch.device) -> dict[str, torch.Tensor]:
        batch, token_rows, mask = input_batch(self.arrays, self.offsets, indices, device)
        labels = np.zeros(mask.shape, dtype=np.int64)
        labels[mask] = self.arrays["labels"][token_rows]
        batch["domains"] = torch.from_numpy(self.arrays["domains"][indices].astype(np.int64)).to(device)
        batch["labels"] = torch.from_numpy(labels).to(device)
        return batch


class Unlabelled:
    """The language-model arrays (`ner_neural.export_unlabelled`): news sentences in the
    labelled arrays' vocabularies, each token's target the class of its word."""

    def __init__(self, path: Path):
        with np.load(path) as arrays:
            self.arrays = {name: arrays[name] for name in arrays.files}
        self.offsets = self.arrays["sentence_offsets"]
        self.sentences = len(self.offsets) - 1
        self.n_targets = int(self.arrays["target_count"])

    def batch(self, indices: np.ndarray, device: torch.device) -> dict[str, torch.Tensor]:
        batch, token_rows, mask = input_batch(self.arrays, self.offsets, indices, device)
        targets = np.full(mask.shape, IGNORED, dtype=np.int64)
        targets[mask] = self.arrays["targets"][token_rows]
        batch["domains"] = torch.zeros(len(indices), dtype=torch.int64, device=device)  # news
        batch["targets"] = torch.from_numpy(targets).to(device)
        return batch


def input_batch(
    arrays: dict[str, np.ndarray], offsets: np.ndarray, indices: np.ndarray, device: torch.device
) -> tuple[dict[str, torch.Tensor], np.ndarray, np.ndarray]:
    """The network's inputs for some sentences; also their token rows and padding mask."""
    spans = [(int(offsets[i]), int(offsets[i + 1])) for i in indices]
    lengths = np.array([end - start for start, end in spans])
    token_rows = np.concatenate([np.arange(start, end) for start, end in spans])
    bag_offsets = arrays["bag_offsets"]
    bag_parts = [arrays["bag"][bag_offsets[t] : bag_offsets[t + 1]] for t in token_rows]
    bag_lengths = np.array([len(p) for p in bag_parts])
    mask = np.arange(int(lengths.max()))[None, :] < lengths[:, None]

    def tensor(array: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(np.ascontiguousarray(array)).to(device)

    batch = {
        "words": tensor(arrays["words"][token_rows].astype(np.int64)),
        "chars": tensor(arrays["chars"][token_rows].astype(np.int64)),
        "bag": tensor(np.concatenate(bag_parts).astype(np.int64)),
        "bag_offsets": tensor(np.concatenate([[0], np.cumsum(bag_lengths)[:-1]]).astype(np.int64)),
        "mask": tensor(mask),
        "lengths": torch.from_numpy(lengths),
    }
    return batch, token_rows, mask


class Tagger(nn.Module):
    def __init__(
        self, config: Config, vectors: np.ndarray, n_chars: int, n_bag: int, n_domains: int, n_labels: int
    ):
        super().__init__()
        self.config = config
        self.word_embedding = nn.Embedding.from_pretrained(
            torch.from_numpy(vectors), freeze=not config.tune_words
        )
        self.char_embedding = nn.Embedding(n_chars, config.char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(
            config.char_dim, config.char_filters, config.char_width, padding=config.char_width // 2
        )
        self.bag_embedding = nn.EmbeddingBag(n_bag, config.bag_dim, mode="sum")
        nn.init.normal_(self.bag_embedding.weight, std=0.05)
        self.domain_embedding = nn.Embedding(n_domains, config.domain_dim)
        width = vectors.shape[1] + config.char_filters + config.bag_dim + config.domain_dim
        self.dropout = nn.Dropout(config.dropout)
        self.lstm = nn.LSTM(
            width, config.hidden, num_layers=config.layers, bidirectional=True, batch_first=True
        )
        self.out = nn.Linear(2 * config.hidden, n_labels)
        # Per-corpus output corrections, for every corpus but news (row 0, never used):
        # they take a corpus's own annotation habits, so the shared layer follows news.
        self.domain_out = nn.Parameter(torch.zeros(n_domains, n_labels, 2 * config.hidden))
        self.transitions = nn.Parameter(torch.zeros(n_labels, n_labels))
        self.start_transitions = nn.Parameter(torch.zeros(n_labels))
        self.end_transitions = nn.Parameter(torch.zeros(n_labels))

    def encode(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        """The BiLSTM's outputs (sentences, steps, 2 x hidden: forward, then backward)."""
        words = self.word_embedding(batch["words"])
        chars = self.char_embedding(batch["chars"]).transpose(1, 2)
        conv = self.char_conv(chars)
        char_mask = (batch["chars"] != 0).unsqueeze(1)
        char_vector = torch.tanh(conv.masked_fill(~char_mask, -1e4).max(dim=2).values)
        bag = self.bag_embedding(batch["bag"], batch["bag_offsets"])
        if not self.config.use_bag:
            bag = torch.zeros_like(bag)
        flat = torch.cat([words, char_vector, bag], dim=1)
        mask = batch["mask"]
        batch_size, steps = mask.shape
        padded = flat.new_zeros(batch_size, steps, flat.shape[1])
        padded[mask] = flat
        domains = self.domain_embedding(batch["domains"])[:, None, :].expand(batch_size, steps, -1)
        inputs = self.dropout(torch.cat([padded, domains], dim=2))
        packed = nn.utils.rnn.pack_padded_sequence(
            inputs, batch["lengths"], batch_first=True, enforce_sorted=False
        )
        encoded, _ = self.lstm(packed)
        encoded, _ = nn.utils.rnn.pad_packed_sequence(encoded, batch_first=True, total_length=steps)
        return self.dropout(encoded)

    def emissions(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        encoded = self.encode(batch)
        scores = self.out(encoded)
        correction = self.domain_out[batch["domains"]]
        correction = correction * (batch["domains"] != 0).float()[:, None, None]
        return scores + torch.einsum("bth,blh->btl", encoded, correction)

    def loss(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        """Negative log-likelihood of the gold label sequences under the CRF."""
        scores = self.emissions(batch)
        labels, mask = batch["labels"], batch["mask"]
        maskf = mask.float()
        gold = self.start_transitions[labels[:, 0]] + scores[:, 0].gather(1, labels[:, :1]).squeeze(1)
        emitted = scores.gather(2, labels.unsqueeze(2)).squeeze(2)
        gold = gold + (emitted[:, 1:] * maskf[:, 1:]).sum(1)
        gold = gold + (self.transitions[labels[:, :-1], labels[:, 1:]] * maskf[:, 1:]).sum(1)
        last = labels.gather(1, (batch["lengths"].to(labels.device) - 1).unsqueeze(1)).squeeze(1)
        gold = gold + self.end_transitions[last]
        alpha = self.start_transitions + scores[:, 0]
        for step in range(1, scores.shape[1]):
            following = torch.logsumexp(
                alpha.unsqueeze(2) + self.transitions + scores[:, step].unsqueeze(1), dim=1
            )
            alpha = torch.where(mask[:, step].unsqueeze(1), following, alpha)
        partition = torch.logsumexp(alpha + self.end_transitions, dim=1)
        return (partition - gold).mean()

    @torch.no_grad()
    def decode(self, batch: dict[str, torch.Tensor]) -> list[list[int]]:
        scores = self.emissions(batch)
        mask = batch["mask"]
        best = self.start_transitions + scores[:, 0]
        pointers = []
        for step in range(1, scores.shape[1]):
            candidates = best.unsqueeze(2) + self.transitions
            values, indices = candidates.max(dim=1)
            pointers.append(indices)
            best = torch.where(mask[:, step].unsqueeze(1), values + scores[:, step], best)
        best = best + self.end_transitions
        paths = []
        lengths = batch["lengths"].tolist()
        pointers_cpu = [p.cpu() for p in pointers]
        last = best.argmax(dim=1).cpu()
        for row, length in enumerate(lengths):
            path = [int(last[row])]
            for step in range(length - 1, 0, -1):
                path.append(int(pointers_cpu[step - 1][row, path[-1]]))
            paths.append(path[::-1])
        return paths


# ---------------------------------------------------------------- scoring

ANERCORP = {"PERSON": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "MISC": "MISC"}


def spans(labels: list[int], names: list[str], scheme: dict[str, str] | None) -> set[tuple[int, int, str]]:
    found, start, kind = set(), -1, ""
    names = [names[i] for i in labels] + ["O"]
    for index, label in enumerate(names):
        if label.startswith("I-") and label[2:] == kind and start >= 0:
            continue
        if start >= 0:
            found.add((start, index, scheme.get(kind, kind) if scheme else kind))
            start, kind = -1, ""
        if label != "O":
            start, kind = index, label[2:]
    return found


def f1(
    gold: list[list[int]], predicted: list[list[int]], names: list[str], scheme: dict[str, str] | None
) -> float:
    correct = guessed = expected = 0
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = spans(g, names, scheme), spans(p, names, scheme)
        correct += len(gs & ps)
        guessed += len(ps)
        expected += len(gs)
    precision = correct / guessed if guessed else 0.0
    recall = correct / expected if expected else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ---------------------------------------------------------------- training


def build(config: Config, data: Data) -> Tagger:
    a = data.arrays
    return Tagger(
        config,
        a["word_vectors"].astype(np.float32),
        n_chars=len(bytes(a["vocab_chars"]).decode("utf-8").split("\n")),
        n_bag=len(bytes(a["vocab_bag"]).decode("utf-8").split("\n")),
        n_domains=data.n_domains,
        n_labels=data.n_labels,
    )


def batches(
    data: Data | Unlabelled, indices: np.ndarray, size: int, generator: np.random.Generator
) -> list[np.ndarray]:
    """Shuffled batches of sentences of similar length (less padding, faster steps)."""
    order = generator.permutation(indices)
    lengths = np.diff(data.offsets)[order]
    result = []
    chunk = size * 50
    for start in range(0, len(order), chunk):
        part = order[start : start + chunk]
        part = part[np.argsort(lengths[start : start + chunk], kind="stable")]
        result += [part[i : i + size] for i in range(0, len(part), size)]
    generator.shuffle(result)
    return result


def evaluate(model: Tagger, data: Data, indices: np.ndarray, device: torch.device) -> dict[str, float]:
    model.eval()
    gold, predicted = [], []
    for start in range(0, len(indices), 256):
        chunk = indices[start : start + 256]
        predicted += model.decode(data.batch(chunk, device))
        for i in chunk:
            gold.append(data.arrays["labels"][data.offsets[i] : data.offsets[i + 1]].tolist())
    model.train()
    return {
        "anercorp": f1(gold, predicted, data.labels, ANERCORP),
        "types": f1(gold, predicted, data.labels, None),
    }


def train(
    config: Config,
    data: Data,
    device: torch.device,
    epochs: int | None = None,
    with_validation: bool = False,
    budget: float = math.inf,
    initial: dict[str, torch.Tensor] | None = None,
    news_epochs: int = 0,
    log=print,
) -> tuple[Tagger, list[dict[str, float]]]:
    """Trains one network. With `epochs` None: until validation stops improving (keeps the
    best epoch's weights); else exactly `epochs`, on training + validation if asked.
    `budget` (seconds) stops training early, after the batch that overruns it. `initial`:
    the encoder's weights from `pretrain` (else it starts from the word vectors alone).
    Then `news_epochs` more on the news sentences alone, at `NEWS_LEARNING_RATE` (most
    training sentences are Wikipedia's; the shipped network has none, docs/ner.md)."""
    deadline = time.time() + budget
    torch.manual_seed(SEED)
    generator = np.random.default_rng(SEED)
    validation = data.arrays["validation"]
    everything = np.arange(data.sentences)
    train_ids = everything if with_validation else everything[~validation]
    valid_ids = everything[validation]
    # News sentences count NEWS_WEIGHT times: as repeated draws within an epoch.
    draws = np.repeat(train_ids, data.arrays["weights"].astype(np.int64)[train_ids])
    model = build(config, data).to(device)
    if initial is not None:
        model.load_state_dict(initial, strict=False)
    optimiser = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    history: list[dict[str, float]] = []
    best_score, best_state, waited = -1.0, None, 0
    for epoch in range(1, (epochs or config.max_epochs) + 1):
        started = time.time()
        total = run_epoch(model, optimiser, data, draws, config.batch_size, generator, device, deadline)
        record = {"epoch": epoch, "loss": total, "seconds": round(time.time() - started, 1)}
        if epochs is None:
            record.update(evaluate(model, data, valid_ids, device))
            score = (record["anercorp"] + record["types"]) / 2
            if score > best_score:
                best_score, waited = score, 0
                best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            else:
                waited += 1
        history.append(record)
        log(json.dumps(record))
        if (epochs is None and waited >= config.patience) or time.time() > deadline:
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    if news_epochs:
        news = train_ids[data.arrays["domains"][train_ids] == data.domains.index(NEWS_DOMAIN)]
        optimiser = torch.optim.Adam(model.parameters(), lr=NEWS_LEARNING_RATE)
    for epoch in range(1, news_epochs + 1):
        started = time.time()
        total = run_epoch(model, optimiser, data, news, config.batch_size, generator, device, deadline)
        record = {"news_epoch": epoch, "loss": total, "seconds": round(time.time() - started, 1)}
        if epochs is None:
            record.update(evaluate(model, data, valid_ids, device))
        history.append(record)
        log(json.dumps(record))
    return model, history


def run_epoch(
    model: Tagger,
    optimiser: torch.optim.Optimizer,
    data: Data,
    draws: np.ndarray,
    batch_size: int,
    generator: np.random.Generator,
    device: torch.device,
    deadline: float = math.inf,
) -> float:
    """One pass over `draws` (sentence indices) in shuffled batches; RETURNS the summed loss."""
    model.train()
    total = 0.0
    for chunk in batches(data, draws, batch_size, generator):
        loss = model.loss(data.batch(chunk, device))
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimiser.step()
        total += float(loss.detach())
        if time.time() > deadline:
            break
    return total


def pretrain(
    config: Config, data: Data, unlabelled: Unlabelled, device: torch.device, log=print
) -> dict[str, torch.Tensor]:
    """Trains the encoder as a bidirectional language model, one pass over `unlabelled`.

    The forward LSTM's state at a word predicts the next word's class, the backward one's
    the previous word's (`ner_neural.export_unlabelled` says what a class is). Labelled
    sentences are few (21k); reading 2.5M words of news first teaches the encoder what
    context says about a word before NER training starts from it (docs/ner.md).
    One LSTM layer only: in a deeper one each direction would read the other's outputs,
    which have seen the word it is to predict.
    RETURNS: the encoder's weights (embeddings, character CNN, LSTM), for `train(initial=)`.
    """
    if config.layers != 1:
        raise ValueError("pretraining needs a one-layer LSTM")
    torch.manual_seed(SEED)
    generator = np.random.default_rng(SEED)
    model = build(config, data).to(device)
    hidden = config.hidden
    heads = nn.ModuleDict(
        {direction: nn.Linear(hidden, unlabelled.n_targets) for direction in ("following", "preceding")}
    ).to(device)
    parameters = [*model.parameters(), *heads.parameters()]
    optimiser = torch.optim.Adam(parameters, lr=config.learning_rate)
    cross_entropy = nn.CrossEntropyLoss(ignore_index=IGNORED)
    model.train()
    total, window, started = 0.0, 0, time.time()
    everything = np.arange(unlabelled.sentences)
    chunks = batches(unlabelled, everything, PRETRAIN_BATCH_SIZE, generator)
    for number, chunk in enumerate(chunks, start=1):
        batch = unlabelled.batch(chunk, device)
        encoded, targets = model.encode(batch), batch["targets"]
        following = heads["following"](encoded[:, :-1, :hidden])
        preceding = heads["preceding"](encoded[:, 1:, hidden:])
        # A padding position reads nothing: it predicts no preceding word either.
        preceding_targets = targets[:, :-1].masked_fill(~batch["mask"][:, 1:], IGNORED)
        loss = cross_entropy(following.flatten(0, 1), targets[:, 1:].flatten()) + cross_entropy(
            preceding.flatten(0, 1), preceding_targets.flatten()
        )
        optimiser.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(parameters, 5.0)
        optimiser.step()
        total, window = total + float(loss.detach()), window + 1
        if number % PRETRAIN_LOG_EVERY == 0 or number == len(chunks):
            seconds = round(time.time() - started)
            progress = {"pretraining_batch": number, "of": len(chunks), "loss": total / window}
            log(json.dumps({**progress, "seconds": seconds}))
            total, window = 0.0, 0
    return {k: v.detach().clone() for k, v in model.state_dict().items() if not k.startswith(TASK_PARAMETERS)}


def export(model: Tagger, data: Data) -> dict[str, np.ndarray]:
    """The arrays `marsad.entities.neural.BiLstmCrf` reads."""
    state = {k: v.detach().float().cpu().numpy() for k, v in model.state_dict().items()}
    config = model.config
    arrays: dict[str, np.ndarray] = {
        "word_embedding": state["word_embedding.weight"].astype(np.float16),
        "char_embedding": state["char_embedding.weight"],
        "char_conv_w": state["char_conv.weight"],
        "char_conv_b": state["char_conv.bias"],
        "bag_embedding": (
            state["bag_embedding.weight"] if config.use_bag else state["bag_embedding.weight"] * 0
        ).astype(np.float16),
        "domain_embedding": state["domain_embedding.weight"],
        "out_w": state["out.weight"],
        "out_b": state["out.bias"],
        "transitions": state["transitions"],
        "start_transitions": state["start_transitions"],
        "end_transitions": state["end_transitions"],
        "vocab_words": data.arrays["vocab_words"],
        "vocab_chars": data.arrays["vocab_chars"],
        "vocab_bag": data.arrays["vocab_bag"],
        "labels": data.arrays["label_names"],
        "config": np.frombuffer(json.dumps(asdict(config)).encode(), dtype=np.uint8),
    }
    for layer in range(config.layers):
        for direction, suffix in (("f", ""), ("b", "_reverse")):
            for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                short = name.replace("weight", "w").replace("bias", "b")
                arrays[f"lstm{layer}_{short}_{direction}"] = state[f"lstm.{name}_l{layer}{suffix}"]
    return arrays


def sweep(
    name: str,
    arrays: Path,
    out: Path,
    device: torch.device,
    max_epochs: int | None = None,
    budget: float = math.inf,
    unlabelled: Path | None = None,
    news_epochs: int = 0,
) -> dict:
    """Trains configuration `name` with validation (pretrained first if `unlabelled` is
    given; then `news_epochs` on news alone, scored too); writes its scores and network."""
    data = Data(arrays)
    config = CONFIGS[name]
    if max_epochs:
        config = replace(config, max_epochs=max_epochs)
    started = time.time()
    initial = pretrain(config, data, Unlabelled(unlabelled), device) if unlabelled else None
    model, history = train(config, data, device, budget=budget, initial=initial, news_epochs=news_epochs)
    # The epoch count `final` takes: the best of the first phase.
    best = max((r for r in history if "epoch" in r), key=lambda r: (r["anercorp"] + r["types"]) / 2)
    result = {"config": name, "best": best, "history": history, "seconds": round(time.time() - started)}
    out.mkdir(parents=True, exist_ok=True)
    (out / f"sweep-{name}.json").write_text(json.dumps(result, indent=1))
    np.savez_compressed(out / f"sweep-{name}.npz", **export(model, data))
    return result


def final(
    arrays: Path, out: Path, device: torch.device, name: str | None = None, epochs: int | None = None,
    budget: float = math.inf, unlabelled: Path | None = None, news_epochs: int = 0,
) -> dict:  # fmt: skip
    """Trains the shipped network: the best swept configuration, on everything."""
    if name is None:
        results = [json.loads(p.read_text()) for p in sorted(out.glob("sweep-*.json"))]
        best = max(results, key=lambda r: (r["best"]["anercorp"] + r["best"]["types"]) / 2)
        name, epochs = best["config"], best["best"]["epoch"]
    data = Data(arrays)
    config = CONFIGS[name]
    initial = pretrain(config, data, Unlabelled(unlabelled), device) if unlabelled else None
    model, history = train(
        config, data, device, epochs=epochs, with_validation=True, budget=budget, initial=initial,
        news_epochs=news_epochs,
    )  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "ner-neural.npz", **export(model, data))
    return {"config": name, "epochs": epochs, "news_epochs": news_epochs, "trained_epochs": len(history)}


def holdout(
    name: str, arrays: Path, out: Path, device: torch.device, epochs: int, unlabelled: Path | None = None,
    news_epochs: int = 0,
) -> dict:  # fmt: skip
    """Trains configuration `name` for `epochs` on the sentences outside the arrays'
    held-out mask, without scoring those (see the module docstring)."""
    data = Data(arrays)
    config = CONFIGS[name]
    initial = pretrain(config, data, Unlabelled(unlabelled), device) if unlabelled else None
    model, history = train(config, data, device, epochs=epochs, initial=initial, news_epochs=news_epochs)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / f"holdout-{name}.npz", **export(model, data))
    return {"config": name, "epochs": epochs, "news_epochs": news_epochs, "trained_epochs": len(history)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("sweep", "final", "holdout"))
    parser.add_argument("config", nargs="?")
    parser.add_argument("--arrays", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--budget", type=float, default=math.inf, help="seconds of training at most")
    parser.add_argument("--unlabelled", type=Path, help="pretrain on these language-model arrays first")
    parser.add_argument("--news-epochs", type=int, default=0, help="then epochs on news alone")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    if args.command == "sweep":
        result = sweep(
            args.config, args.arrays, args.out, device, args.epochs, args.budget, args.unlabelled,
            args.news_epochs,
        )  # fmt: skip
        print(json.dumps(result["best"]))
    elif args.command == "holdout":
        if not args.config or not args.epochs:
            parser.error("holdout needs a CONFIG and --epochs")
        result = holdout(
            args.config, args.arrays, args.out, device, args.epochs, args.unlabelled, args.news_epochs
        )
        print(json.dumps(result))
    else:
        result = final(
            args.arrays, args.out, device, args.config, args.epochs, args.budget, args.unlabelled,
            news_epochs=args.news_epochs,
        )  # fmt: skip
        print(json.dumps(result))


if __name__ == "__main__":
    main()
