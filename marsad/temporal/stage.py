"""The temporal stage: times, quantities and the publication estimate of a document."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Container, Iterator

from marsad.document import Document, Quantity, Sentence, TimeExpression, Token
from marsad.errors import MarsadError
from marsad.temporal.estimate import estimate_published
from marsad.temporal.extract import TemporalGrammar
from marsad.temporal.lexicon import Lexicon
from marsad.temporal.quantities import QuantityGrammar, Window
from marsad.temporal.resolve import resolve
from marsad.text import Normalized, normalize, normalize_word, tokenize

_IMPERFECT = ("ي", "ت", "ن", "ا")
_JOINED = re.compile(r"^\s*[,،]?\s*و?\s*$")


_NUMBER_RUN = re.compile(r"\d+(?:\s?[/.:\-]\s?\d+)*")


def _words(tokens: list[Token], normalized: Normalized, keys: Container[str]) -> Iterator[tuple[int, str]]:
    """(offset in the normalised text, normalised word) for each number and key-word token.

    A number token is extended over the separators that follow it (10/6/2014 is three
    tokens but one date to look for).
    """
    origin = normalized.origin
    text = normalized.text
    for token in tokens:
        if token.kind != "number" and (token.kind != "arabic" or token.norm not in keys):
            continue
        offset = token.start if origin is None else bisect.bisect_left(origin, token.start)
        if token.kind == "number":
            run = _NUMBER_RUN.match(text, offset)
            yield offset, run.group() if run else token.norm
        else:
            yield offset, token.norm


class TemporalExtractor:
    """Fills `times`, `quantities` and `published_estimate`; one per process (see resources)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.grammar = TemporalGrammar(lexicon)
        self.quantity_grammar = QuantityGrammar(lexicon, self.grammar.numbers)

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        tokens = doc.tokens or tokenize(text)
        starts = [token.start for token in tokens]
        normalized = normalize(text)
        try:
            published = dt.date.fromisoformat(doc.published) if doc.published else None
        except ValueError:
            raise MarsadError("E112", value=doc.published) from None

        windows = self.grammar.windows(normalized.text, _words(tokens, normalized, self.grammar.key_words))
        mentions = self.grammar.find(normalized.text, windows)
        spans = [self._widen(text, *normalized.to_original(m.start, m.end)) for m in mentions]
        future = [self._in_future(tokens, starts, doc.sentences, start) for start, _ in spans]
        times: list[TimeExpression] = []
        for mention, (start, end), in_future in zip(mentions, spans, future, strict=True):
            resolved = resolve(mention, published, future=in_future)
            times.append(
                TimeExpression(
                    start, end, text[start:end], resolved.value, resolved.grain,
                    resolved.earliest.isoformat() if resolved.earliest else None,
                    resolved.latest.isoformat() if resolved.latest else None,
                )
            )  # fmt: skip
        doc.times = times

        taken = bytearray(len(text) + 1)
        for time in times:
            taken[time.start : time.end] = b"\x01" * (time.end - time.start)
        for token in tokens:
            if token.kind == "url":
                taken[token.start : token.end] = b"\x01" * (token.end - token.start)
        quantities: list[Quantity] = []
        grammar = self.quantity_grammar
        for amount in grammar.find(normalized.text, windows.get("number", [])):
            start, end = self._widen(text, *normalized.to_original(amount.start, amount.end))
            if any(taken[start:end]):
                continue
            counted = False
            if amount.unit is None:
                index = bisect.bisect_left(starts, end)
                if index < len(tokens) and not taken[tokens[index].start]:
                    noun = tokens[index]
                    if grammar.counted_noun(noun, amount.approximate) and not text[end : noun.start].strip():
                        end, counted = noun.end, True
            kind = None
            if amount.unit in (None, "person", "family") and not counted:
                previous = quantities[-1] if quantities else None
                window = Window(
                    starts, start, end, amount.unit_word, previous.end if previous else 0,
                    previous.kind if previous else None, taken,
                )  # fmt: skip
                window.joined = previous is not None and bool(_JOINED.match(text[previous.end : start]))
                kind = grammar.kind(tokens, window)
            unit = amount.unit or ("person" if kind else None)
            quantities.append(
                Quantity(start, end, text[start:end], amount.value, unit, kind, amount.approximate)
            )
        doc.quantities = quantities

        if published is None:
            estimate = estimate_published(mentions, future)
            doc.published_estimate = estimate.to_dict() if estimate else None
        else:
            doc.published_estimate = None
        return doc

    @staticmethod
    def _widen(text: str, start: int, end: int) -> tuple[int, int]:
        """Takes in the marks written on a span's last letter (غداً, 1435 هـ), which
        normalisation deleted and so left outside the mapped span."""
        while end < len(text) and not text[end].isspace() and not normalize_word(text[end]):
            end += 1
        return start, end

    def _in_future(
        self, tokens: list[Token], starts: list[int], sentences: list[Sentence], start: int
    ) -> bool:
        """Whether the sentence holding `start` speaks of the future at that point.

        The nearest tense cue before the expression decides: a future one is the سـ prefix
        on an imperfect verb (سيعقد, وستزور) or a word such as سوف, المقرر, تبدأ; a past one
        a perfect verb such as بدأت, كان (data/relative.tsv, classes future and pastverb):
        in وتنتهي الهدنة التي بدأت في الثاني من أبريل the April is a past one.
        """
        sentence_start = 0
        for sentence in sentences:
            if sentence.start <= start < sentence.end:
                sentence_start = sentence.start
                break
        first = bisect.bisect_left(starts, sentence_start)
        last = bisect.bisect_left(starts, start)
        future_words, past_words = self.lexicon.future_words, self.lexicon.past_verbs
        for token in reversed(tokens[first:last]):
            if token.prefix.endswith("س") and token.stem.startswith(_IMPERFECT):
                return True
            if token.norm in future_words or token.stem in future_words:
                return True
            if token.norm in past_words or token.stem in past_words:
                return False
        return False
