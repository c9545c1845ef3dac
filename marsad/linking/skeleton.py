"""Consonant skeletons: one key for the Arabic and the Latin spellings of a place name.

Foreign and local names reach Arabic news in several spellings (ننكرهار / ننغرهار for
Nangarhar, بوغوتا / بوجوتا for Bogota, خانيونس / خان يونس) and gazetteers often hold a place
only under its Latin name (Khānaqīn, Aş Şalīf). What the spellings share is their
consonants: the skeleton drops the article (ال, al-/el-/as-/ash-...), long vowels,
hamza and ayn, folds the letters that transliteration confuses into one class (ك ق غ ج
خ and k q g j c kh gh; س ص ش and s sh ch; ت ط ث and t th; د ض ذ and d dh), drops a
word-final ta marbuta or h, and joins the words. Arabic خانقين and Latin Khanaqin both
become `knkn`.

A skeleton is lossy by design, so it is only ever used as a last resort and under
strict conditions (see `marsad.linking.stage`): exact equality, a minimum length, and
places in the countries the article is about. At build time it also checks that an
Arabic alias a gazetteer gives agrees with the place's Latin name (`agrees`), which
keeps wrong alternate names (a bare السوق for Sūq Şirwāḩ) out of the registry.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from marsad.linking.match import name_key

# Arabic letters (after the shipped normalisation: hamza forms -> ا, ى -> ي, ة -> ه) and
# the Persian/Urdu letters foreign names sometimes keep, to their consonant class.
_ARABIC_CLASS = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "k", "چ": "s", "ژ": "k", "ح": "h",
    "خ": "k", "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ش": "s",
    "ص": "s", "غ": "k", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h",
}  # fmt: skip
# English words a gazetteer adds to a Latin name that no Arabic spelling renders (Al Ain City).
_LATIN_GENERIC = frozenset({"city", "town"})
# Letters of Latin names after ASCII folding, and the digraphs read first.
_LATIN_DIGRAPHS = (("tch", "s"), ("kh", "k"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("th", "t"),
                   ("dh", "d"), ("ph", "f"), ("zh", "k"), ("ck", "k"), ("ts", "s"), ("dj", "k"))  # fmt: skip
_LATIN_CLASS = {
    "b": "b", "p": "b", "t": "t", "d": "d", "k": "k", "q": "k", "g": "k", "j": "k", "c": "k",
    "s": "s", "z": "z", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n", "r": "r", "h": "h",
    "x": "k",
}  # fmt: skip
# Latin renderings of the Arabic article, as separate words (Ra's al 'Ayn, As Salt).
_LATIN_ARTICLES = frozenset(
    {"al", "el", "ar", "as", "ash", "at", "ad", "adh", "az", "an", "ath", "ed", "es", "er", "et", "en", "ez"}
)  # fmt: skip
_ARABIC_ARTICLE = "ال"
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Arabic تش is the usual rendering of ch (تشيبوك Chibok): one sound, one class.
_ARABIC_CLUSTERS = (("تش", "ش"), ("دج", "ج"))
# Vowel letters in the readings that `close` compares: Arabic long vowels, Latin vowels.
_ARABIC_VOWELS = {"ا": "a", "و": "u", "ي": "i"}
_LATIN_VOWELS = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u", "w": "u"}
# How alike (rapidfuzz ratio, 0-100) the vowelled readings of an Arabic name and a Latin
# name must be for a skeleton match to stand (`close`): أفريقيا and Evreux share the
# skeleton frk, but not their vowels.
READING_AGREEMENT = 85.0
# Skeletons shorter than this match too much to be used on their own.
MIN_LENGTH = 3
# How alike (rapidfuzz ratio of the skeletons, 0-100) an alias and a Latin name must be
# for the alias to be believed (`agrees`); skeletons this short must be equal (موسكو is
# not Mesquite, though msk and mskt differ by one letter).
AGREEMENT = 80.0
EXACT_UP_TO = 4


def _squeeze(letters: str) -> str:
    """Runs of one class collapse (Jalawla's ll, doubled shadda letters) and a final h goes."""
    out: list[str] = []
    for letter in letters:
        if not out or out[-1] != letter:
            out.append(letter)
    word = "".join(out)
    return word[:-1] if len(word) > 1 and word.endswith("h") else word


def _arabic_words(name: str) -> list[str]:
    """The words of an Arabic name without the article, letter clusters read as one sound."""
    words = []
    for word in name_key(name).split():
        if word.startswith(_ARABIC_ARTICLE) and len(word) > 3:
            word = word[2:]
        for cluster, letter in _ARABIC_CLUSTERS:
            word = word.replace(cluster, letter)
        words.append(word)
    return words


def _latin_sounds(name: str) -> list[str]:
    """The words of a Latin name with each digraph (kh, sh, ...) one upper-case letter."""
    words = []
    for word in _latin_words(name):
        for digraph, letter in _LATIN_DIGRAPHS:
            word = word.replace(digraph, letter.upper())
        # A soft c (Nice, Valencia) is s; every other c is k.
        words.append(re.sub(r"c(?=[eiy])", "S", word))
    return words


def arabic_skeleton(name: str) -> str:
    """The consonant skeleton of an Arabic name: `خانقين` -> `knkn`, `السلط` -> `slt`."""
    return "".join(
        _squeeze("".join(_ARABIC_CLASS.get(char, "") for char in word)) for word in _arabic_words(name)
    )


def latin_skeleton(name: str) -> str:
    """The consonant skeleton of a Latin name: `Khānaqīn` -> `knkn`, `As Salţ` -> `slt`."""
    return "".join(
        _squeeze("".join(char.lower() if char.isupper() else _LATIN_CLASS.get(char, "") for char in word))
        for word in _latin_sounds(name)
    )


def _latin_words(name: str) -> list[str]:
    """Lower-case ASCII words of a Latin name, without generic words and article words."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^a-z]+", folded) if w and w not in _LATIN_GENERIC]
    if len(words) > 1:
        words = [w for i, w in enumerate(words) if not (w in _LATIN_ARTICLES and i < len(words) - 1)]
    return words


def arabic_reading(name: str) -> str:
    """The skeleton's letters with the long vowels kept: `تشيبوك` -> `sibuk`."""
    words = []
    for word in _arabic_words(name):
        letters = [_ARABIC_CLASS.get(char) or _ARABIC_VOWELS.get(char, "") for char in word]
        if word.endswith("ه"):
            letters[-1] = "a"
        words.append("".join(letters))
    return "".join(words)


def latin_reading(name: str) -> str:
    """A Latin name in the same letters as `arabic_reading`: `Chibok` -> `sibuk`."""
    words = []
    for word in _latin_sounds(name):
        letters = "".join(
            char.lower() if char.isupper() else _LATIN_CLASS.get(char) or _LATIN_VOWELS.get(char, "")
            for char in word
        )
        # A final h after a vowel is a ta marbuta (Samitah: صامطة).
        words.append(re.sub(r"(?<=[aiu])h$", "", re.sub(r"(.)\1+", r"\1", letters)))
    return "".join(words)


def reading_ratio(arabic: str, name: str) -> float:
    """How alike (0-100) an Arabic name and `name` (Arabic or Latin) read, vowels included."""
    reading = arabic_reading(name) if _ARABIC_LETTER.search(name) else latin_reading(name)
    return fuzz.ratio(arabic_reading(arabic), reading)


def close(arabic: str, name: str) -> bool:
    """Whether an Arabic name reads as `name` (Arabic or Latin), vowels included (see READING_AGREEMENT)."""
    return reading_ratio(arabic, name) >= READING_AGREEMENT


def agrees(arabic: str, latin_names: list[str]) -> bool:
    """Whether an Arabic spelling plausibly renders one of `latin_names`.

    A short skeleton must equal the Latin one; a longer one must be close to it.
    """
    arabic_key = arabic_skeleton(arabic)
    if not arabic_key:
        return False
    for latin in latin_names:
        latin_key = latin_skeleton(latin)
        if not latin_key:
            continue
        if min(len(arabic_key), len(latin_key)) <= EXACT_UP_TO:
            if arabic_key == latin_key:
                return True
        elif fuzz.ratio(arabic_key, latin_key) >= AGREEMENT:
            return True
    return False
