"""Matching normalisation of Arabic text, with a map back to the original offsets.

Search, lexicon look-ups and model features all compare normalised forms, but every
span Marsad reports must point into the original text. Each rule maps one character to
one character or deletes it (see `data/normalization.tsv`), so the map is a list of the
original index of each kept character and costs nothing when nothing was deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from marsad import resources

# From this length on, `Normalizer.text` maps by `str.replace` rather than `str.translate`.
_REPLACE_FROM_LENGTH = 48


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the index it came from.

    `origin` is None when no character was deleted: then indices are shared.
    """

    text: str
    origin: tuple[int, ...] | None
    source_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Maps a `[start, end)` span of the normalised text to the original text."""
        if self.origin is None:
            return start, end
        if start >= len(self.origin):
            return self.source_length, self.source_length
        original_start = self.origin[start]
        original_end = self.origin[end - 1] + 1 if end > start else original_start
        return original_start, original_end


class Normalizer:
    """Applies the rules of a normalisation table; build it with `from_file`."""

    def __init__(self, mapping: dict[int, str | None]):
        self._table = mapping
        self._mapping_only = {k: v for k, v in mapping.items() if v is not None}
        self._deletions_only = {k: v for k, v in mapping.items() if v is None}
        deleted = "".join(chr(k) for k, v in mapping.items() if v is None)
        self._deleted_run = re.compile(f"[{re.escape(deleted)}]+")
        # Running text is mapped by one `str.replace` per rule whose character occurs: for
        # non-ASCII text longer than a few words that is up to ten times faster than
        # `str.translate`, which looks each character up in the table (search snippets
        # normalise whole articles per query). It gives the same result only when no rule
        # maps to a character another rule rewrites.
        sources = {chr(code) for code in self._mapping_only}
        self._replacements: tuple[tuple[str, str], ...] | None = tuple(
            (chr(code), target) for code, target in self._mapping_only.items()
        )
        if any(char in sources for target in self._mapping_only.values() for char in target):
            self._replacements = None

    @classmethod
    def from_file(cls, path: Path) -> Normalizer:
        mapping: dict[int, str | None] = {}
        for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            source, target, *_ = [*line.split("\t"), "", ""]
            try:
                first, _, last = source.partition("..")
                low = int(first.removeprefix("U+"), 16)
                high = int(last.removeprefix("U+"), 16) if last else low
                value = chr(int(target.removeprefix("U+"), 16)) if target else None
            except ValueError as error:
                raise ValueError(f"{path}:{line_number}: bad rule {line!r}") from error
            for code_point in range(low, high + 1):
                mapping[code_point] = value
        return cls(mapping)

    def word(self, text: str) -> str:
        """Normalises a short string (a token, a lexicon entry) without an offset map."""
        return text.translate(self._table)

    def strip_marks(self, text: str) -> str:
        """Deletes marks (diacritics, tatweel, invisible characters) but keeps letters.

        The clitic analysis needs this lighter form: `أ` and `ا` must stay apart there,
        since the article ال is written with a bare alef and إلى, ألف are not ال + stem.
        Character for character, `strip_marks(x)` lines up with `word(x)`.
        """
        return text.translate(self._deletions_only)

    def _mapped(self, text: str) -> str:
        if self._replacements is None or len(text) < _REPLACE_FROM_LENGTH:
            return text.translate(self._mapping_only)
        for source, target in self._replacements:
            if source in text:
                text = text.replace(source, target)
        return text

    def text(self, text: str) -> Normalized:
        """Normalises running text and keeps the map back to `text`'s offsets."""
        mapped = self._mapped(text)
        pieces: list[str] = []
        origin: list[int] = []
        position = 0
        for run in self._deleted_run.finditer(mapped):
            pieces.append(mapped[position : run.start()])
            origin.extend(range(position, run.start()))
            position = run.end()
        if not pieces:
            return Normalized(mapped, None, len(text))
        pieces.append(mapped[position:])
        origin.extend(range(position, len(mapped)))
        return Normalized("".join(pieces), tuple(origin), len(text))


def normalize(text: str) -> Normalized:
    """Normalises running text with the shipped rules; see `Normalizer.text`."""
    return resources.normalizer().text(text)


def normalize_word(text: str) -> str:
    """Normalises a token or lexicon entry with the shipped rules; see `Normalizer.word`."""
    return resources.normalizer().word(text)
