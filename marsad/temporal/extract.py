"""Finding temporal expressions: a grammar of regular expressions over normalised text.

Each rule matches one shape of expression in `marsad.text.normalize(text)` (so hamza,
ta marbuta and digit-script variants need no rules of their own) and reads what it
says into a `Mention`: which calendar fields are stated, which shift from the
publication date is implied, and so on. Nothing here knows the publication date; that
is `resolve`'s job. Where rules overlap the longest match wins; then mentions that sit
side by side and name the same day (اليوم/الثلاثاء, أمس الاثنين 12 يناير) are joined.

A proclitic (و, ف, ب, ل, ك) before an expression is not part of its span (`وأمس` ->
`أمس`, `بالأمس` -> `الأمس`); the article ال is, where it is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from marsad.temporal.lexicon import Lexicon, alternation
from marsad.temporal.numbers import NumberGrammar

_PRE = r"(?<!\w)(?:[وف]?[بلك]?)"
_ART = r"(?:ال|(?<=ل)ل)"  # the article, also as fused in للعام (ل + العام)
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
_YEAR_WORD = rf"(?:{_ART}?(?:عام|سنه))"
_AD = r"(?:\s*م(?!\w))"  # ميلادي: 2014م
_AH = r"(?:\s*(?:ه|هجريه|هجري|للهجره)(?!\w))"  # هـ (the tatweel is gone after normalisation)
_DAY_PARTS_AFTER = r"(?:صباحا|مساء|مساءا|ظهرا|عصرا|ليلا|فجرا)"
_HEDGES = r"(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يقارب|ما\s+يزيد\s+(?:عن|علي))"
_WORD_AFTER = re.compile(r"\s*[^\W\d]")
_AND_NUMBER_AFTER = re.compile(r"\s*و\s*\d")
_DEFINITE_AFTER = re.compile(r"\s+(ال\w+)")
_SAME_AFTER = re.compile(r"\s+(?:نفسه|ذاته)(?!\w)")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_ARTICLE = re.compile(r"^(?:ال|ل)")
_FOUR_DIGITS = re.compile(r"\d{4}")
_JOINERS = re.compile(r"^[\s,/()\-]{0,4}$")
# يوم الأحد الموافق 12 أكتوبر: a weekday or day word and the date it corresponds to.
_CORRESPONDING = re.compile(r"^[\s,]*(?:ال)?موافق[\s,]*$")
_AND = re.compile(r"^\s*و?\s*$")
_UNIT_ORDER = ("decade", "year", "month", "week", "day", "hour", "minute")
_FOLLOWED_BY_ANCHOR = re.compile(r"\s+(?:من|علي)\s")


@dataclass(slots=True)
class Mention:
    """A temporal expression found in normalised text, read but not yet resolved.

    kind: "date" (Gregorian, some of year/month/day stated), "hijri", "day" (a day word:
    `shift` days from publication), "weekday", "period" (week/month/year with `shift`),
    "ago" (`amount` `unit`s before (-1) or after (+1) publication, `shift` = direction),
    "duration" (`amount` `unit`s), "clock" (hour and minute).
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    shift: int | None = None
    unit: str | None = None
    amount: float | None = None
    weekday: int | None = None
    part: str | None = None
    edge: str | None = None
    hour: int | None = None
    minute: int | None = None
    day_shift: int | None = None  # a day word joined to an explicit date (أمس 12 يناير)
    more: tuple[tuple[float, str], ...] = ()  # further parts of a duration (ساعتين و10 دقائق)
    rule: int = 0


Handler = Callable[[re.Match[str], str], Mention | None]


class TemporalGrammar:
    """The compiled rules; build once per process (see `marsad.resources`)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.numbers = NumberGrammar(lexicon)
        lex = lexicon
        month_names = rf"(?:{alternation(lex.months)})(?!\w)"
        months = rf"(?P<m>{month_names})(?:\s*[/(\-]\s*{month_names}(?:\s*\))?)?"
        hijri = rf"(?P<hm>{alternation(lex.hijri_months)})(?!\w)"
        weekday = rf"(?P<wd>{alternation(lex.weekdays)})(?!\w)"
        shift = rf"(?P<shift>{alternation(lex.shifts)})(?!\w)"
        part = rf"(?P<part>{alternation(lex.parts_of_day)})(?!\w)"
        edge = rf"(?P<edge>{alternation(lex.edges)})(?!\w)"
        day_word = rf"(?P<dw>{alternation(lex.day_words)})(?!\w)"
        unit = rf"(?P<u>{alternation(lex.time_units)})(?!\w)"
        day_ordinal = rf"(?P<od>{alternation(lex.day_ordinals)})(?!\w)"
        hour_ordinal = rf"(?P<oh>{alternation(lex.hour_ordinals)})(?!\w)"
        day = rf"(?:(?:ال)?(?P<d>[0-3]?\d)(?!\d)|{day_ordinal})"
        number = self.numbers.phrase
        tail_part = rf"(?P<part2>\s+{_DAY_PARTS_AFTER}(?!\w))?"
        rules: list[tuple[str, Handler]] = [
            # 10 يونيو 2014, الثلاثاء 10 حزيران/يونيو 2014م, العاشر من يونيو, 10 يونيو الماضي
            (
                rf"(?:{part}\s+(?:يوم\s+)?)?(?:(?:يوم\s+)?{weekday}\s*,?\s*)?(?:يوم\s+)?{day}\s*(?:من\s+)?"
                rf"(?:شهر\s+)?{months}(?:\s*,?\s*(?:من\s+)?(?:{_YEAR_WORD}\s+)?{_YEAR}{_AD}?|\s+{shift})?",
                self._day_month,
            ),
            # the 9 of "من 9 إلى 16 ماي", "يومي 9 و10 يونيو 2014": a day taking its month (and
            # year) from the date after it
            (
                rf"(?:ال)?(?P<d>[0-3]?\d)(?!\d)(?=\s*(?:و|-|الي|حتي)\s*(?:ال)?[0-3]?\d\s*(?:من\s+)?"
                rf"(?:شهر\s+)?{months}(?:\s*,?\s*(?:من\s+)?(?:{_YEAR_WORD}\s+)?{_YEAR})?)",
                self._day_before_date,
            ),
            # 10/6/2014, ١٠-٦-٢٠١٤, 2014-06-10
            (
                r"(?:يوم\s+)?(?<![\d/.,\-])(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<mo>\d{1,2})\s?(?P=sep)\s?"
                r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])",
                self._numeric,
            ),
            (
                r"(?:يوم\s+)?(?<![\d/.,\-])(?P<y>(?:19|20)\d\d)(?P<sep>[/.\-])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/])",
                self._numeric,
            ),
            # يونيو 2014, مطلع حزيران 2014, يونيو من العام 2014
            (
                rf"(?:{edge}\s+)?(?:شهر\s+)?{months}\s*,?\s*(?:من\s+)?(?:{_YEAR_WORD}\s+)?{_YEAR}{_AD}?",
                self._month_year,
            ),
            # يونيو الماضي, أواخر حزيران المقبل
            (rf"(?:{edge}\s+)?(?:شهر\s+)?{months}\s+{shift}", self._month_relative),
            # شهر يونيو, في أيار (bare: only after شهر or a preposition)
            (rf"(?:{edge}\s+)?(?P<sh>شهر\s+)?{months}", self._month_bare),
            # عام 2014, العام 2014, 2014م, مطلع عام 2014, في 2014
            (rf"(?:{edge}\s+)?(?:(?P<yw>{_YEAR_WORD})\s+)?{_YEAR}(?P<ad>{_AD})?", self._year),
            # 15 رمضان 1435 هـ, الأول من محرم
            (
                rf"(?:{part}\s+(?:يوم\s+)?)?(?:(?:يوم\s+)?{weekday}\s*,?\s*)?(?:يوم\s+)?"
                rf"{day}\s*(?:من\s+)?(?:شهر\s+)?{hijri}(?:\s*,?\s*(?:{_YEAR_WORD}\s+)?(?P<hy>1[345]\d\d)(?!\d))?"
                rf"(?P<ah>{_AH})?",
                self._hijri,
            ),
            # رمضان 1435 هـ
            (
                rf"(?:{edge}\s+)?(?:شهر\s+)?{hijri}\s*,?\s*(?:{_YEAR_WORD}\s+)?(?P<hy>1[345]\d\d)(?!\d)(?P<ah>{_AH})?",
                self._hijri,
            ),
            # 1435هـ, عام 1435 هجرية
            (rf"(?:{_YEAR_WORD}\s+)?(?P<hy>1[345]\d\d)(?!\d)(?P<ah>{_AH})", self._hijri_year),
            # شهر رمضان, خلال رمضان المقبل
            (rf"(?:{edge}\s+)?(?P<sh>شهر\s+)?{hijri}(?:\s+{shift})?", self._hijri_bare),
            # اليوم, أمس, أول أمس, ظهر اليوم, مساء أمس, يوم غد, الليلة الماضية
            (rf"(?:{part}\s+)?(?:يوم\s+)?{day_word}{tail_part}", self._day_word),
            # الثلاثاء, يوم الجمعة الماضي, مساء الخميس
            (rf"(?:{part}\s+)?(?:يوم\s+)?{weekday}(?:\s+{shift})?{tail_part}", self._weekday),
            # الأسبوع الماضي, هذا العام, الشهر الجاري, مطلع الشهر, أواخر العام الماضي
            (
                rf"(?:{edge}\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<pu>{_ART}(?:اسبوع|شهر|عام|سنه))(?!\w)(?:\s+{shift})?",
                self._period,
            ),
            # العاشر من الشهر الجاري
            (rf"{day}\s+من\s+(?:هذا\s+)?{_ART}شهر\s+{shift}", self._day_of_month),
            # الأيام الثلاثة الماضية, الساعات الـ24 الماضية, الأسبوعين الماضيين, الأيام القليلة المقبلة
            (
                rf"{_ART}{unit}\s+(?:(?:ال)?(?P<n>\d+|{self.numbers.definite_phrase}|{self.numbers.words_phrase})\s+)?"
                rf"(?:القليله\s+)?{shift}",
                self._recent_span,
            ),
            # الـ24 ساعة الماضية
            (rf"ال(?P<n>\d+)\s+{unit}\s+{shift}", self._recent_span),
            # منذ ثلاثة أيام, قبل أسبوعين, منذ نحو عامين, بعد يومين
            (
                rf"(?P<dir>منذ|قبل|بعد)\s+(?:{_HEDGES}\s+)?(?:(?P<n>{number})\s+)?{unit}(?!\s*\d)",
                self._ago,
            ),
            # ثلاثة أيام, 48 ساعة, يومين
            (rf"(?:(?P<n>{number})\s+)?{unit}(?!\s*\d)", self._duration),
            # الساعة العاشرة صباحا, الساعة 10:30, 14:00
            (
                rf"(?:تمام\s+)?{_ART}?ساعه\s+(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?(?!\d)|{hour_ordinal})"
                rf"(?:\s+و\s*(?P<fr>النصف|الربع|نصف|ربع|الثلث|ثلث|(?P<fm>\d{{1,2}})\s+دقيقه))?"
                rf"(?P<minus>\s+الا\s+(?:ربعا|الربع|ثلثا|الثلث))?"
                rf"(?:\s+(?P<ap>{_DAY_PARTS_AFTER}|بعد\s+الظهر|بعد\s+الظهيره)(?!\w))?",
                self._clock,
            ),
            (
                rf"(?<![\d:.,])(?P<h>\d{{1,2}}):(?P<mi>\d\d)(?![\d:])(?:\s+(?P<ap>{_DAY_PARTS_AFTER})(?!\w))?",
                self._clock,
            ),
            # العاشرة صباحا, الثالثة عصرا: an hour word needs no الساعة when a part of day follows
            (
                rf"{hour_ordinal}(?:\s+و\s*(?P<fr>النصف|الربع|الثلث))?"
                rf"\s+(?P<ap>{_DAY_PARTS_AFTER}|بعد\s+الظهر|بعد\s+الظهيره)(?!\w)",
                self._clock,
            ),
        ]
        self._rules = [
            (re.compile(rf"{_PRE}(?P<x>{pattern})"), handler, index)
            for index, (pattern, handler) in enumerate(rules)
        ]
        # Every rule needs a key word (a month name, a weekday, منذ...) or a number; rules run
        # only in windows around their keys, which keeps the stage cheap on long articles
        # (see bench/temporal_speed.py). Keys are found word by word with dictionary look-ups.
        key_words: dict[str, set[str]] = {}
        for name, words in (
            ("month", lex.months), ("hijri", lex.hijri_months), ("day_word", lex.day_words),
            ("weekday", lex.weekdays), ("period", ("اسبوع", "شهر", "عام", "سنه")),
            ("unit", lex.time_units), ("clock", ("ساعه",)),
            ("number", lex.number_words), ("clock", lex.hour_ordinals),
        ):  # fmt: skip
            for word in words:
                first = word.split()[0]
                # As written and with the clitics news glues on (وبالأمس, للعام, والساعة).
                stem = first.removeprefix("ال")
                for form in (first, stem, *(p + stem for p in _CLITIC_FORMS)):
                    key_words.setdefault(form, set()).add(name)
        self.key_words = {word: tuple(sorted(names)) for word, names in key_words.items()}
        key_of = {
            self._day_month: "month", self._day_before_date: "month", self._numeric: "numeric",
            self._month_year: "month",
            self._month_relative: "month", self._month_bare: "month", self._year: "year",
            self._hijri: "hijri", self._hijri_year: "hijri_year", self._hijri_bare: "hijri",
            self._day_word: "day_word",
            self._weekday: "weekday", self._period: "period", self._day_of_month: "period",
            self._recent_span: "unit", self._ago: "unit", self._duration: "unit", self._clock: "clock",
        }  # fmt: skip
        self._rule_keys = [key_of[handler] for _, handler in rules]

    # ---- finding ---------------------------------------------------------------------

    def find(self, text: str, windows: dict[str, list[tuple[int, int]]] | None = None) -> list[Mention]:
        """All temporal mentions in normalised `text`, without overlaps, in text order.

        windows: `self.windows(text)`, when the caller has it already.
        """
        candidates: list[Mention] = []
        if windows is None:
            windows = self.windows(text)
        for (pattern, handler, index), key in zip(self._rules, self._rule_keys, strict=True):
            for start, end in windows.get(key, ()):
                for match in pattern.finditer(text, start, end):
                    mention = handler(match, text)
                    if mention is not None:
                        mention.rule = index
                        candidates.append(mention)
        candidates.sort(key=lambda m: (-(m.end - m.start), m.rule, m.start))
        chosen: list[Mention] = []
        taken = bytearray(len(text) + 1)
        for mention in candidates:
            if any(taken[mention.start : mention.end]):
                retried = self._retry(mention, text, taken)
                if retried is None:
                    continue
                mention = retried
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
            chosen.append(mention)
        chosen.sort(key=lambda m: m.start)
        return self._join(chosen, text)

    def windows(
        self, text: str, words: Iterable[tuple[int, str]] | None = None
    ) -> dict[str, list[tuple[int, int]]]:
        """For each key, the merged stretches of `text` around its occurrences.

        words: (offset, word) for each word of `text`, when the caller has them (the
            stage takes them from the tokens); otherwise `text` is split here. A number's
            word is its whole run of digits and separators (10/6/2014).
        The key "number" (digits or a number word) is for the quantity grammar.
        """
        if words is None:
            words = ((match.start(), match.group()) for match in _WORD_OR_NUMBER.finditer(text))
        windows: dict[str, list[tuple[int, int]]] = {}
        key_words = self.key_words
        length = len(text)
        for offset, word in words:
            names = _number_keys(word) if word[0].isdigit() else key_words.get(word)
            if not names:
                continue
            end_of_word = offset + len(word)
            for name in names:
                before, after = _MARGINS.get(name, _DEFAULT_MARGIN)
                start, end = max(0, offset - before), min(length, end_of_word + after)
                spans = windows.setdefault(name, [])
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
        return windows

    def _retry(self, mention: Mention, text: str, taken: bytearray) -> Mention | None:
        """A shorter reading of a mention whose start a longer one took.

        In مساء أمس after a clock time that ends in مساء, the rule that matched مساء أمس
        is tried again at أمس, the first free word inside the span.
        """
        pattern, handler, index = self._rules[mention.rule]
        for position in range(mention.start + 1, mention.end):
            if (
                taken[position]
                or not text[position - 1].isspace()
                or not any(taken[mention.start : position])
            ):
                continue
            match = pattern.match(text, position)
            if match is None:
                return None
            retried = handler(match, text)
            if retried is None or any(taken[retried.start : retried.end]):
                return None
            retried.rule = index
            return retried
        return None

    def _join(self, mentions: list[Mention], text: str) -> list[Mention]:
        """Joins neighbours that name one day: اليوم/الثلاثاء, أمس الاثنين 12 يناير 2015."""
        joined: list[Mention] = []
        for mention in mentions:
            gap = text[joined[-1].end : mention.start] if joined else ""
            relative_first = joined and joined[-1].kind in ("day", "weekday")
            if joined and (_JOINERS.match(gap) or (relative_first and _CORRESPONDING.match(gap))):
                merged = _merge_same_day(joined[-1], mention)
                if merged is not None:
                    joined[-1] = merged
                    continue
            if joined and _AND.match(gap) and "و" in gap:
                merged = _merge_durations(joined[-1], mention)
                if merged is not None:
                    joined[-1] = merged
                    continue
            joined.append(mention)
        return joined

    # ---- rule handlers ---------------------------------------------------------------

    def _span(self, match: re.Match[str], kind: str, **fields: object) -> Mention:
        return Mention(match.start("x"), match.end("x"), kind, **fields)  # type: ignore[arg-type]

    def _parts(self, match: re.Match[str]) -> dict[str, object]:
        groups = match.groupdict()
        part = groups.get("part")
        part2 = groups.get("part2")
        name = self.lexicon.parts_of_day.get(part) if part else None
        if name is None and part2:
            name = _PART_AFTER[part2.strip()]
        edge = groups.get("edge")
        return {"part": name, "edge": self.lexicon.edges.get(edge) if edge else None}

    def _day_number(self, match: re.Match[str]) -> int | None:
        day = int(match.group("d")) if match.group("d") else self.lexicon.day_ordinals[match.group("od")]
        return day if 1 <= day <= 31 else None

    def _month(self, match: re.Match[str]) -> int:
        return self.lexicon.months[match.group("m")]

    def _day_month(self, match: re.Match[str], _text: str) -> Mention | None:
        day = self._day_number(match)
        if day is None:
            return None
        year = int(match.group("y")) if match.group("y") else None
        shift = self.lexicon.shifts[match.group("shift")] if match.group("shift") else None
        weekday = self.lexicon.weekdays[match.group("wd")] if match.group("wd") else None
        return self._span(
            match, "date", year=year, month=self._month(match), day=day, shift=shift,
            weekday=weekday, **self._parts(match),
        )  # fmt: skip

    def _day_before_date(self, match: re.Match[str], _text: str) -> Mention | None:
        day = int(match.group("d"))
        if not 1 <= day <= 31:
            return None
        year = int(match.group("y")) if match.group("y") else None
        return self._span(match, "date", year=year, month=self._month(match), day=day)

    def _numeric(self, match: re.Match[str], _text: str) -> Mention | None:
        day, month, year = int(match.group("d")), int(match.group("mo")), int(match.group("y"))
        if year < 100:
            year += 2000 if year < 50 else 1900
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return self._span(match, "date", year=year, month=month, day=day)

    def _month_year(self, match: re.Match[str], _text: str) -> Mention | None:
        return self._span(
            match, "date", year=int(match.group("y")), month=self._month(match), **self._parts(match)
        )

    def _month_relative(self, match: re.Match[str], _text: str) -> Mention | None:
        shift = self.lexicon.shifts[match.group("shift")]
        return self._span(match, "date", month=self._month(match), shift=shift, **self._parts(match))

    def _month_bare(self, match: re.Match[str], text: str) -> Mention | None:
        name = match.group("m")
        bare = not match.group("sh") and not match.group("edge")
        if bare and (name in self.lexicon.ambiguous_months or not self._after_preposition(match, text)):
            return None
        return self._span(match, "date", month=self._month(match), **self._parts(match))

    def _year(self, match: re.Match[str], text: str) -> Mention | None:
        if not (match.group("yw") or match.group("ad") or match.group("edge")):
            after = text[match.end() : match.end() + 24]
            # A bare number is a year after a preposition (في 2014, بين 2011 و2013) or, ending
            # a phrase (انتخابات 2014.), unless the words before speak of an amount (بلغ 1865،).
            after = text[match.end() : match.end() + 24]
            followed_by_word = _WORD_AFTER.match(after) and not _AND_NUMBER_AFTER.match(after)
            after_year = re.search(
                r"(?:19|20)\d\d\s*و?\s*$", text[max(0, match.start("x") - 8) : match.start("x")]
            )
            previous = self._previous_word(match, text)
            after_preposition = self._after_preposition(match, text, self.lexicon.year_prepositions)
            amount = previous in self.lexicon.amount_words or previous in self.lexicon.count_triggers
            if not (after_year or after_preposition) and (followed_by_word or amount):
                return None
        return self._span(match, "date", year=int(match.group("y")), **self._parts(match))

    def _hijri(self, match: re.Match[str], _text: str) -> Mention | None:
        groups = match.groupdict()
        year = int(groups["hy"]) if groups.get("hy") else None
        month = self.lexicon.hijri_months[groups["hm"]] if groups.get("hm") else None
        if year is None and (month is None or groups["hm"] == "صفر"):
            return None
        if year is not None and not groups.get("ah") and not 1343 <= year <= 1500:
            return None
        day = self._day_number(match) if "od" in groups and (groups.get("d") or groups.get("od")) else None
        return self._span(match, "hijri", year=year, month=month, day=day, **self._parts(match))

    def _hijri_year(self, match: re.Match[str], text: str) -> Mention | None:
        """1435هـ: read like any Hijri date, but found from its year, having no month name."""
        return self._hijri(match, text)

    def _hijri_bare(self, match: re.Match[str], text: str) -> Mention | None:
        name = match.group("hm")
        if name in ("صفر", "محرم"):
            if not match.group("sh"):
                return None
        elif not (match.group("sh") or match.group("edge") or self._after_preposition(match, text)):
            return None
        shift = self.lexicon.shifts[match.group("shift")] if match.group("shift") else None
        return self._span(
            match, "hijri", month=self.lexicon.hijri_months[name], shift=shift, **self._parts(match)
        )

    def _day_word(self, match: re.Match[str], text: str) -> Mention | None:
        word = match.group("dw")
        if word == "اليوم" and (
            self._previous_word(match, text) in ("ذلك", "ذاك") or _SAME_AFTER.match(text, match.end())
        ):
            return None  # ذلك اليوم, اليوم نفسه: a day the text spoke of, not today
        if word == "اليوم" and not match.group("part2"):
            following = _DEFINITE_AFTER.match(text, match.end())
            if (
                following
                and following.group(1) not in self.lexicon.weekdays
                and following.group(1) != "الموافق"
            ):
                return None  # اليوم التالي, اليوم العالمي: not today
        fields = self._parts(match)
        if word.startswith("الليله") and not fields["part"]:
            fields["part"] = "night"
        return self._span(match, "day", shift=self.lexicon.day_words[word], **fields)

    def _weekday(self, match: re.Match[str], _text: str) -> Mention | None:
        shift = self.lexicon.shifts[match.group("shift")] if match.group("shift") else None
        return self._span(
            match, "weekday", weekday=self.lexicon.weekdays[match.group("wd")], shift=shift,
            **self._parts(match),
        )  # fmt: skip

    def _period(self, match: re.Match[str], text: str) -> Mention | None:
        shift_word = match.group("shift")
        if not (shift_word or match.group("this") or match.group("edge")):
            return None
        unit_word = _ARTICLE.sub("", match.group("pu"))
        if unit_word == "عام" and self._previous_word(match, text) in self.lexicon.general_words:
            return None  # الأمين العام الحالي
        unit = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}[unit_word]
        shift = self.lexicon.shifts[shift_word] if shift_word else 0
        return self._span(match, "period", unit=unit, shift=shift, **self._parts(match))

    def _day_of_month(self, match: re.Match[str], _text: str) -> Mention | None:
        day = self._day_number(match)
        if day is None:
            return None
        return self._span(
            match, "period", unit="month", shift=self.lexicon.shifts[match.group("shift")], day=day
        )

    def _recent_span(self, match: re.Match[str], _text: str) -> Mention | None:
        unit, count, form = self.lexicon.time_units[match.group("u")]
        if form == "singular" and not match.group("n"):
            return None  # الشهر الماضي is a period, not a span of time
        amount: float | None = count if form == "dual" else None
        if match.group("n"):
            number = self.numbers.parse(match.group("n"))
            amount = number.value if number else None
        return self._span(match, "duration", unit=unit, amount=amount)

    def _ago(self, match: re.Match[str], text: str) -> Mention | None:
        unit, count, form = self.lexicon.time_units[match.group("u")]
        amount: float | None
        if match.group("n"):
            number = self.numbers.parse(match.group("n"))
            if number is None or number.approximate:
                return None
            amount = number.value * (count if form == "dual" else 1)
        else:
            amount = None if form == "plural" else count
            following = _NEXT_WORD.match(text, match.end())
            if form == "singular" and following and following.group(1) not in self.lexicon.function_words:
                return None  # قبل يوم عرفة: "before the day of", not "a day ago"
        direction = -1 if match.group("dir") in ("منذ", "قبل") else 1
        if _FOLLOWED_BY_ANCHOR.match(text, match.end()) or match.group("dir") == "بعد":
            # قبل يومين من الانتخابات, بعد يومين: measured from another event, not from
            # publication; the expression is the duration, without its preposition.
            start = match.start("n") if match.group("n") else match.start("u")
            return Mention(start, match.end("x"), "duration", unit=unit, amount=amount)
        return self._span(match, "ago", unit=unit, amount=amount, shift=direction)

    def _duration(self, match: re.Match[str], text: str) -> Mention | None:
        unit, count, form = self.lexicon.time_units[match.group("u")]
        if not match.group("n"):
            if form == "dual":
                return self._span(match, "duration", unit=unit, amount=count)
            previous = self._previous_word(match, text)
            after_for = previous in self.lexicon.duration_words or previous[1:] in self.lexicon.duration_words
            if form == "singular" and (after_for or match.group("u").endswith("ا")):
                return self._span(match, "duration", unit=unit, amount=1)  # لمدة شهر, أسبوعا
            if form == "plural" and after_for and not _DEFINITE_AFTER.match(text, match.end()):
                return self._span(match, "duration", unit=unit)  # استمرت أسابيع, not طوال أيام الأسبوع
            return None
        number = self.numbers.parse(match.group("n"))
        if number is None:
            return None
        amount = None if number.approximate else number.value * (count if form == "dual" else 1)
        return self._span(match, "duration", unit=unit, amount=amount)

    def _clock(self, match: re.Match[str], _text: str) -> Mention | None:
        groups = match.groupdict()
        hour = int(groups["h"]) if groups.get("h") else self.lexicon.hour_ordinals[groups["oh"]]
        minute = int(groups["mi"]) if groups.get("mi") else 0
        fraction = groups.get("fr")
        if groups.get("fm"):
            minute = int(groups["fm"])
        elif fraction:
            minute = {"نصف": 30, "ربع": 15, "ثلث": 20}[fraction.removeprefix("ال")]
        if groups.get("minus"):
            hour, minute = hour - 1, 60 - (20 if "ثلث" in groups["minus"] else 15)
        after = " ".join((groups.get("ap") or "").split())
        if hour < 12 and (
            after in ("مساء", "مساءا", "عصرا", "بعد الظهر", "بعد الظهيره")
            or (after == "ظهرا" and hour < 6)
            or (after == "ليلا" and hour >= 6)
        ):
            hour += 12
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        return self._span(match, "clock", hour=hour % 24, minute=minute)

    # ---- context ---------------------------------------------------------------------

    def _previous_word(self, match: re.Match[str], text: str) -> str:
        before = _LAST_WORD.search(text[max(0, match.start("x") - 30) : match.start("x")])
        return before.group(1) if before else ""

    def _after_preposition(
        self, match: re.Match[str], text: str, prepositions: frozenset[str] | None = None
    ) -> bool:
        word = self._previous_word(match, text)
        prepositions = prepositions if prepositions is not None else self.lexicon.prepositions
        return word in prepositions or (word[:1] in "وف" and word[1:] in prepositions)


_WORD_OR_NUMBER = re.compile(r"\d+(?:\s?[/.:\-]\s?\d+)*|[^\W\d_]+")
_CLITIC_FORMS = (
    *(
        conjunction + preposition + article
        for conjunction in ("", "و", "ف")
        for preposition in ("", "ب", "ل", "ك")
        for article in ("", "ال")
        if conjunction + preposition + article
    ),
    "لل", "ولل", "فلل",
)  # fmt: skip


def _number_keys(number: str) -> tuple[str, ...]:
    """The keys a run of digits can be: a numeric date, a clock time, a year, a Hijri year."""
    keys: list[str] = ["number"]
    if ":" in number:
        keys.append("clock")
    if any(separator in number for separator in "/.-"):
        keys.append("numeric")
    for digits in _FOUR_DIGITS.findall(number):
        if digits[:2] in ("18", "19", "20"):
            keys.append("year")
        elif digits[:2] in ("13", "14", "15"):
            keys.append("hijri_year")
    return tuple(keys)


# How far a rule's match may reach before and after its key word: مساء يوم الثلاثاء 10 من
# شهر | يونيو | /حزيران 2014م; a quantity starts at its number (or the % before it) and
# ends with its unit.
_DEFAULT_MARGIN = (48, 56)
_MARGINS = {"number": (1, 48)}


_PART_AFTER = {
    "صباحا": "morning", "مساء": "evening", "مساءا": "evening", "ظهرا": "noon", "عصرا": "afternoon",
    "ليلا": "night", "فجرا": "dawn",
}  # fmt: skip

_SPECIFICITY = {"date": 3, "hijri": 3, "day": 2, "weekday": 1}


def _merge_durations(first: Mention, second: Mention) -> Mention | None:
    """One duration for ساعتين و10 دقائق: a larger unit followed by a smaller one."""
    if first.kind != "duration" or second.kind != "duration" or second.more:
        return None
    if first.amount is None or second.amount is None or not first.unit or not second.unit:
        return None
    last_unit = first.more[-1][1] if first.more else first.unit
    if _UNIT_ORDER.index(second.unit) <= _UNIT_ORDER.index(last_unit):
        return None
    return replace(first, end=second.end, more=(*first.more, (second.amount, second.unit)))


def _merge_same_day(first: Mention, second: Mention) -> Mention | None:
    """One mention for two neighbours that name the same day, or None if they do not."""
    if first.kind not in _SPECIFICITY or second.kind not in _SPECIFICITY:
        return None
    if first.kind == second.kind:
        return None
    for mention in (first, second):
        if mention.kind in ("date", "hijri") and mention.day is None:
            return None
        if mention.kind == "weekday" and mention.shift is not None:
            return None
    main, other = sorted((first, second), key=lambda m: -_SPECIFICITY[m.kind])
    merged = replace(main, start=first.start, end=second.end)
    merged.part = main.part or other.part
    if other.kind == "weekday" or (main.kind != "weekday" and other.weekday is not None):
        merged.weekday = merged.weekday or other.weekday
    if other.kind == "day":
        merged.day_shift = other.shift
    if main.kind == "day" and other.kind == "weekday":
        merged.weekday = other.weekday
    return merged
