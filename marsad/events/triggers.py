"""Finding event triggers: Arabic verbs and verbal nouns, in every inflection and with clitics.

The lexicon (`data/triggers.tsv`) lists each verb by its past and present stems; this
module generates the person, number and mood forms from them (اتفق -> اتفقا، اتفقوا، يتفقان،
تتفق ...) so that a row covers a verb, not one spelling. A token matches when, after
peeling proclitics (و ف ب ل ك س and ال) and a suffixed pronoun, what is left is such a
form. A verb may carry و ف س but never ال or a preposition; a noun never carries س.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from marsad.document import Token
from marsad.events.plover import PloverMap
from marsad.text import normalize_word

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_ENCLITICS = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")
_PAST_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تن")
_PRESENT_PREFIXES = ("ي", "ت", "ن", "ا")
_PRESENT_SUFFIXES = ("", "ان", "ون", "ين", "ن", "وا", "ا")
# How many words after a trigger its NEEDS word may appear.
NEEDS_WINDOW = 20


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One row of the trigger lexicon."""

    pos: str  # "v" verb, "n" verbal noun, "p" participle/invariant
    lemma: str
    cameo: str
    plover: str
    mode: str | None
    needs: frozenset[str]
    args: tuple[str, ...]
    flags: frozenset[str]


@dataclass(frozen=True, slots=True)
class TokenForm:
    """A way of reading a token: which clitics were peeled off and what form is left."""

    form: str
    conjunction: str
    proclitic: str  # a preposition (ب ل ك), the future particle س, or ""
    article: bool
    enclitic: str


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    index: int  # token index
    entry: TriggerEntry
    reading: TokenForm


def verb_forms(past: str, present: str) -> set[str]:
    """Every inflected form of a verb from its normalised 3ms past and present stems."""
    forms: set[str] = set()
    weak_past = past[-1] in "يا"
    for suffix in _PAST_SUFFIXES:
        forms.add(past + suffix)
    if weak_past:
        base = past[:-1]
        forms.update({base + "ت", base + "تا", base + "وا", base + "يا", past + "ا"})
    stem = present[1:]
    weak_present = stem[-1] in "يوا"
    for prefix in _PRESENT_PREFIXES:
        for suffix in _PRESENT_SUFFIXES:
            forms.add(prefix + stem + suffix)
        if weak_present:
            forms.update({prefix + stem[:-1] + "ون", prefix + stem[:-1] + "وا", prefix + stem[:-1] + "ن"})
    return forms


def noun_forms(form: str) -> set[str]:
    """A verbal noun's singular with its construct, dual and accusative spellings."""
    forms = {form}
    if form.endswith("ه"):  # ة normalised: زياره, construct زيارت(ه), dual زيارتان
        base = form[:-1]
        forms.update({base + "ت", base + "تان", base + "تين", base + "تا", base + "تي"})
    elif not form.endswith("ات"):
        forms.update({form + "ا", form + "ان", form + "ين", form + "ي"})
    return forms


class TriggerLexicon:
    """The trigger lexicon, indexed by every form it generates."""

    def __init__(self, entries: Sequence[tuple[set[str], TriggerEntry]]):
        self._index: dict[str, list[TriggerEntry]] = {}
        self._cache: dict[tuple[str, bool], list[tuple[TokenForm, TriggerEntry]]] = {}
        for forms, entry in entries:
            for form in forms:
                bucket = self._index.setdefault(form, [])
                if entry not in bucket:
                    bucket.append(entry)

    @classmethod
    def from_file(cls, path: Path, plover_map: PloverMap) -> TriggerLexicon:
        entries: list[tuple[set[str], TriggerEntry]] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 8:
                raise ValueError(f"{path.name}:{number}: expected 8 tab-separated fields, got {len(fields)}")
            pos, raw_forms, cameo, plover, mode, needs, args, flags = fields
            forms = [normalize_word(f) for f in raw_forms.split("|")]
            if pos == "v":
                generated = verb_forms(forms[0], forms[1]) | set(forms[2:])
            elif pos == "n":
                generated = set().union(*(noun_forms(f) for f in forms))
            elif pos == "p":
                generated = set(forms)
            else:
                raise ValueError(f"{path.name}:{number}: unknown POS {pos!r}")
            plover_type = plover if plover != "-" else plover_map.plover_type(cameo)
            if plover_type is None:
                raise ValueError(f"{path.name}:{number}: CAMEO {cameo} has no PLOVER type")
            entry = TriggerEntry(
                pos=pos,
                lemma=forms[0],
                cameo=cameo,
                plover=plover_type,
                mode=None if mode == "-" else mode,
                needs=frozenset() if needs == "-" else frozenset(normalize_word(w) for w in needs.split(",")),
                args=()
                if args == "-"
                else tuple(normalize_word(a) if a != "obj" else a for a in args.split(",")),
                flags=frozenset() if flags == "-" else frozenset(flags.split(",")),
            )
            entries.append((generated, entry))
        return cls(entries)

    def lookup(self, form: str) -> list[TriggerEntry]:
        return self._index.get(form, [])

    def match(self, tokens: Sequence[Token], index: int) -> TriggerMatch | None:
        """The trigger the token at `index` is, if any: the first row whose form, clitics and NEEDS fit."""
        token = tokens[index]
        if token.kind != "arabic":
            return None
        for reading, entry in self._candidates(token.norm, token.text.endswith("ة")):
            if entry.needs and not _needs_met(tokens, index, entry.needs):
                continue
            if entry.pos == "v" and _adverbial(tokens, index, reading):
                continue
            return TriggerMatch(index, entry, reading)
        return None

    def _candidates(self, norm: str, taa_marbuta: bool) -> list[tuple[TokenForm, TriggerEntry]]:
        """The (reading, row) pairs whose form and clitics fit a word, in lexicon order;
        what is left to check depends on the context (NEEDS). Cached per word."""
        key = (norm, taa_marbuta)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: list[tuple[TokenForm, TriggerEntry]] = []
        for reading in readings(norm):
            if reading.enclitic == "ه" and taa_marbuta:
                continue  # ة, not the pronoun ه
            entries = self._index.get(reading.form, ())
            if reading.enclitic and any(e.pos == "n" for e in entries):
                # سيطرته، زيارته: a noun with a possessive, not a verb with an object.
                entries = [e for e in entries if e.pos == "n"]
            found.extend((reading, entry) for entry in entries if _clitics_fit(entry, reading))
        if len(self._cache) < 200_000:
            self._cache[key] = found
        return found


def _clitics_fit(entry: TriggerEntry, reading: TokenForm) -> bool:
    if entry.pos == "v":
        return not reading.article and reading.proclitic in ("", "س")
    if entry.pos == "p":
        return not reading.article and reading.proclitic == ""
    return reading.proclitic != "س"


def _adverbial(tokens: Sequence[Token], index: int, reading: TokenForm) -> bool:
    """رفضا لـ، احتجاجا على: an accusative verbal noun spelled like a dual verb."""
    if not reading.form.endswith("ا") or reading.enclitic or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return following.norm.startswith("ل") and following.norm not in ("لم", "لن", "لا")


def _needs_met(tokens: Sequence[Token], index: int, needs: frozenset[str]) -> bool:
    seen = 0
    for token in tokens[index + 1 :]:
        if token.kind == "punct" and token.text in ".،,؛;:!?؟":
            return False
        if token.kind == "punct":
            continue
        if any(reading.form in needs for reading in readings(token.norm)):
            return True
        seen += 1
        if seen >= NEEDS_WINDOW:
            return False
    return False


@functools.lru_cache(maxsize=200_000)
def readings(norm: str) -> tuple[TokenForm, ...]:
    """Every way of peeling clitics off a normalised word, the whole word first (cached:
    news vocabulary repeats, and every rule asks about the same words)."""
    return tuple(_readings(norm))


def _readings(norm: str) -> Iterator[TokenForm]:
    seen: set[tuple[str, str, str, bool, str]] = set()
    for conjunction in ("", *_CONJUNCTIONS):
        if conjunction and not norm.startswith(conjunction):
            continue
        rest1 = norm[len(conjunction) :]
        for proclitic in ("", *_PREPOSITIONS, "س"):
            if proclitic and not rest1.startswith(proclitic):
                continue
            rest2 = rest1[len(proclitic) :]
            for article in (False, True):
                if article:
                    if proclitic == "ل" and rest2.startswith("ل"):
                        rest3 = rest2[1:]  # لل = ل + ال
                    elif rest2.startswith("ال"):
                        rest3 = rest2[2:]
                    else:
                        continue
                else:
                    rest3 = rest2
                for enclitic in ("", *_ENCLITICS):
                    if enclitic and not rest3.endswith(enclitic):
                        continue
                    form = rest3[: len(rest3) - len(enclitic)] if enclitic else rest3
                    if len(form) < 2:
                        continue
                    key = (form, conjunction, proclitic, article, enclitic)
                    if key in seen:
                        continue
                    seen.add(key)
                    yield TokenForm(form, conjunction, proclitic, article, enclitic)


def find_triggers(
    tokens: Sequence[Token], lexicon: TriggerLexicon, *, skip: Sequence[bool]
) -> list[TriggerMatch]:
    """Every trigger in the tokens; `skip[i]` marks tokens inside an entity mention (الحشد الشعبي)."""
    matches: list[TriggerMatch] = []
    for index in range(len(tokens)):
        if skip[index]:
            continue
        match = lexicon.match(tokens, index)
        if match is not None:
            matches.append(match)
    return matches
