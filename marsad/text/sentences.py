"""Sentence splitting for Arabic news.

A sentence ends at a line break (headlines carry no full stop), or at a run of
`. ! ? ؟ …` (news copy uses `..` freely, often glued to the next word), taking along the
closing quotation marks and brackets that follow it. A full stop inside a short quotation
does not end the sentence that reports the quotation, so a quote stays with its speaker;
a full stop after a single letter (`د.`, `أ.ف.ب`) is an abbreviation.
"""

from __future__ import annotations

from marsad.document import Sentence, Token

_TERMINAL_CHARS = frozenset(".!?؟…")
_CLOSERS = frozenset(")]}»”")
_STRAIGHT_QUOTE = '"'
# A quotation longer than this is more likely an unclosed mark than one long quote.
MAX_QUOTE_LENGTH = 600


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Splits `text`, already tokenised into `tokens`, into sentences."""
    if not tokens:
        return []
    closing, quoted = _quotation_marks(text, tokens)
    sentences: list[Sentence] = []
    first = 0
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        if index > first and "\n" in text[tokens[index - 1].end : token.start]:
            sentences.append(Sentence(tokens[first].start, tokens[index - 1].end))
            first = index
        if index in closing and index > first and _is_terminal(tokens, index - 1):
            # "... النهاية." closes a quotation that ends its sentence.
            sentences.append(Sentence(tokens[first].start, token.end))
            first = index = index + 1
            continue
        if _is_terminal(tokens, index) and not quoted[index]:
            last = index
            while (
                last + 1 < count
                and _follows_closely(text, tokens, last)
                and (tokens[last + 1].text in _CLOSERS or (last + 1) in closing)
            ):
                last += 1
            sentences.append(Sentence(tokens[first].start, tokens[last].end))
            first = index = last + 1
            continue
        index += 1
    if first < count:
        sentences.append(Sentence(tokens[first].start, tokens[-1].end))
    return sentences


def _is_terminal(tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if token.kind != "punct" or not set(token.text) <= _TERMINAL_CHARS:
        return False
    if token.text == "." and index > 0:
        previous = tokens[index - 1]
        # د. or أ.ف.ب: a lone letter glued to the stop is an abbreviation.
        if previous.end == token.start and previous.kind in ("arabic", "latin") and len(previous.norm) == 1:
            return False
    return True


def _follows_closely(text: str, tokens: list[Token], index: int) -> bool:
    """True when the next token is on the same line (a closer cannot start a new line)."""
    return "\n" not in text[tokens[index].end : tokens[index + 1].start]


def _quotation_marks(text: str, tokens: list[Token]) -> tuple[set[int], list[bool]]:
    """Finds closing quotation marks and the tokens inside short quotations.

    Straight quotes pair up in order within a paragraph; an odd one out is left unpaired.
    RETURNS (tuple): indices of closing marks, and per token whether it is inside a quotation.
    """
    closing: set[int] = set()
    quoted = [False] * len(tokens)
    paragraph_start = 0
    for index in range(1, len(tokens) + 1):
        if index == len(tokens) or "\n" in text[tokens[index - 1].end : tokens[index].start]:
            _pair_in_paragraph(tokens, paragraph_start, index, closing, quoted)
            paragraph_start = index
    return closing, quoted


def _pair_in_paragraph(
    tokens: list[Token], start: int, end: int, closing: set[int], quoted: list[bool]
) -> None:
    pairs: list[tuple[int, int]] = []
    straight = [i for i in range(start, end) if tokens[i].text == _STRAIGHT_QUOTE]
    pairs.extend(zip(straight[0::2], straight[1::2], strict=False))
    stack: list[int] = []
    for i in range(start, end):
        mark = tokens[i].text
        if mark in ("«", "“"):
            stack.append(i)
        elif mark in ("»", "”") and stack:
            pairs.append((stack.pop(), i))
    for opener, closer in pairs:
        closing.add(closer)
        if tokens[closer].end - tokens[opener].start <= MAX_QUOTE_LENGTH:
            for i in range(opener + 1, closer):
                quoted[i] = True
