"""Quantities: an amount, what it is measured in, and for people counts what happened to them.

A quantity's span is the number phrase and, when one follows, its unit (405 كم, 5 ملايين
دولار, 30 في المئة, 12 شخصا, آلاف العائلات); hedges before it (نحو, أكثر من) are left out
and only mark nothing. A number whose unit is not in the lexicon is still a quantity,
with unit None and the bare number as its span (15 دولة -> 15).

People counts get a `kind` (killed, injured, arrested, displaced, kidnapped, missing)
from the counted noun itself (12 قتيلا) or from the nearest casualty word in the few
tokens before the number (مقتل 12 شخصا, ارتفعت حصيلة القتلى إلى 50) or just after it
(12 شخصا لقوا حتفهم). A count with a kind and no unit counts people (إصابة العشرات).

Not quantities: numbers inside a temporal expression (the caller removes those), labels
(القرار 2254, المادة 140, رقم 5, see data/blockers.tsv), ordinals written ال + digits
(الـ11), and numbers inside URLs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from marsad.document import Token
from marsad.temporal.lexicon import Lexicon, alternation
from marsad.temporal.numbers import NumberGrammar

_PRE = r"(?<!\w)(?:[وف]?[بلك]?)"
_LAST_WORD = re.compile(r"(\w+)\s*$")
_SCORE_BEFORE = re.compile(r"\d\s*-\s*$")
_SCORE_AFTER = re.compile(r"\s*-\s*\d")
_SHORT_AMBIGUOUS = frozenset({"ست", "سبع", "تسع"})
_WEAK_VAGUE = frozenset({"عده", "بضعه", "بضع"})  # "several": an amount only of people
_TRIGGER_WINDOW = 8
_FOLLOWER_WINDOW = 5
_CLAUSE_END = frozenset(".;:!?")


@dataclass(slots=True)
class Window:
    """Where a count sits in the document, for finding its kind (original offsets)."""

    starts: list[int]  # token starts, for bisecting
    start: int
    end: int
    unit_word: str | None
    floor: int  # where the previous count ended
    previous_kind: str | None  # that count's kind
    taken: bytearray  # 1 where a temporal expression is
    joined: bool = False  # only و (or a comma) between this count and the one before


@dataclass(slots=True)
class Amount:
    """A quantity found in normalised text (offsets into the normalised text)."""

    start: int
    end: int
    value: float | int
    unit: str | None
    unit_word: str | None
    approximate: bool


class QuantityGrammar:
    def __init__(self, lexicon: Lexicon, numbers: NumberGrammar):
        self.lexicon = lexicon
        self.numbers = numbers
        units = alternation(word for word in lexicon.units if word != "%")
        self._pattern = re.compile(
            rf"{_PRE}(?P<x>(?P<n>{numbers.phrase})"
            rf"(?:\s*(?P<pct>%)|\s+(?:من\s+)?(?P<unit>(?:ال)?(?:{units}))(?!\w))?)"
            rf"|(?P<y>%\s*(?P<n2>\d+(?:\.\d+)?))"
        )
        self._dual_people = re.compile(
            rf"{_PRE}(?P<x>(?P<unit>{alternation(w for w, e in lexicon.units.items() if e.count)}))(?!\w)"
        )

    def find(self, text: str, windows: list[tuple[int, int]] | None = None) -> list[Amount]:
        """Every amount in normalised `text`, labels excluded, in text order.

        windows: the stretches around digits and number words (`TemporalGrammar.windows`);
            the whole text when None.
        """
        amounts: list[Amount] = []
        matches = (
            match
            for start, end in (windows if windows is not None else [(0, len(text))])
            for match in self._pattern.finditer(text, start, end)
        )
        for match in matches:
            if match.group("y"):
                value = float(match.group("n2"))
                amounts.append(Amount(match.start("y"), match.end("y"), _whole(value), "%", "%", False))
                continue
            number = self.numbers.parse(match.group("n"))
            if number is None:
                continue
            unit_word = match.group("unit")
            unit = "%" if match.group("pct") else self._unit(unit_word)
            phrase = match.group("n").strip()
            if phrase in _WEAK_VAGUE and unit not in ("person", "family"):
                continue
            if self._is_label(text, match.start("x")):
                continue
            if _SCORE_BEFORE.search(
                text, max(0, match.start("x") - 4), match.start("x")
            ) or _SCORE_AFTER.match(text, match.end("n")):
                continue  # 4-1, 2 - 2: a score or a range of numbers, not an amount
            if text[max(0, match.start("x") - 1) : match.start("x")] == "ل" and phrase in _SHORT_AMBIGUOUS:
                continue  # لست "I am not", not ل + ست "six"
            start, end = match.start("x"), match.end("x")
            amounts.append(Amount(start, end, number.value, unit, unit_word, number.approximate))
        for match in self._dual_people.finditer(text):
            entry = self.lexicon.units[match.group("unit")]
            amounts.append(
                Amount(
                    match.start("x"), match.end("x"), entry.count or 2, entry.unit, match.group("unit"), False
                )
            )
        amounts.sort(key=lambda a: a.start)
        kept: list[Amount] = []
        for amount in amounts:
            if kept and amount.start < kept[-1].end:
                continue
            kept.append(amount)
        return kept

    def _unit(self, word: str | None) -> str | None:
        if not word:
            return None
        entry = self.lexicon.units.get(word) or self.lexicon.units.get(word.removeprefix("ال"))
        return entry.unit if entry else None

    def _is_label(self, text: str, start: int) -> bool:
        """A number after a label word (القرار 2254) or an ordinal (السابعة عشرة) is no amount."""
        before = _LAST_WORD.search(text[max(0, start - 24) : start])
        if not before:
            return False
        word = before.group(1)
        words = (word, word[1:] if word[:1] in "وفبل" else word)
        lexicon = self.lexicon
        if any(w in lexicon.blockers for w in words):
            return True
        # A number word after an ordinal finishes it (السابعة عشرة); digits after one do not
        # (الجرعة الثانية 22 مليون).
        spelled = not text[start].isdigit()
        return spelled and any(w in lexicon.day_ordinals or w in lexicon.hour_ordinals for w in words)

    def counted_noun(self, token: Token, approximate: bool) -> bool:
        """Whether `token`, right after a number with no known unit, is the noun it counts.

        It is when it is an Arabic word that is not a function word (في, منهم), has no
        conjunction or preposition attached (وأكد, بجروح), is not a plural past verb (قتلوا)
        and, unless the amount is vague (عشرات المنازل), is not definite.
        """
        if token.kind != "arabic" or token.prefix not in ("", "ال") or token.norm.endswith("وا"):
            return False
        if token.norm in self.lexicon.function_words or token.norm in self.lexicon.count_followers:
            return False
        return approximate or not token.prefix.endswith("ال")

    def kind(self, tokens: list[Token], window: Window) -> str | None:
        """The kind of a people count, or None.

        The nearest casualty word decides: among the few tokens before the count (skipping
        dates: مقتل 12 شخصا) or just after it (12 شخصا لقوا حتفهم, ما زالوا في عداد
        المفقودين), the nearer one winning. An "among" word before it (بينهم), or only و
        between this count and the one before (مقتل 3 جنود و5 مدنيين), passes on the kind
        of the count before.
        """
        if window.unit_word:
            word = window.unit_word
            noun = self.lexicon.count_nouns.get(word.removeprefix("ال")) or self.lexicon.count_nouns.get(word)
            if noun:
                return noun
        if window.previous_kind and window.joined:
            return window.previous_kind
        before: tuple[int, str] | None = None
        index = bisect.bisect_left(window.starts, window.start)
        seen = 0
        position = index - 1
        while position >= 0 and seen < _TRIGGER_WINDOW:
            token = tokens[position]
            position -= 1
            if token.start < window.floor and window.previous_kind is None:
                break
            if window.taken[token.start]:
                continue  # inside a date: مقتل 250 ألفا منذ آذار 2011
            if token.kind == "number" or token.text in _CLAUSE_END:
                break
            seen += 1
            if token.norm in self.lexicon.among_words and window.previous_kind:
                return window.previous_kind
            if token.start < window.floor or token.norm in self.lexicon.clause_words:
                break
            found = self._match(token, self.lexicon.count_triggers) or self.lexicon.count_exact.get(
                token.norm
            )
            if found:
                before = (seen, found)
                break
        after = bisect.bisect_left(window.starts, window.end)
        for distance, token in enumerate(tokens[after : after + _FOLLOWER_WINDOW], 1):
            if before is not None and distance >= before[0]:
                break
            if token.kind == "number" or token.text in _CLAUSE_END:
                break
            found = self._match(token, self.lexicon.count_followers)
            if found:
                return found
        return before[1] if before else None

    @staticmethod
    def _match(token: Token, table: dict[str, str]) -> str | None:
        return (
            table.get(token.norm)
            or table.get(token.stem)
            or (table.get("ال" + token.stem) if "ال" in token.prefix else None)
        )


def _whole(value: float) -> float | int:
    return int(value) if value.is_integer() else value
