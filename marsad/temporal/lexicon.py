"""The temporal and numeric lexicons, read once from `marsad/temporal/data/*.tsv`.

Every entry is normalised with the text layer's rules when it is read, so the patterns
built from it match `marsad.text.normalize(text)` whatever spelling (hamza, ta marbuta,
alef maqsura, diacritics) the article used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad import resources
from marsad.text import normalize_word


def _rows(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each non-comment line of a lexicon file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of normalised words, longest first so that the longest wins.

    A space inside an entry matches any run of white space in the text.
    """
    unique = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in unique)


@dataclass(frozen=True)
class UnitEntry:
    unit: str
    count: int | None


@dataclass(frozen=True)
class Lexicon:
    """All word lists of the temporal stage, normalised, keyed by normalised form."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    shifts: dict[str, int]  # الماضي -> -1, المقبل -> 1, الجاري -> 0
    day_words: dict[str, int]  # أمس -> -1
    parts_of_day: dict[str, str]  # ظهر -> noon
    edges: dict[str, str]  # مطلع -> start
    time_units: dict[str, tuple[str, int, str]]  # أيام -> ("day", 1, "plural"), يومين -> ("day", 2, "dual")
    number_words: dict[str, tuple[float, str]]  # خمسة -> (5, "one")
    units: dict[str, UnitEntry]
    count_nouns: dict[str, str]  # قتلى -> killed
    count_triggers: dict[str, str]  # مقتل -> killed
    count_followers: dict[str, str]  # (12 شخصا) لقوا حتفهم -> killed
    count_exact: dict[str, str]  # أسر -> arrested, only as written (not أسرهم)
    blockers: frozenset[str]
    function_words: frozenset[str]  # في, منهم: not a counted noun after a number
    among_words: frozenset[str]  # بينهم: a count that shares the kind of the one before
    clause_words: frozenset[str]  # إن, فيما: a new clause starts
    general_words: frozenset[str]  # الأمين (العام): العام is "general" after these
    future_words: frozenset[str]  # سوف, المقرر
    past_verbs: frozenset[str]  # بدأت, كان: the nearest tense cue before a date is past
    prepositions: frozenset[str]  # في, خلال: before a bare month name
    duration_words: frozenset[str]  # لمدة, استمرت: before a bare time unit
    amount_words: frozenset[str]  # بلغ: a bare four-digit number after them is no year
    year_prepositions: frozenset[str]  # في, من, بين: a bare four-digit number after them is a year
    day_ordinals: dict[str, int]  # العاشر -> 10
    hour_ordinals: dict[str, int]  # العاشرة -> 10

    @classmethod
    def from_directory(cls, directory: Path) -> Lexicon:
        months: dict[str, int] = {}
        ambiguous: set[str] = set()
        for name, month, _family, *flags in _rows(directory / "months.tsv"):
            months[normalize_word(name)] = int(month)
            if "ambiguous" in flags:
                ambiguous.add(normalize_word(name))
        hijri = {normalize_word(name): int(month) for name, month in _rows(directory / "hijri_months.tsv")}
        weekdays = {normalize_word(name): int(day) for name, day in _rows(directory / "weekdays.tsv")}
        shifts: dict[str, int] = {}
        day_words: dict[str, int] = {}
        parts: dict[str, str] = {}
        edges: dict[str, str] = {}
        general: set[str] = set()
        future: set[str] = set()
        past_verbs: set[str] = set()
        prepositions: set[str] = set()
        duration_words: set[str] = set()
        amount_words: set[str] = set()
        year_prepositions: set[str] = set()
        for kind, word, *rest in _rows(directory / "relative.tsv"):
            key = normalize_word(word)
            value = rest[0] if rest else ""
            if kind in ("past", "next", "current"):
                shifts[key] = int(value)
            elif kind == "day":
                day_words[key] = int(value)
            elif kind == "part":
                parts[key] = value
            elif kind == "edge":
                edges[key] = value
            elif kind == "general":
                general.add(key)
            elif kind == "future":
                future.add(key)
            elif kind == "pastverb":
                past_verbs.add(key)
            elif kind == "prep":
                prepositions.add(key)
            elif kind == "for":
                duration_words.add(key)
            elif kind == "amount":
                amount_words.add(key)
            elif kind == "yearprep":
                year_prepositions.add(key)
        day_ordinals: dict[str, int] = {}
        hour_ordinals: dict[str, int] = {}
        for kind, word, value in _rows(directory / "ordinals.tsv"):
            (day_ordinals if kind == "day" else hour_ordinals)[normalize_word(word)] = int(value)
        time_units = {
            normalize_word(word): (unit, int(count), form)
            for word, unit, count, form in _rows(directory / "units_time.tsv")
        }
        numbers = {
            normalize_word(word): (float(value) if "." in value else int(value), kind)
            for word, value, kind in _rows(directory / "numbers.tsv")
        }
        units: dict[str, UnitEntry] = {}
        for word, unit, *rest in _rows(directory / "units.tsv"):
            count = int(rest[0]) if rest and rest[0] else None
            units[normalize_word(word)] = UnitEntry(unit, count)
        count_nouns: dict[str, str] = {}
        count_triggers: dict[str, str] = {}
        count_followers: dict[str, str] = {}
        count_exact: dict[str, str] = {}
        tables = {
            "noun": count_nouns,
            "trigger": count_triggers,
            "after": count_followers,
            "exact": count_exact,
        }
        for kind, word, count_kind in _rows(directory / "counts.tsv"):
            tables[kind][normalize_word(word)] = count_kind
        blockers = frozenset(normalize_word(row[0]) for row in _rows(directory / "blockers.tsv"))
        function_rows = list(_rows(directory / "function_words.tsv"))
        function_words = frozenset(normalize_word(row[0]) for row in function_rows)
        among_words = frozenset(normalize_word(row[0]) for row in function_rows if row[1:] == ["among"])
        clause_words = frozenset(normalize_word(row[0]) for row in function_rows if row[1:] == ["clause"])
        return cls(
            months, frozenset(ambiguous), hijri, weekdays, shifts, day_words, parts, edges,
            time_units, numbers, units, count_nouns, count_triggers, count_followers, count_exact, blockers,
            function_words, among_words, clause_words,
            frozenset(general), frozenset(future), frozenset(past_verbs), frozenset(prepositions),
            frozenset(duration_words), frozenset(amount_words), frozenset(prepositions | year_prepositions),
            day_ordinals, hour_ordinals,
        )  # fmt: skip


def lexicon() -> Lexicon:
    """The shipped lexicon (loaded once per process through `marsad.resources`)."""
    return resources.temporal_lexicon()
