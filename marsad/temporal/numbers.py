"""Numbers written in digits of any script or in Arabic words, to values.

Digits arrive already folded to ASCII by the text layer's normalisation (٤٠٥٫٥ is
`405.5` in the normalised text, the Arabic decimal and thousands separators become `.`
and `,`). A comma before exactly three digits groups thousands (1,500); any other comma
is a decimal comma, as Maghreb papers write it (1,5 مليون). Number words combine the
usual way: units and tens add (خمسة وعشرون = 25), عشر after a unit makes a teen (خمسة
عشر = 15), مئة multiplies what is before it, and a scale word (ألف, مليون, مليار)
multiplies everything before it since the last scale (ثلاثة آلاف وخمسمائة = 3,500).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.temporal.lexicon import Lexicon, alternation

_PARTS = re.compile(r"[\d.,]+|[^\s\d.,]+(?:\s+عشره?(?!\w))?")
_TEEN = re.compile(r"^(\S+)\s+(عشره?)$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed amount; `approximate` for vague words (عشرات, آلاف) that give no exact figure."""

    value: float | int
    approximate: bool = False


def parse_digits(text: str) -> float | int | None:
    """The value of a run of ASCII digits with separators, or None if it is not a number."""
    if _GROUPED.match(text):
        text = text.replace(",", "")
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value


def tidy(value: float) -> float | int:
    """An integer when the value is whole (5.0 million -> 5000000), else the float."""
    return int(value) if float(value).is_integer() else value


class NumberGrammar:
    """Regex pieces and the evaluator for number phrases, built from the lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.words = lexicon.number_words
        word = rf"(?:{alternation(self.words)})(?!\w)"
        digits = r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])"
        scales = alternation(w for w, (_, kind) in self.words.items() if kind in ("scale", "vague"))
        # Digits, optionally followed by scale words (5 ملايين, 1.5 مليار); or a run of number
        # words joined by spaces and و (ثلاثة آلاف وخمسمائة).
        self.digits_phrase = rf"{digits}(?:\s+(?:{scales})(?!\w))*(?:\s+و\s*نصف(?!\w))?"
        # After the first word, digits may stand in for words: before a scale (مليونا و100
        # ألف) or, joined by و, at the end (سبعة آلاف و500).
        joined = rf"\s+و\s*(?:{word}|\d+(?:\.\d+)?(?![\d.,])(?:\s+(?:{scales})(?!\w))?)"
        plain = rf"\s+(?:{word}|\d+(?:\.\d+)?\s+(?:{scales})(?!\w))"
        self.words_phrase = rf"{word}(?:{joined}|{plain})*"
        self.phrase = rf"(?:{self.digits_phrase}|{self.words_phrase})"
        # After a definite noun the number takes the article too (الساعات الأربع والعشرين).
        self.definite_phrase = rf"ال{word}(?:\s+و\s*ال{word})*"

    def parse(self, phrase: str) -> Number | None:
        """The value of a number phrase matched by `self.phrase` (normalised text)."""
        parts = _PARTS.findall(phrase)
        total = 0.0
        current = 0.0
        approximate = False
        seen = False
        last_scale = 0.0
        bare_fraction = False  # a fraction word not (yet) multiplied by a scale
        for raw in parts:
            if raw == "و":
                continue
            part = raw.removeprefix("و") if raw not in self.words else raw
            if part not in self.words and part.startswith("ال") and part[2:] in self.words:
                part = part[2:]  # الأربع والعشرين
            if part[0].isdigit():
                value = parse_digits(part)
                if value is None:
                    return None
                current += value
                seen = True
                continue
            teen = _TEEN.match(part)
            if teen and teen.group(1) in self.words and self.words[teen.group(1)][1] == "one":
                current += self.words[teen.group(1)][0] + 10
                seen = True
                continue
            if part not in self.words:
                return None
            value, kind = self.words[part]
            if kind == "fraction":
                if part == "نصف" and last_scale and not current:
                    total += last_scale / 2  # مليون ونصف
                else:
                    current += value  # ربع (مليون)
                    bare_fraction = True
                continue
            if kind == "hundred" and value == 100 and 0 < current < 10:
                current *= 100  # أربع مئة: the hundred multiplies the unit before it
            elif kind in ("one", "ten", "hundred", "teen"):
                current += value
            elif kind == "vague":
                approximate = True
                current = (current or 1) * value
            elif kind == "scale":
                plural = part in ("الاف", "ملايين", "مليارات", "بلايين")
                if plural and not current:
                    approximate = True
                total += (current or 1) * value
                current = 0
                last_scale = value
                bare_fraction = False
            seen = True
        if not seen or bare_fraction:
            return None  # nothing, or a bare fraction (نصف السكان, ثلاثة ونصف): no amount here
        return Number(tidy(total + current), approximate)
