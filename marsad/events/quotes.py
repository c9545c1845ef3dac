"""Who said what: direct quotes in quotation marks and reported speech (قال ... إن ...).

A speech verb's speaker is, in order: the named subject after it (a person, else the
organisation behind a بيان), a title that names a known person (وزير الداخلية), a source
phrase (وفقا لـ, بحسب), and otherwise the person the text is already talking about: the
last speaker of the same sentence, a person named earlier in the sentence (زيارة قام بها
البارزاني ... وقال خلالها), the last speaker of the previous sentences (وقال: after a
paragraph about one person).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from marsad.document import Entity, Quote
from marsad.events.triggers import readings, verb_forms
from marsad.events.view import AGENT_TYPES, QUOTE_MARKS, DocView
from marsad.text import normalize_word

_PERSON = frozenset({"PERSON"})
_ORG = frozenset({"ORG"})
# Words a subject may run over before the verb's content begins.
_SUBJECT_WINDOW = 10
# Reported content must begin within this many tokens of the verb.
_CONTENT_WINDOW = 22
# A quotation with fewer words is a name or a term in quotation marks, not a quote.
MIN_QUOTE_WORDS = 3
# Words that may stand between a speech verb and its content without being its subject.
_TIME_WORDS = (
    "اليوم",
    "أمس",
    "مساء",
    "صباح",
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "مؤخرا",
    "لاحقا",
    "أيضا",
    "كذلك",
    "خلالها",
    "خلاله",
    "فيه",
    "فيها",
)
# How many sentences back a speaker may be carried over to وقال: with no subject.
_CARRY_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    verbs: frozenset[str]
    participles: frozenset[str]
    sources: frozenset[str]
    _kinds: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_file(cls, path: Path) -> SpeechLexicon:
        verbs: set[str] = set()
        participles: set[str] = set()
        sources: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            pos, raw = line.split("\t")
            forms = [normalize_word(f) for f in raw.split("|")]
            if pos == "v":
                verbs |= verb_forms(forms[0], forms[1]) | set(forms[2:])
            elif pos == "p":
                participles |= set(forms)
            elif pos == "s":
                sources |= set(forms)
            else:
                raise ValueError(f"{path.name}: unknown POS {pos!r}")
        return cls(frozenset(verbs), frozenset(participles), frozenset(sources))

    def kind(self, norm: str) -> str | None:
        """'verb', 'participle' or 'source' when the word (with its clitics) is one."""
        if norm in self._kinds:
            return self._kinds[norm]
        found = self._kind(norm)
        if len(self._kinds) < 200_000:
            self._kinds[norm] = found
        return found

    def _kind(self, norm: str) -> str | None:
        for reading in readings(norm):
            if reading.article or reading.enclitic:
                continue
            if reading.form in self.verbs and reading.proclitic in ("", "س"):
                return "verb"
            if reading.form in self.participles and reading.proclitic == "":
                return "participle"
            if reading.form in self.sources and reading.proclitic in ("", "ب"):
                return "source"
        return None


@dataclass(slots=True)
class SpeechAct:
    """A speech verb with its resolved speaker (used by events for participles too)."""

    index: int
    speaker: Entity | None
    content_start: int | None  # token index where the reported content begins


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotation marks that pair up, paragraph by paragraph.

    « » and “ ” pair by nesting; the straight " pairs with the next " of its paragraph.
    """
    pairs: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        straight: int | None = None
        stack: list[tuple[str, int]] = []
        for offset, char in enumerate(paragraph):
            absolute = position + offset
            if char == '"':
                if straight is None:
                    straight = absolute
                else:
                    pairs.append((straight, absolute))
                    straight = None
            elif char in "«“„":
                stack.append((char, absolute))
            elif char in "»”":
                opener = "«" if char == "»" else "“„"
                while stack and stack[-1][0] not in opener:
                    stack.pop()
                if stack:
                    pairs.append((stack.pop()[1], absolute))
        position += len(paragraph) + 1
    return sorted(pairs)


class QuoteFinder:
    """Finds the quotes of a document and the speaker of every speech verb."""

    def __init__(self, lexicon: SpeechLexicon):
        self.lexicon = lexicon
        self._time_words = frozenset(normalize_word(w) for w in _TIME_WORDS)
        self._event_triggers: frozenset[int] = frozenset()

    def __call__(
        self, view: DocView, triggers: frozenset[int] = frozenset()
    ) -> tuple[list[Quote], list[SpeechAct]]:
        """Quotes and speech acts; `triggers` (event trigger token indices) end reported content
        where a new co-ordinated clause begins (..., وتعهد بتقديم مساعدات)."""
        self._event_triggers = triggers
        tokens = view.tokens
        text = view.doc.text
        pairs = [p for p in quote_pairs(text) if _word_count(text[p[0] + 1 : p[1]]) >= MIN_QUOTE_WORDS]
        acts: list[SpeechAct] = []
        quotes: list[Quote] = []
        used_pairs: set[tuple[int, int]] = set()
        covered_until = -1
        for index, token in enumerate(tokens):
            if token.kind != "arabic" or view.mention_at[index] is not None:
                continue
            kind = self.lexicon.kind(token.norm)
            if kind is None:
                continue
            if kind == "source":
                # وبحسب وكالة رويترز، فإن المفاوضات ...: what the source says, attributed to it.
                sourced = self._sourced_quote(view, index, covered_until)
                if sourced is not None:
                    quotes.append(sourced)
                    covered_until = sourced.end
                continue
            if self._impersonal(view, index):
                continue
            speaker = self._speaker(view, index, acts, participle=kind == "participle")
            content = self._content_start(view, index)
            acts.append(SpeechAct(index, speaker, content))
            if content is None or tokens[content].start < covered_until:
                continue
            quote = self._quote(view, index, content, speaker, pairs, acts)
            if quote is not None:
                quotes.append(quote)
                covered_until = quote.end
                for pair in pairs:
                    if pair[0] < quote.end and quote.start <= pair[1]:
                        used_pairs.add(pair)
        quotes.extend(self._unanchored(view, pairs, used_pairs, acts))
        quotes.sort(key=lambda q: q.start)
        return quotes, acts

    def _sourced_quote(self, view: DocView, index: int, covered_until: int) -> Quote | None:
        _, sentence_end = view.sentence_range(index)
        mentions = [
            m
            for m in view.mentions_in(index + 1, min(sentence_end, index + 5))
            if m.entity.type in AGENT_TYPES
        ]
        if not mentions:
            return None
        for position in range(mentions[0].last + 1, min(sentence_end, mentions[0].last + 4)):
            token = view.tokens[position]
            if token.kind == "punct":
                continue
            if token.text in ("فإن", "فان", "فأن") and position + 1 < sentence_end:
                begin = view.tokens[position + 1].start
                if begin < covered_until:
                    return None
                end = view.tokens[sentence_end - 1].end
                return _make_quote(view.doc.text, begin, end, direct=False, speaker=mentions[0].entity)
            return None
        return None

    # --- speakers -------------------------------------------------------------------
    def _impersonal(self, view: DocView, index: int) -> bool:
        """يذكر أن / يشار إلى أن: the writer's own aside, with no one speaking."""
        if not view.is_word(index, "impersonal"):
            return False
        following = index + 1
        while following < len(view.tokens) and view.tokens[following].kind == "punct":
            following += 1
        if following >= len(view.tokens):
            return True
        return view.is_word(following, "complementizer") or view.tokens[following].norm in ("الي", "الى")

    def _speaker(
        self, view: DocView, index: int, acts: list[SpeechAct], *, participle: bool
    ) -> Entity | None:
        if not participle:
            named = self._named_subject(view, index)
            if named is not None:
                return named
            if self._unnamed_subject(view, index):
                # وقال مصدر عسكري إن ...: someone the text does not name; better unknown than
                # the last person spoken of.
                return None
        sentence_start, _ = view.sentence_range(index)
        same_sentence = [a for a in acts if a.speaker is not None and a.index >= sentence_start]
        if same_sentence:
            return same_sentence[-1].speaker
        source = self._source(view, index)
        if source is not None:
            return source
        for types in (_PERSON, _ORG):
            earlier = view.nearest_before(index, types, limit=sentence_start)
            if earlier is not None:
                return earlier
        sentence = view.sentence_of[index]
        for act in reversed(acts):
            if act.speaker is not None and sentence - view.sentence_of[act.index] <= _CARRY_SENTENCES:
                return act.speaker
        return view.nearest_before(index, _PERSON)

    def _named_subject(self, view: DocView, index: int) -> Entity | None:
        """A person (or, failing that, an organisation or country) named right after the verb."""
        end = self._subject_end(view, index)
        # نقلت الوكالة عن الوزير قوله إن ...: the one quoted is the speaker, not the agency.
        content = self._content_start(view, index) or end
        for position in range(index + 1, content):
            if view.tokens[position].norm in ("قوله", "قولها", "قولهم"):
                person = view.nearest_before(position, _PERSON, limit=index)
                if person is not None:
                    return person
        mentions = [m for m in view.mentions_in(index + 1, end) if m.entity.type in AGENT_TYPES]
        for mention in mentions:
            if mention.entity.type == "PERSON":
                return mention.entity
        first = index + 1
        while first < end and view.tokens[first].kind == "punct":
            first += 1
        if first < end and view.is_word(first, "role"):
            holder = view.role_holder(first, end)
            if holder is not None:
                return holder
        return mentions[0].entity if mentions else None

    def _unnamed_subject(self, view: DocView, index: int) -> bool:
        """Whether a noun phrase other than a title of a known person follows the verb as its
        subject (مصدر عسكري، المتحدث باسم الرئاسة), so that no earlier speaker carries over."""
        position = index + 1
        while position < len(view.tokens) and view.tokens[position].kind == "punct":
            if view.tokens[position].text in (":", "،", ",", ".", "؛"):
                return False
            position += 1
        if position >= len(view.tokens) or view.sentence_of[position] != view.sentence_of[index]:
            return False
        token = view.tokens[position]
        if token.kind != "arabic" or view.mention_at[position] is not None:
            return False
        if view.is_word(position, "complementizer") or view.is_preposition(position):
            return False
        if view.is_word(position, "now") or view.has_form(position, self._time_words):
            return False
        if token.suffix or self.lexicon.kind(token.norm) or view.is_word(position, "statement"):
            return False  # وأكد البيان أن ...: the statement already quoted, its speaker carries over
        # A lone word without ال before في/إن is most likely a name the entity layer missed
        # (وقال تبون في مقابلة), so the person spoken of may still carry over.
        following = position + 1
        lone = following >= len(view.tokens) or (
            view.tokens[following].kind == "punct"
            or view.is_preposition(following)
            or view.is_word(following, "complementizer")
        )
        return not (lone and not token.prefix.endswith("ال"))

    def _subject_end(self, view: DocView, index: int) -> int:
        _, sentence_end = view.sentence_range(index)
        stop = index + 1
        words = 0
        while stop < sentence_end and words < _SUBJECT_WINDOW:
            token = view.tokens[stop]
            if token.kind == "punct" and token.text in (":", "،", ",", ".", "؛") and stop > index + 1:
                break
            if token.kind != "punct":
                if view.is_word(stop, "complementizer") or view.is_preposition(stop):
                    break
                if self.lexicon.kind(token.norm) == "source" and words:
                    break
                words += 1
            stop += 1
        return stop

    def _source(self, view: DocView, index: int) -> Entity | None:
        """The organisation of a source phrase in the sentence: وفقا لبيان الوزارة, بحسب الجيش."""
        start, end = view.sentence_range(index)
        for position in range(start, end):
            if self.lexicon.kind(view.tokens[position].norm) != "source":
                continue
            for mention in view.mentions_in(position + 1, min(end, position + 6)):
                if mention.entity.type in AGENT_TYPES:
                    return mention.entity
        return None

    # --- content --------------------------------------------------------------------
    def _content_start(self, view: DocView, index: int) -> int | None:
        """Where the reported content begins: after إن/أن or a colon following the verb."""
        tokens = view.tokens
        _, sentence_end = view.sentence_range(index)
        limit = min(sentence_end, index + _CONTENT_WINDOW)
        position = index + 1
        while position < limit:
            token = tokens[position]
            if token.kind == "punct" and token.text == ":":
                following = position + 1
                if following < sentence_end and view.is_word(following, "complementizer"):
                    following += 1
                return following if following < sentence_end else None
            if token.kind != "punct" and view.is_word(position, "complementizer"):
                return position + 1 if position + 1 < sentence_end else None
            if token.kind == "punct" and token.text in ".؛;!?؟":
                return None
            if token.kind == "arabic" and self.lexicon.kind(token.norm) in ("verb", "participle"):
                return None
            position += 1
        return None

    def _quote(
        self,
        view: DocView,
        index: int,
        content: int,
        speaker: Entity | None,
        pairs: list[tuple[int, int]],
        acts: list[SpeechAct],
    ) -> Quote | None:
        text = view.doc.text
        tokens = view.tokens
        begin = tokens[content].start
        # A quotation opening at the start of the content is a direct quote.
        for pair in pairs:
            if pair[0] >= begin and not text[begin : pair[0]].strip(' \t"'):
                return _make_quote(text, pair[0] + 1, pair[1], direct=True, speaker=speaker)
        _, sentence_end = view.sentence_range(index)
        end = tokens[sentence_end - 1].end if sentence_end > content else begin
        # The content stops where the next speech verb of the sentence begins its own clause,
        # or an event verb after a comma does (..., وتعهد).
        for position in range(content, sentence_end):
            kind = self.lexicon.kind(tokens[position].norm) if tokens[position].kind == "arabic" else None
            if (
                position in self._event_triggers
                and position > content + 1
                and tokens[position - 1].kind == "punct"
                and tokens[position - 1].text in "،,؛;"
            ):
                end = tokens[position - 1].start
                break
            if kind in ("verb", "participle") and view.mention_at[position] is None and position > content:
                previous = position - 1
                if (
                    tokens[previous].kind == "punct"
                    or tokens[position].norm.startswith("و")
                    or kind == "participle"
                ):
                    end = tokens[previous].end if tokens[previous].kind != "punct" else tokens[previous].start
                    break
        return _make_quote(text, begin, end, direct=False, speaker=speaker)

    def _unanchored(
        self, view: DocView, pairs: list[tuple[int, int]], used: set[tuple[int, int]], acts: list[SpeechAct]
    ) -> list[Quote]:
        """Quotations with no speech verb before them: `"..."، قال الوزير` or after a colon."""
        quotes: list[Quote] = []
        text = view.doc.text
        for pair in pairs:
            if pair in used:
                continue
            after = view.token_at(pair[1] + 1) if pair[1] + 1 < len(text) else None
            position = pair[1] + 1
            while after is None and position < min(len(text), pair[1] + 4):
                position += 1
                after = view.token_at(position)
            speaker: Entity | None = None
            found = False
            if after is not None:
                for probe in range(after, min(len(view.tokens), after + 3)):
                    token = view.tokens[probe]
                    if token.kind == "arabic" and self.lexicon.kind(token.norm) == "verb":
                        speaker = self._named_subject(view, probe) or self._speaker(
                            view, probe, acts, participle=True
                        )
                        found = True
                        break
            if not found:
                before = text[max(0, pair[0] - 3) : pair[0]].strip()
                if before.endswith(":"):
                    colon = view.token_at(text.rfind(":", 0, pair[0] + 1))
                    if colon is not None:
                        verb = _last_speech_verb(acts, colon, view)
                        if verb is not None:
                            speaker = verb.speaker
                            found = True
            if found:
                quotes.append(_make_quote(text, pair[0] + 1, pair[1], direct=True, speaker=speaker))
        return quotes


def _last_speech_verb(acts: list[SpeechAct], index: int, view: DocView) -> SpeechAct | None:
    sentence_start, _ = view.sentence_range(index)
    for act in reversed(acts):
        if sentence_start <= act.index < index:
            return act
    return None


def _make_quote(text: str, start: int, end: int, *, direct: bool, speaker: Entity | None) -> Quote | None:
    while start < end and (text[start].isspace() or text[start] in QUOTE_MARKS):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in QUOTE_MARKS or text[end - 1] in ".،,؛:"
    ):
        end -= 1
    if _word_count(text[start:end]) < MIN_QUOTE_WORDS:
        return None
    return Quote(
        start=start, end=end, text=text[start:end], direct=direct, speaker=speaker.id if speaker else None
    )


def _word_count(text: str) -> int:
    return len(text.split())


__all__ = ["QuoteFinder", "SpeechAct", "SpeechLexicon", "quote_pairs"]
