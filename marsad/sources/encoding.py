"""Decoding article bytes: UTF-8 (with or without BOM), UTF-16 and Windows-1256, detected.

Arabic news still circulates in Windows-1256 and in UTF-16 exported from office tools.
The order of the checks matters: byte order marks are certain; UTF-16 without a mark
shows itself by its zero and 0x06 high bytes; strict UTF-8 almost never decodes text
that is not UTF-8; Windows-1256 decodes any byte, so its output must look like Arabic
prose before it is believed; anything else goes to charset-normalizer, whose answer must
look like prose too.
"""

from __future__ import annotations

import codecs
import unicodedata

from marsad.errors import MarsadError

_SAMPLE = 8192
# Bytes other than tab, newline, carriage return and form feed below 0x20.
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D}
MAX_CONTROL_SHARE = 0.02
MIN_PLAUSIBLE_SHARE = 0.9
MIN_ARABIC_SHARE_CP1256 = 0.5
# Unicode categories of punctuation and combining marks that ordinary prose is made of.
_PROSE_MARKS = frozenset(("Po", "Ps", "Pe", "Pd", "Pi", "Pf", "Mn"))


def decode_article_bytes(data: bytes) -> str:
    """Returns the text of `data`, or raises `MarsadError` E104/E105."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16)
    if _looks_binary(data):
        raise MarsadError("E104")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if _arabic_share(text) >= MIN_ARABIC_SHARE_CP1256 and _plausible(text):
        return text
    return _guess(data)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise MarsadError("E105") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 puts 0x00 (Latin, spaces, digits) or 0x06 (Arabic) in every high byte."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(data) % 2:
        return None
    high_le, high_be = sample[1::2], sample[0::2]
    for high, codec in ((high_le, "utf-16-le"), (high_be, "utf-16-be")):
        if high.count(0) and (high.count(0) + high.count(6)) / len(high) > 0.9:
            return codec
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls / max(len(sample), 1) > MAX_CONTROL_SHARE


def _arabic_share(text: str) -> float:
    letters = [c for c in text[:_SAMPLE] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _plausible(text: str) -> bool:
    """Prose is mostly letters, digits, spaces and ordinary punctuation."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    ordinary = sum(
        1
        for c in sample
        if c.isalnum() or c.isspace() or unicodedata.category(c) in ("Po", "Ps", "Pe", "Pd", "Mn")
    )
    return ordinary / len(sample) >= MIN_PLAUSIBLE_SHARE and any(c.isspace() for c in sample)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise MarsadError("E105")
    text = str(best)
    if not _plausible(text):
        raise MarsadError("E105")
    return text
