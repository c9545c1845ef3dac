"""Which language a text is in: Arabic is told by its script, the rest by py3langid.

Arabic news is the case that matters and is decided by the share of Arabic-script letters
alone. Persian and Urdu share the script but use letters Arabic lacks (پ چ ژ گ ک ی ے);
when those are common, or the script is not Arabic at all, py3langid's model decides.
"""

from __future__ import annotations

import re

ARABIC = "ar"
UNDETERMINED = "und"

_ARABIC_SCRIPT_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")
_NON_ARABIC_LETTER_OF_SCRIPT = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06d2\u0679\u0688\u0691]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
# Markup and addresses are not language: a pasted page or a URL-heavy post would otherwise
# count its tag names and hosts as Latin-script words.
_NOT_LANGUAGE = re.compile(r"<[^<>]{0,500}>|(?:https?://|www\.)\S+")
# Arabic varieties a model may name; Marsad reads them all as Arabic.
ARABIC_VARIETIES = frozenset(
    {"ar", "arb", "ary", "arz", "apc", "ajp", "acm", "afb", "aeb", "arq", "ars", "ayl"}
)
# Share of letters that must be Arabic-script for the text to count as Arabic.
MIN_ARABIC_SHARE = 0.5
# Share of Arabic-script letters that are Persian/Urdu-only before we ask the model.
MAX_FOREIGN_LETTER_SHARE = 0.01
# Enough letters to say anything at all.
MIN_LETTERS = 3


def detect_language(text: str) -> str:
    """Returns an ISO 639-1 code, `ar` for Arabic, or `und` when there is too little text."""
    sample = _NOT_LANGUAGE.sub(" ", text[:20_000])
    letters = len(_ANY_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return UNDETERMINED
    arabic = len(_ARABIC_SCRIPT_LETTER.findall(sample))
    if arabic / letters >= MIN_ARABIC_SHARE:
        foreign = len(_NON_ARABIC_LETTER_OF_SCRIPT.findall(sample))
        if foreign / arabic <= MAX_FOREIGN_LETTER_SHARE:
            return ARABIC
    return _classify(sample)


def _classify(sample: str) -> str:
    import py3langid

    language, _score = py3langid.classify(sample)
    return ARABIC if language in ARABIC_VARIETIES else str(language)
