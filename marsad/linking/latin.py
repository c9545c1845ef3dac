"""Latin names: attested spellings first, readable rules last.

An analyst searches for "Masoud Barzani", not "Mas'ud al-Barzani", so Latin names come
from attested spellings wherever they exist: the registry's own Latin name for a linked
entity (English exonyms for places: الموصل -> Mosul), then whole-name and name-unit
spellings attested in Wikidata (shipped in the registry's `names` table, built from the
`arabic-name-romanizer` package's index). Only a unit nobody has spelled is romanised by
rule, in the loose style of English-language news (al-Ghaban, not al-Ġabbān): short
vowels are not written in Arabic and are guessed as "a".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from marsad.linking.geocode import adjective_country
from marsad.linking.match import ARTICLE, loose_key, name_key

# Words that form one name unit with the word after them (عبد الرحمن, أبو بكر, بن علي).
_PARTICLES = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ال", "ذو", "ذي"})
# Words that form one unit with the word before them (سيف الدين, عبد الله).
_SUFFIX_PARTICLES = frozenset({"الله", "الدين"})

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}  # fmt: skip
_SILENT = frozenset("عءئؤ")


def _romanize_word(word: str) -> str:
    """Romanises one normalised Arabic word by rule (lower case, no article)."""
    out: list[str] = []  # segments; vowels are "a", "u", "i"
    previous_consonant = False
    for position, char in enumerate(word):
        last = position == len(word) - 1
        following = word[position + 1] if not last else ""
        if char == "ا":
            out.append("a")
            previous_consonant = False
        elif char == "و":
            if previous_consonant or (position > 0 and not following):
                out.append("w" if following == "ا" else "u")
                previous_consonant = following == "ا"
            else:
                out.append("w")
                previous_consonant = True
        elif char == "ي":
            if position == 0 or following == "ا" or (following in "و" and following):
                out.append("y")
                previous_consonant = True
            else:
                out.append("i")
                previous_consonant = False
        elif char == "ه" and last and position > 0:
            out.append("a")  # ta marbuta, normalised to ha
            previous_consonant = False
        elif char in _SILENT:
            # ayn and hamza carry a vowel English spellings write as "a" (علي Ali, سعيد Said).
            if following != "ا" and (position == 0 or previous_consonant):
                out.append("a")
            previous_consonant = False
        elif char in _CONSONANTS:
            consonant = _CONSONANTS[char]
            if previous_consonant and (len(out) == 1 or last or (len(out) >= 2 and out[-2] not in "aui")):
                out.append("a")
            out.append(consonant)
            previous_consonant = True
        else:
            out.append(char)
            previous_consonant = False
    return "".join(out)


def romanize_rules(name: str) -> str:
    """Romanises a name by rule: `الغبان` -> `Al-Ghaban`, `كركوك` -> `Karkuk`."""
    words = []
    for word in name_key(name).split():
        if word.startswith(ARTICLE) and len(word) > 3:
            words.append("al-" + _romanize_word(word[2:]).capitalize())
        else:
            words.append(_romanize_word(word).capitalize())
    return _style(" ".join(words))


def _style(latin: str) -> str:
    """English-press style: a capital first letter, `al-` in lower case inside a name."""
    words = latin.split()
    styled = []
    for index, word in enumerate(words):
        lowered = word.lower()
        if lowered.startswith(("al-", "el-")) and len(word) > 3:
            head, rest = word[:3], word[3:]
            word = (head.capitalize() if index == 0 else head.lower()) + rest[:1].upper() + rest[1:]
        styled.append(word)
    return " ".join(styled)


def name_units(key: str) -> list[str]:
    """Splits a normalised name into units, joining particles to their neighbours."""
    words = key.split()
    units: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        # A particle joins the next word, unless that is a particle too (بن + عبد العزيز).
        if word in _PARTICLES and index + 1 < len(words) and words[index + 1] not in _PARTICLES:
            units.append(f"{word} {words[index + 1]}")
            index += 2
            continue
        if word in _SUFFIX_PARTICLES and units:
            units[-1] = f"{units[-1]} {word}"
        else:
            units.append(word)
        index += 1
    return units


class Romanizer:
    """Turns Arabic names into Latin ones from attested spellings, falling back on rules.

    full (Callable[[str], str | None]): whole-name spelling for a `name_key`, or None.
    unit (Callable[[str], str | None]): spelling of one name unit, or None.
    """

    def __init__(self, full: Callable[[str], str | None], unit: Callable[[str], str | None]):
        self._full = full
        self._unit = unit

    def person(self, name: str) -> str:
        """The Latin name of a person: `مسعود البارزاني` -> `Masoud Barzani`."""
        key = name_key(name)
        if not key:
            return name
        words = key.split()
        without_articles = " ".join(
            [words[0]] + [w[2:] if w.startswith(ARTICLE) and len(w) > 4 else w for w in words[1:]]
        )
        for candidate in (key, without_articles):
            latin = self._full(candidate)
            if latin:
                return _style(latin)
        return _style(" ".join(self._unit_latin(unit) for unit in name_units(key)))

    def _unit_latin(self, unit: str) -> str:
        latin = self._unit(unit)
        if latin:
            return latin
        if unit.startswith(ARTICLE) and len(unit) > 4:
            latin = self._unit(unit[2:])
            if latin:
                return "al-" + latin
        if " " in unit:
            return " ".join(self._unit_latin(part) for part in unit.split())
        if all("\u0600" <= char <= "\u06ff" for char in unit):
            return romanize_rules(unit)
        return unit

    def generic(self, name: str) -> str:
        """The Latin form of an organisation, place or other name nobody has spelled."""
        if not any("\u0600" <= char <= "\u06ff" for char in name):
            return name
        return romanize_rules(name)


_PLURAL_SWAPS = (("يين", "يون"), ("يون", "يين"), ("ين", "ون"), ("ون", "ين"))


class Peoples:
    """English names of peoples, religions and groups (NORP entities), from
    `data/peoples.tsv`: listed names (`الأكراد` -> Kurds), and peoples named by a
    nationality adjective through its country (`العراقيين` -> IQ -> Iraqis)."""

    def __init__(self, names: dict[str, str], countries: dict[str, str]):
        self.names = names
        self.countries = countries

    @classmethod
    def from_file(cls, path: Path) -> Peoples:
        names: dict[str, str] = {}
        countries: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, form, english = line.split("\t")[:3]
            if kind == "country":
                countries[form] = english
            else:
                names[loose_key(form)] = english
        return cls(names, countries)

    def _listed(self, key: str) -> str | None:
        variants = [key] + [key[: -len(a)] + b for a, b in _PLURAL_SWAPS if key.endswith(a)]
        return next((self.names[v] for v in variants if v in self.names), None)

    def latin(self, name: str, demonyms: dict[str, str]) -> str | None:
        """The English name of the people `name` names, or None.

        demonyms: nationality adjective key -> country (`Registry.demonyms`).
        """
        key = loose_key(name)
        listed = self._listed(key)
        if listed is not None:
            return listed
        country = adjective_country(key, demonyms) if " " not in key else None
        return self.countries.get(country) if country else None
