"""Arabic-aware keys for matching names against the registry.

Names reach the registry in many spellings: hamza or none (الإمارات / الامارات), final
ya or alef maqsura (نينوى / نينوي), ta marbuta or ha, with or without the article
(مسعود البارزاني / مسعود بارزاني), with a clitic still attached (وبغداد), and, from the
PETRARCH dictionary, in lemmatised form (وزارة_دفاع_أميركي_ for وزارة الدفاع الأمريكية).
Two keys absorb this: `name_key` (the shipped matching normalisation, punctuation
dropped, spaces collapsed), which every alias is indexed under, and `loose_key`, which
also drops the article from every word, one-letter words, and folds the feminine
adjective ending (عراقية -> عراقي), so that surface and lemmatised forms meet.
"""

from __future__ import annotations

import re

from marsad.text.normalize import normalize_word

_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
ARTICLE = "ال"
# Proclitics that may stay glued to a name in a mention (وبغداد, لكركوك, بالموصل).
_PROCLITICS = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ول", "وب", "فب", "ب", "ل", "و", "ف", "ك")


def name_key(text: str) -> str:
    """The exact-match key of a name: normalised letters, no punctuation, single spaces."""
    text = normalize_word(text.replace("_", " "))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def _loose_word(word: str) -> str:
    if word.startswith(ARTICLE) and len(word) > 4:
        word = word[2:]
    if word.endswith("يه") and len(word) > 4:
        word = word[:-1]
    return word


def loose_key(text: str) -> str:
    """A key that ignores the article, one-letter words and feminine adjective endings."""
    words = [_loose_word(word) for word in name_key(text).split() if len(word) > 1]
    return " ".join(words)


def clitic_variants(key: str) -> list[str]:
    """`key` with a leading proclitic removed from its first word, for mentions like وبغداد.

    RETURNS (list[str]): the variants, longest strip first, without `key` itself; a
        stripped form keeps at least three letters so that short names are not eaten.
    """
    first, _, rest = key.partition(" ")
    variants = []
    for clitic in _PROCLITICS:
        if first.startswith(clitic) and len(first) - len(clitic) >= 3:
            stem = first[len(clitic) :]
            if clitic.endswith(ARTICLE) or clitic == "لل":
                stem = ARTICLE + stem
            variants.append(f"{stem} {rest}".strip())
    return list(dict.fromkeys(variants))


# Letters that transliterations of one foreign sound alternate between (g: غ or ج, p: پ
# or ب, v: ڤ or ف), folded to one, and the vowel letters and hamza carriers dropped by
# `vowelless_key`.
_VARIANT_FOLDS = str.maketrans({"غ": "ج", "گ": "ج", "پ": "ب", "ڤ": "ف", "ک": "ك"})
_VOWEL_LETTERS = str.maketrans("", "", "اويءئؤ")


def vowelless_key(text: str) -> str:
    """A key that meets the transliteration variants of a foreign name.

    Arabic writes a foreign name's vowels as long-vowel letters or not at all (سيول /
    سول for Seoul, ماريلاند / ميريلاند, هيوستن / هيوستون), renders g as غ or ج
    (بيونغ يانغ / بيونج يانج) and may join or split its words (هونغ كونغ / هونغكونغ). The
    key drops the article of each word, a word-final ta marbuta or ha, the vowel letters
    and hamza, folds غ/ج, joins the words and squeezes doubled letters. It is lossy by
    design: the linker uses it only for big places (see `marsad.linking.stage`).
    """
    words = []
    for word in name_key(text).split():
        if word.startswith(ARTICLE) and len(word) > 4:
            word = word[2:]
        if word.endswith("ه") and len(word) > 3:
            word = word[:-1]
        words.append(word.translate(_VARIANT_FOLDS).translate(_VOWEL_LETTERS))
    squeezed: list[str] = []
    for letter in "".join(words):
        if not squeezed or squeezed[-1] != letter:
            squeezed.append(letter)
    return "".join(squeezed)
