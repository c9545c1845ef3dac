"""Word tokenisation of Arabic news text, with clitic analysis of each Arabic word.

News copy glues punctuation to words (`من(داعش)`, `قوات"الحشد الشعبي"`, `/الثلاثاء/`,
`..وشددا`): every mark is its own token, and a run of full stops is one token. Tokens
keep exact offsets into the text they came from.
"""

from __future__ import annotations

import re

from marsad import resources
from marsad.document import Token

_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
_ARABIC_MARKS = "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200c\u200d"
_PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefc"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_LATIN = "A-Za-z\u00c0-\u024f"
# Invisible format characters separate nothing and are no token of their own.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad"

TOKEN_PATTERN = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s"'<>«»“”]+)
    |(?P<number>[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*)
    |(?P<arabic>[{_ARABIC_MARKS}]*[{_ARABIC_LETTERS}{_PRESENTATION_FORMS}][{_ARABIC_LETTERS}{_ARABIC_MARKS}{_PRESENTATION_FORMS}]*)
    |(?P<latin>[{_LATIN}]+(?:['’\-][{_LATIN}]+)*)
    |(?P<punct>\.{{2,}}|…+|[!?؟]+|[^\s{_INVISIBLE}])
    """,
    re.VERBOSE,
)


class Tokenizer:
    """Turns text into `Token`s; one instance is shared per process (see `resources`)."""

    def __init__(self) -> None:
        self._normalizer = resources.normalizer()
        self._analyzer = resources.clitic_analyzer()
        self._arabic_cache: dict[str, tuple[str, int, int, int, int]] = {}

    def __call__(self, text: str, offset: int = 0) -> list[Token]:
        """Tokenises `text`; `offset` is added to every position (for text inside a larger one)."""
        tokens: list[Token] = []
        append = tokens.append
        word = self._normalizer.word
        for match in TOKEN_PATTERN.finditer(text):
            kind = match.lastgroup or "punct"
            surface = match.group()
            start = match.start() + offset
            end = match.end() + offset
            if kind == "arabic":
                norm, prefix, suffix, stem_from, stem_to = self._arabic(surface)
                stem_end = len(norm) - suffix
                append(
                    Token(
                        start, end, surface, norm, kind, norm[:prefix], norm[prefix:stem_end],
                        norm[stem_end:], start + stem_from, start + stem_to,
                    )
                )  # fmt: skip
            else:
                norm = word(surface)
                append(Token(start, end, surface, norm, kind, "", norm, "", start, end))
        return tokens

    def _arabic(self, surface: str) -> tuple[str, int, int, int, int]:
        """Normalised form, clitic lengths and the stem's offsets within `surface`."""
        cached = self._arabic_cache.get(surface)
        if cached is not None:
            return cached
        normalizer = self._normalizer
        light = normalizer.strip_marks(surface)
        norm = normalizer.word(surface)
        split = self._analyzer.analyze(light, norm)
        if len(light) == len(surface):
            stem_from, stem_to = split.prefix, len(surface) - split.suffix
        else:
            kept = [i for i, char in enumerate(surface) if normalizer.strip_marks(char)]
            stem_from = kept[split.prefix] if split.prefix < len(kept) else len(surface)
            last_stem_letter = len(kept) - split.suffix - 1
            stem_to = kept[last_stem_letter] + 1 if last_stem_letter >= 0 else stem_from
            # Marks written on the stem's last letter belong to the stem.
            while stem_to < len(surface) and not normalizer.strip_marks(surface[stem_to]):
                stem_to += 1
        result = (norm, split.prefix, split.suffix, stem_from, stem_to)
        if len(self._arabic_cache) < 500_000:
            self._arabic_cache[surface] = result
        return result


def tokenize(text: str) -> list[Token]:
    """Tokenises `text` with the shared tokenizer; see `Tokenizer`."""
    return resources.tokenizer()(text)
