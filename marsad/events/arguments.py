"""From a trigger to an event: actors, recipients, place, date, negation, modality, counts.

Arabic news sentences are mostly verb-subject-object (بحث الرئيس مع الوزير ...), with
subject-verb (البارزاني والغبان يتفقان) in headlines and after إن/أن. The rules read the
subject from the words after the verb up to the first preposition (else before the verb),
the recipient from the preposition the trigger's lexicon row names (مع, على, ب ...) or the
direct object, and prefer a named person to the office or country in their title, which is
kept as the person's affiliation (the organisation or country they act for).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.document import Entity, Event, Sentence, Span
from marsad.events.quotes import SpeechAct
from marsad.events.triggers import TokenForm, TriggerMatch, readings
from marsad.events.view import AGENT_TYPES, CLAUSE_PUNCT, PLACE_TYPES, DocView, Mention
from marsad.text import normalize_word

_PERSON = frozenset({"PERSON"})
_ACTOR_ORGS = frozenset({"ORG", "GPE"})
# Words of a subject or object phrase read after a trigger.
_PHRASE_WINDOW = 8
# Place kinds from most to least specific: an event is placed at the most specific one.
_PLACE_RANK = {"city": 0, "admin2": 1, "other": 2, "admin1": 3, "country": 5}
_UNKNOWN_PLACE_RANK = 4
# A day, month or year (not a duration, week or clock time, which the time layer also gives).
_CALENDAR_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# An event dated this many days before publication is historical background.
HISTORICAL_DAYS = 31
# Force or coercion stated for the future or on a condition is a threat (CAMEO 138, 137).
_THREAT_TYPES = frozenset({"ASSAULT", "COERCE"})
# Event types that are reported even when the text names no one (قُتل خمسة أشخاص).
_ANONYMOUS_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# Events that happen at a place (a meeting, an attack), which may be named earlier in the
# sentence; a statement (ACCUSE, REQUEST ...) is placed only by its own clause or dateline.
_PHYSICAL_TYPES = frozenset(
    {"CONSULT", "AGREE", "AID", "ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"}
)
# Prepositions of place and time: a direct object may follow them (استقبل في القصر الوزير).
_ADJUNCT_PREPOSITIONS = frozenset({"في", "خلال", "منذ", "عند", "قرب", "داخل", "امس", "بعد", "قبل"})
# Events that are things said: a verbal noun they govern (طالب بالإفراج) is their content.
_STATEMENT_TYPES = frozenset({"REQUEST", "SUPPORT", "ACCUSE", "REJECT", "THREATEN"})
# Events whose place may be named earlier in the sentence (the trip before the meeting).
_BACKWARD_PLACE_TYPES = frozenset({"CONSULT", "ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})
# An anonymous report joins a named one of its type at most this far away (a sentence or two).
_NEIGHBOUR_CHARS = 400
# Kinds of counts from the quantities layer, by event type.
_COUNT_KINDS = {
    "ASSAULT": ("killed", "injured", "abducted", "displaced"),
    "COERCE": ("arrested", "killed", "injured", "displaced"),
    "PROTEST": ("participants", "killed", "injured", "arrested"),
    "MOBILIZE": ("troops",),
}


@dataclass(frozen=True, slots=True)
class ModeCues:
    """Clause words that refine a PLOVER mode (`data/mode_cues.tsv`)."""

    cues: tuple[tuple[str, str, frozenset[str]], ...]

    @classmethod
    def from_file(cls, path: Path) -> ModeCues:
        rows: list[tuple[str, str, frozenset[str]]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                event_type, mode, words = line.split("\t")
                rows.append((event_type, mode, frozenset(normalize_word(w) for w in words.split(","))))
        return cls(tuple(rows))

    def mode(self, event_type: str, words: set[str]) -> str | None:
        for cue_type, mode, cue_words in self.cues:
            if cue_type == event_type and words & cue_words:
                return mode
        return None


@dataclass(slots=True)
class Arguments:
    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    affiliations: dict[str, str] = field(default_factory=dict)
    used_tokens: set[int] = field(default_factory=set)
    location: Entity | None = None
    phrase_end: int = 0


class EventBuilder:
    """Turns trigger matches into `Event`s over one document."""

    def __init__(self, cues: ModeCues):
        self.cues = cues
        self._triggers: set[int] = set()
        self._statement_triggers: set[int] = set()
        self._needy_triggers: set[int] = set()
        self._previous: list[tuple[Event, Arguments]] = []
        self._verb_triggers: set[int] = set()
        self._weak_locations: set[int] = set()

    def __call__(
        self, view: DocView, matches: Sequence[TriggerMatch], acts: Sequence[SpeechAct]
    ) -> list[Event]:
        events: list[Event] = []
        previous: list[tuple[Event, Arguments]] = []
        trigger_indices = {m.index for m in matches} | {a.index for a in acts}
        self._triggers = trigger_indices
        self._verb_triggers = {m.index for m in matches if m.entry.pos != "n"} | {a.index for a in acts}
        self._weak_locations = set()
        self._previous = previous
        self._needy_triggers = {m.index for m in matches if m.entry.needs and m.entry.pos != "n"}
        self._statement_triggers = {
            m.index for m in matches if m.entry.plover in _STATEMENT_TYPES and m.entry.pos != "n"
        } | {a.index for a in acts}
        dateline = _dateline(view)
        for match in matches:
            built = self._event(view, match, acts, previous, trigger_indices, dateline)
            if built is None:
                continue
            event, arguments = built
            previous.append((event, arguments))
            events.append(event)
        headline_end = len(view.doc.headline) if view.doc.headline else 0
        rank = {
            e.id: _PLACE_RANK.get(e.geo.kind, _UNKNOWN_PLACE_RANK) if e.geo else _UNKNOWN_PLACE_RANK
            for e in view.entities.values()
        }
        return _merge(events, headline_end, self._weak_locations, rank)

    # --- one event ------------------------------------------------------------------
    def _event(
        self,
        view: DocView,
        match: TriggerMatch,
        acts: Sequence[SpeechAct],
        previous: list[tuple[Event, Arguments]],
        trigger_indices: set[int],
        dateline: Entity | None,
    ) -> tuple[Event, Arguments] | None:
        entry = match.entry
        index = match.index
        clause_start, clause_end = view.clause_range(index)
        if self._in_protasis(view, index, clause_start) or self._governed(view, match, clause_start):
            return None
        if entry.pos == "n":
            arguments = self._noun_arguments(view, match, clause_start, clause_end)
        else:
            arguments = self._verb_arguments(
                view,
                match,
                clause_start,
                clause_end,
                acts,
                previous,
                intent=self._intent(view, match, clause_start),
            )
        if "armed" in entry.flags and not self._armed(view, arguments, index, clause_start):
            return None
        actor_ids = {e.id for e in arguments.actors}
        arguments.recipients = [e for e in arguments.recipients if e.id not in actor_ids]
        # A city or region does not act; named as a subject it is where the event happened.
        places = [e for e in arguments.actors if not _can_act(e, entry.plover)]
        if places:
            arguments.actors = [e for e in arguments.actors if _can_act(e, entry.plover)]
            arguments.location = arguments.location or places[0]
        event_type, cameo, mode = entry.plover, entry.cameo, entry.mode
        if not arguments.actors and not arguments.recipients:
            if entry.plover not in _ANONYMOUS_TYPES:
                return None
            if entry.pos == "n" and (match.reading.article or not self._placed(view, index, clause_end)):
                return None
        if event_type == "ASSAULT" and self._protesters(view, index, clause_start, clause_end):
            event_type, cameo, mode = "PROTEST", "145", "riot"
        if event_type == "PROTEST" and not arguments.recipients:
            # تظاهروا رفضا لتولي المجلس العسكري، احتجاجا على قرار الحكومة: what is protested.
            arguments.recipients = self._protested(view, index, clause_end)
        clause_words = {view.tokens[i].norm for i in range(clause_start, clause_end)}
        clause_words |= {view.tokens[i].stem for i in range(clause_start, clause_end)}
        cued = self.cues.mode(event_type, clause_words)
        if cued is not None and (mode is None or (event_type == "ASSAULT" and mode == "firearms")):
            mode = cued  # a row's generic mode yields to what the clause says (غارة جوية → aerial)
        negated = self._negated(view, index, clause_start)
        date = self._date(view, index, clause_start, clause_end)
        modality = self._modality(view, match, clause_start, date)
        if event_type in _THREAT_TYPES and modality in ("future", "hypothetical") and not negated:
            event_type, cameo, mode = "THREATEN", "138" if event_type == "ASSAULT" else "137", None
        if event_type in _STATEMENT_TYPES:
            # Where a statement was made is rarely written; a place in its clause is its topic,
            # unless it stands with the one speaking (حكومة الوفاق في طرابلس رفضت).
            location = self._actor_place(view, arguments, clause_end)
        else:
            location = arguments.location or self._location(
                view, index, clause_start, arguments, trigger_indices, event_type
            )
        if location is None and match.reading.conjunction:
            location = self._sentence_location(view, index, previous)
        weak = location is None and dateline is not None
        location = location or dateline
        sentence_first, sentence_end = view.sentence_range(index)
        sentence = Sentence(view.tokens[sentence_first].start, view.tokens[sentence_end - 1].end)
        for found in view.doc.sentences:
            if found.start <= view.tokens[index].start < found.end:
                sentence = Sentence(found.start, found.end)
                break
        token = view.tokens[index]
        event = Event(
            id="",
            type=event_type,
            trigger=Span(token.start, token.end, token.text),
            sentence=sentence,
            mode=mode,
            actors=[e.id for e in arguments.actors],
            recipients=[e.id for e in arguments.recipients],
            location=location.id if location else None,
            date=date,
            negated=negated,
            confidence=_confidence(match, arguments, location),
        )
        event.cameo = cameo
        event.modality = modality
        if weak:
            self._weak_locations.add(id(event))
        event.counts = self._counts(view, event_type, index)
        event.affiliations = {
            person: org
            for person, org in arguments.affiliations.items()
            if person in event.actors or person in event.recipients
        }
        return event, arguments

    # --- arguments ------------------------------------------------------------------
    def _verb_arguments(
        self,
        view: DocView,
        match: TriggerMatch,
        clause_start: int,
        clause_end: int,
        acts: Sequence[SpeechAct],
        previous: list[tuple[Event, Arguments]],
        *,
        intent: bool,
    ) -> Arguments:
        entry = match.entry
        index = match.index
        arguments = Arguments()
        triggers = self._triggers
        if self._object_first(view, index, clause_end) or self._pronoun_clause(view, index, clause_start):
            # والتقى نظيره / أنه سيمنح موريتانيا: the subject is a pronoun, the name after the
            # verb its object; the subject is the one the sentence or statement is about.
            arguments.actors = self._quoted_speaker(view, index) or self._elided_subject(
                view, index, previous
            )
            self._recipients(view, match, index + 1, clause_end, arguments)
            return arguments
        in_headline = view.doc.headline is not None and view.tokens[index].start < len(view.doc.headline)
        imperfect = match.reading.form[:1] in "يتن" and not match.reading.conjunction
        preverbal_noun = self._has_preverbal_noun(view, index, clause_start)
        if not match.reading.conjunction and preverbal_noun:
            # Subject before the verb (البارزاني والغبان يتفقان، قواته ستهاجم، وكانت قوات الأمن
            # اعتقلت): what follows the verb is its object.
            subject = self._preverbal(view, index, clause_start, arguments, triggers)
            owner = None if subject else self._possessed_subject(view, index, clause_start)
            if subject or in_headline or imperfect or owner is not None:
                if not subject and owner is not None:
                    # أن قواتها دمرت / أن تكون قواته أطلقت: the forces of the one speaking.
                    subject = [owner]
                if not subject and intent:
                    subject = self._quoted_speaker(view, index)
                if not subject and self._describes_trip(view, index):
                    # زيارة رسمية يلتقي خلالها الرئيس ...: the visitor the sentence named.
                    subject = self._elided_subject(view, index, previous)
                arguments.actors = subject
                self._recipients(view, match, index + 1, clause_end, arguments)
                return arguments
        agent = self._agent_phrase(view, index, clause_end)
        coordinated = bool(match.reading.conjunction) and self._follows_event(
            view, index, clause_start, triggers
        )
        if agent is None and not coordinated and self._unnamed_subject(view, index, clause_end):
            # اقتحم محتجون مبنى الوزارة / قصفت الطائرات بلدة عفرين: the doer is not named; the
            # name after it is the object.
            self._recipients(view, match, index + 1, clause_end, arguments)
            return arguments
        statement = self._statement_subject(view, index, clause_end, acts)
        if statement is not None:
            # وهدد البيان الولايات المتحدة: the statement's source is the doer.
            arguments.actors = [statement]
            self._recipients(view, match, index + 2, clause_end, arguments)
            return arguments
        subject_end = self._phrase_end(view, index + 1, clause_end)
        subject = self._phrase_entities(view, index + 1, subject_end, arguments)
        object_start = arguments.phrase_end if subject else index + 1
        if coordinated and subject and "obj" in entry.args and self._lone_object(view, arguments, clause_end):
            # بلينكن يزور رام الله ويلتقي عباس: after a co-ordinated verb, a lone name is its object.
            elided = self._elided_subject(view, index, previous)
            if elided and not {e.id for e in elided} & {e.id for e in subject}:
                arguments.actors = elided
                self._place_objects(entry.plover, subject, arguments)
                return arguments
        if (
            subject
            and match.reading.conjunction
            and self._object_marked(view, arguments.phrase_end, clause_end)
        ):
            # ودعت جماعة الحوثي إلى ... / وطالب إسرائيل بالسماح ...: after a co-ordinated verb,
            # a name followed by إلى or ب+noun is the object of the sentence's earlier subject.
            elided = self._elided_subject(view, index, previous)
            if elided and not set(e.id for e in elided) & set(e.id for e in subject):
                arguments.actors = elided
                self._place_objects(entry.plover, subject, arguments)
                return arguments
        if agent is not None and entry.plover == "ASSAULT":
            # قُتل X برصاص Y: a passive with its agent.
            arguments.actors = [agent]
            victims = [
                m.entity
                for m in view.mentions_in(index + 1, clause_end)
                if m.entity.type == "PERSON"
                and m.entity.id != agent.id
                and not _in_prepositional_phrase(view, m, index)
            ]
            arguments.recipients = _unique(
                victims[:1] or [e for e in subject if e.id != agent.id and _can_act(e, "ASSAULT")]
            )
            return arguments
        if not subject and entry.pos == "p":
            subject = self._participle_subject(view, index, acts, previous)
        if not subject:
            subject = self._pair(view, index + 1, subject_end, previous)
            object_start = subject_end if subject else object_start
        if (
            not subject
            and match.reading.conjunction
            and self._follows_event(view, index, clause_start, triggers)
        ):
            subject = self._elided_subject(view, index, previous)
        if not subject:
            subject = self._preverbal(view, index, clause_start, arguments, triggers)
        if not subject and match.reading.form.endswith(("ا", "وا", "ان")):
            subject = self._pair(view, clause_start, index, previous)
        if not subject and intent:
            subject = self._quoted_speaker(view, index)
        if not subject and match.reading.conjunction:
            subject = self._elided_subject(view, index, previous)
        arguments.actors = subject
        self._recipients(view, match, object_start, clause_end, arguments)
        return arguments

    def _in_protasis(self, view: DocView, index: int, clause_start: int) -> bool:
        """إذا لم تتوقف هجماته: what a condition supposes is no event."""
        return any(view.is_word(i, "conditional") for i in range(max(clause_start, index - 4), index))

    def _governed(self, view: DocView, match: TriggerMatch, clause_start: int) -> bool:
        """طالب بالإفراج عن، رحب بالانسحاب: a verbal noun that is what a statement is about; علق
        المفاوضات، أعلن هدنة: the object that makes a verb the event."""
        if match.entry.pos != "n":
            return False
        window = range(max(clause_start, match.index - 3), match.index)
        return any(i in self._statement_triggers or i in self._needy_triggers for i in window)

    def _placed(self, view: DocView, index: int, clause_end: int) -> bool:
        """Whether a place is named right after an anonymous verbal noun (انفجار في بغداد)."""
        return any(
            m.entity.type in PLACE_TYPES for m in view.mentions_in(index + 1, min(clause_end, index + 10))
        )

    def _protested(self, view: DocView, index: int, clause_end: int) -> list[Entity]:
        for position in range(index + 1, clause_end):
            if view.mention_at[position] is None and view.is_word(position, "protest_against"):
                for mention in view.mentions_in(position + 1, min(clause_end, position + 5)):
                    if _can_act(mention.entity, "SUPPORT"):
                        return [mention.entity]
                return []
        return []

    def _protesters(self, view: DocView, index: int, clause_start: int, clause_end: int) -> bool:
        window = range(max(clause_start, index - 3), min(clause_end, index + 3))
        return any(view.tokens[i].kind == "arabic" and view.is_word(i, "protesters") for i in window)

    def _possessed_subject(self, view: DocView, index: int, clause_start: int) -> Entity | None:
        """The owner of a subject like قواته/قواتها just before the verb: the quote's speaker,
        else what the pronoun refers to."""
        for position in range(index - 1, max(clause_start, index - 3) - 1, -1):
            token = view.tokens[position]
            if token.kind != "arabic" or view.mention_at[position] is not None:
                continue
            if token.norm in ("قد", "تكون", "يكون", "كانت", "كان"):
                continue
            if view.has_form(position, view.words["armed"]) and token.suffix in ("ه", "ها"):
                speaker = self._quoted_speaker(view, index)
                return (
                    speaker[0] if speaker else _referent(view, position, token.suffix, set(), self._previous)
                )
            return None
        return None

    @staticmethod
    def _describes_trip(view: DocView, index: int) -> bool:
        following = index + 1
        return following < len(view.tokens) and view.tokens[following].norm in (
            "خلالها",
            "خلاله",
            "فيها",
            "فيه",
        )

    @staticmethod
    def _has_preverbal_noun(view: DocView, index: int, clause_start: int) -> bool:
        return any(view.tokens[i].kind == "arabic" for i in range(clause_start, index))

    @staticmethod
    def _follows_event(view: DocView, index: int, clause_start: int, triggers: set[int]) -> bool:
        """Whether another event verb comes earlier in the sentence (اجتاح ... وارتكب،
        اقتحمت ...، واعتقلت)."""
        sentence_start, _ = view.sentence_range(index)
        return any(i in triggers for i in range(sentence_start, index))

    def _unnamed_subject(self, view: DocView, index: int, clause_end: int) -> bool:
        """Whether the verb is followed by a subject that names no one: a common noun that is
        neither a title (وزير) nor the head of a named body (قوات الجيش الإسرائيلي)."""
        position = index + 1
        while position < clause_end and (
            view.tokens[position].kind == "punct"
            or view.is_word(position, "now")
            or view.is_word(position, "time")
        ):
            position += 1
        if position >= clause_end:
            return False
        token = view.tokens[position]
        if view.mention_at[position] is not None or token.kind not in ("arabic", "number"):
            return False
        if token.kind == "number":
            return True  # قتل 5 أشخاص
        if view.is_preposition(position) or view.is_word(position, "complementizer") or token.suffix:
            return False
        if view.has_proclitic_preposition(position) or view.is_word(position, "statement"):
            return False
        if (
            view.is_word(position, "role")
            or view.is_word(position, "pair")
            or view.is_word(position, "counterpart")
        ):
            return False
        # قوات الجيش، عناصر من الشرطة: a head noun whose body is named right after it.
        for following in range(position + 1, min(clause_end, position + 3)):
            if view.mention_at[following] is not None:
                return False
            if view.is_preposition(following):
                break
        return True

    @staticmethod
    def _statement_subject(
        view: DocView, index: int, clause_end: int, acts: Sequence[SpeechAct]
    ) -> Entity | None:
        following = index + 1
        if following >= clause_end or not view.is_word(following, "statement"):
            return None
        earlier = [a for a in acts if a.index < index and a.speaker is not None]
        return earlier[-1].speaker if earlier else None

    @staticmethod
    def _lone_object(view: DocView, arguments: Arguments, clause_end: int) -> bool:
        position = arguments.phrase_end
        return position >= clause_end or view.tokens[position].kind == "punct"

    @staticmethod
    def _object_marked(view: DocView, position: int, clause_end: int) -> bool:
        while position < clause_end and view.tokens[position].kind == "punct":
            position += 1
        if position >= clause_end or view.mention_at[position] is not None:
            return False
        token = view.tokens[position]
        return token.norm in ("الي", "علي") or token.prefix.lstrip("وف").startswith("ب")

    def _agent_phrase(self, view: DocView, index: int, clause_end: int) -> Entity | None:
        """The doer of a passive: the name after برصاص، بنيران، على يد."""
        for position in range(index + 1, clause_end - 1):
            if view.mention_at[position] is None and view.has_form(position, view.words["agent"]):
                for mention in view.mentions_in(position + 1, min(clause_end, position + 4)):
                    if mention.entity.type in AGENT_TYPES:
                        return mention.entity
        return None

    @staticmethod
    def _pronoun_clause(view: DocView, index: int, clause_start: int) -> bool:
        """Whether the verb opens a clause after أنه/إنها/لكنها, whose pronoun is its subject."""
        if index != clause_start or clause_start == 0:
            return False
        before = view.tokens[clause_start - 1]
        if before.kind != "arabic" or not before.norm.endswith(("ه", "ها", "هم", "هما")):
            return False
        bare = before.norm.removeprefix("و").removeprefix("ف")
        return view.is_word(clause_start - 1, "complementizer") or bare.startswith("لكن")

    @staticmethod
    def _object_first(view: DocView, index: int, clause_end: int) -> bool:
        position = index + 1
        while position < clause_end and view.tokens[position].kind == "punct":
            position += 1
        if position >= clause_end:
            return False
        token = view.tokens[position]
        return (
            token.kind == "arabic"
            and view.mention_at[position] is None
            and view.is_word(position, "counterpart")
        )

    def _elided_subject(
        self, view: DocView, index: int, previous: list[tuple[Event, Arguments]]
    ) -> list[Entity]:
        """The subject of a verb that names none: the actor of the sentence's previous event,
        else the nearest person, else organisation, named earlier in the sentence."""
        sentence_start, _ = view.sentence_range(index)
        for event, arguments in reversed(previous):
            trigger = view.token_at(event.trigger.start)
            if trigger is not None and sentence_start <= trigger < index and arguments.actors:
                return list(arguments.actors)
        for types in (frozenset({"PERSON"}), frozenset({"ORG"})):
            found = view.nearest_before(index, types, limit=sentence_start)
            if found is not None:
                return [found]
        return []

    @staticmethod
    def _quoted_speaker(view: DocView, index: int) -> list[Entity]:
        """Inside a quote, an event with no named doer is the speaker's own (سنرد بقوة)."""
        offset = view.tokens[index].start
        for quote in view.doc.quotes:
            if quote.start <= offset < quote.end and quote.speaker in view.entities:
                return [view.entities[quote.speaker]]
        return []

    def _noun_arguments(
        self, view: DocView, match: TriggerMatch, clause_start: int, clause_end: int
    ) -> Arguments:
        entry = match.entry
        index = match.index
        arguments = Arguments()
        patient = "patient" in entry.flags
        tokens = view.tokens
        genitive: list[Entity] = []
        after = index + 1
        while after < clause_end and tokens[after].kind == "punct" and tokens[after].text not in CLAUSE_PUNCT:
            after += 1
        between = next(
            (i for i in range(after, min(clause_end, after + 5)) if tokens[i].norm == "بين"), None
        )  # اشتباكات عنيفة صباح السبت بين ...
        if between is not None and not view.mentions_in(after, between):
            after = between
            end = self._phrase_end(view, after + 1, clause_end)
            arguments.actors = self._phrase_entities(view, after + 1, end, arguments, prefer_people=False)
            self._recipients(view, match, arguments.phrase_end, clause_end, arguments)
            return arguments
        if not match.reading.article and not match.reading.enclitic:
            end = self._phrase_end(view, after, clause_end)
            genitive = self._phrase_entities(view, after, end, arguments)
            after = arguments.phrase_end if genitive else after
        elif match.reading.enclitic:
            referent = _referent(view, index, match.reading.enclitic, set(), self._previous)
            genitive = [referent] if referent else []
        # زيارة قام بها X: the subject of the light verb after the noun.
        if not genitive and after < clause_end and view.is_word(after, "light"):
            end = self._phrase_end(view, after + 2, clause_end)
            found = self._phrase_entities(view, after + 1, end, arguments)
            if found and not patient:
                arguments.actors = found
                after = arguments.phrase_end
        by = self._passive_agent(view, after, clause_end)
        if by is not None:
            # اتهامه من قبل أربع نساء، اعتقاله على يد الشرطة: the genitive is the one acted on.
            arguments.actors = [by]
            arguments.recipients = [e for e in genitive if e.id != by.id]
            return arguments
        if patient:
            arguments.recipients = genitive
        elif genitive:
            arguments.actors = genitive
        if not arguments.actors:
            # شن الجيش هجوما: the subject of the light verb the noun is the object of.
            arguments.actors = self._light_verb_subject(view, index, clause_start, arguments)
        if not arguments.recipients:
            # تعرضت منشآت أرامكو لهجوم: what suffered the event is its target.
            arguments.recipients = self._sufferer(view, index, clause_start)
        if not arguments.recipients:
            self._recipients(view, match, after, clause_end, arguments)
        return arguments

    @staticmethod
    def _passive_agent(view: DocView, start: int, clause_end: int) -> Entity | None:
        """The name after من قبل or على يد within a few words of a verbal noun."""
        for position in range(start, min(clause_end - 1, start + 4)):
            pair = (view.tokens[position].norm, view.tokens[position + 1].norm)
            if pair in (("من", "قبل"), ("علي", "يد"), ("علي", "ايدي")):
                for mention in view.mentions_in(position + 2, min(clause_end, position + 6)):
                    if mention.entity.type in AGENT_TYPES:
                        return mention.entity
        return None

    def _sufferer(self, view: DocView, index: int, clause_start: int) -> list[Entity]:
        for position in range(index - 1, clause_start - 1, -1):
            if view.tokens[position].kind == "arabic" and view.is_word(position, "suffer"):
                mentions = view.mentions_in(position + 1, index)
                return _unique(m.entity for m in mentions if _can_act(m.entity, "ASSAULT"))[:1]
        return []

    def _light_verb_subject(
        self, view: DocView, index: int, clause_start: int, arguments: Arguments
    ) -> list[Entity]:
        for position in range(index - 1, clause_start - 1, -1):
            if view.tokens[position].kind == "arabic" and view.is_word(position, "light"):
                found = self._phrase_entities(view, position + 1, index, arguments)
                return found or self._preverbal(view, position, clause_start, arguments, self._triggers)
        return []

    def _recipients(
        self, view: DocView, match: TriggerMatch, start: int, clause_end: int, arguments: Arguments
    ) -> None:
        entry = match.entry
        tokens = view.tokens
        taken = {e.id for e in arguments.actors}
        for arg in entry.args:
            if arguments.recipients:
                break
            if arg == "obj":
                if match.reading.enclitic and entry.pos == "v":
                    referent = _referent(view, match.index, match.reading.enclitic, taken, self._previous)
                    if referent is not None:
                        arguments.recipients = [referent]
                        break
                object_end = self._object_end(view, start, clause_end)
                for mention in view.mentions_in(start, object_end):
                    if any(i in arguments.used_tokens for i in range(mention.first, mention.last + 1)):
                        continue
                    if _in_prepositional_phrase(view, mention, start):
                        continue
                    if mention.entity.id in taken:
                        continue
                    end = self._phrase_end(view, mention.first, clause_end, first_is_head=True)
                    found = [
                        e
                        for e in self._phrase_entities(view, mention.first, end, arguments)
                        if e.id not in taken
                    ]
                    self._place_objects(entry.plover, found, arguments)
                    break
                else:
                    # رفضت الحركة قرارات الرئيس: a title with no name, for a known person.
                    for position in range(start, min(object_end, start + 3)):
                        if view.mention_at[position] is None and view.is_word(position, "role"):
                            holder = view.role_holder(position, min(object_end, position + 3))
                            if holder is not None and holder.id not in taken:
                                arguments.recipients = [holder]
                            break
                continue
            for position in range(start, clause_end):
                token = tokens[position]
                if token.kind != "arabic" or position in arguments.used_tokens:
                    continue
                mention = view.mention_at[position]
                if mention is not None:
                    if (
                        arg in ("ب", "ل")
                        and mention.first == position
                        and token.prefix.lstrip("وف").startswith(arg)
                    ):
                        end = self._phrase_end(view, position, clause_end, first_is_head=True)
                        found = [
                            e
                            for e in self._phrase_entities(view, position, end, arguments)
                            if e.id not in taken
                        ]
                        self._place_objects(entry.plover, found, arguments)
                        break
                    continue
                if not self._is_preposition_word(view, position, arg):
                    continue
                enclitics = [r.enclitic for r in _readings_of(token.norm, arg) if r.enclitic]
                if enclitics:
                    referent = _referent(view, position, enclitics[0], taken, self._previous)
                    if referent is not None:
                        arguments.recipients = [referent]
                    break
                end = self._phrase_end(view, position + 1, clause_end)
                found = [
                    e for e in self._phrase_entities(view, position + 1, end, arguments) if e.id not in taken
                ]
                following = position + 1
                if not found and following < clause_end and view.mention_at[following] is None:
                    # على إجراءاته: a possessive pronoun names the one the phrase is about
                    # (not the ة of ثلاثة, which normalises to the same letter).
                    suffix = ""
                    if not tokens[following].text.endswith("ة"):
                        suffix = next(
                            (r.enclitic for r in readings(tokens[following].norm) if r.enclitic), ""
                        )
                    referent = _referent(view, position, suffix, taken, self._previous) if suffix else None
                    found = [referent] if referent else []
                if (
                    not found
                    and end < clause_end
                    and (view.is_preposition(end) or view.has_proclitic_preposition(end))
                ):
                    # على ثلاثة مسؤولين في الحكومة السورية، على مواقع لكتائب حزب الله: the body
                    # the generic noun belongs to.
                    begin = end if view.mention_at[end] is not None else end + 1
                    after = self._phrase_end(view, begin, clause_end, first_is_head=True)
                    bodies = [m for m in view.mentions_in(begin, after) if m.entity.type in ("PERSON", "ORG")]
                    if bodies:  # a place there is where, not whom (على مناطق في العراق)
                        found = [
                            e
                            for e in self._phrase_entities(view, begin, after, arguments)
                            if e.id not in taken
                        ]
                self._place_objects(entry.plover, found, arguments)
                break

    @staticmethod
    def _object_end(view: DocView, start: int, clause_end: int) -> int:
        """Where a direct object can no longer begin: at the instrument or content phrase
        (يهدد بعملية ...، دعا إلى ...); adjuncts of place and time (في القصر) are skipped."""
        title_until = -1
        for position in range(start, clause_end):
            if view.mention_at[position] is not None or view.tokens[position].kind != "arabic":
                continue
            if view.is_word(position, "role"):
                title_until = position + 6  # المبعوث الأمريكي الخاص إلى اليمن تيم ليندركينغ
            if position < title_until:
                continue
            if view.has_proclitic_preposition(position):
                return position
            if view.is_preposition(position) and not view.has_form(position, _ADJUNCT_PREPOSITIONS):
                return position
        return clause_end

    @staticmethod
    def _place_objects(event_type: str, found: list[Entity], arguments: Arguments) -> None:
        """Objects that are places are where the event happened, not its target: a city, a
        region or a site; a country may be a recipient (زار مصر، قصفت سوريا)."""
        places = [e for e in found if not _can_act(e, event_type)]
        if places and arguments.location is None:
            arguments.location = places[0]
        arguments.recipients = [e for e in found if _can_act(e, event_type)]

    @staticmethod
    def _is_preposition_word(view: DocView, position: int, arg: str) -> bool:
        return any(r.form == arg and not r.article for r in _readings_of(view.tokens[position].norm, arg))

    def _phrase_end(self, view: DocView, start: int, clause_end: int, *, first_is_head: bool = False) -> int:
        """End of the noun phrase from `start`: up to a preposition, a verb-like break or the window."""
        position = start
        words = 0
        while position < clause_end and words < _PHRASE_WINDOW:
            token = view.tokens[position]
            if token.kind == "punct":
                if token.text in ('"', "«", "»", "“", "”", "(", ")", "/", "-", "–"):
                    position += 1
                    continue
                break
            if (view.mention_at[position] is None and position > start) or not first_is_head:
                if view.is_preposition(position) and view.mention_at[position] is None:
                    break
                if (
                    position > start
                    and view.has_proclitic_preposition(position)
                    and (view.mention_at[position] is None or not view.is_word(start, "role"))
                ):
                    # بابا للفاتيكان ends the phrase; الأمين العام للأمم المتحدة X does not.
                    break
            mention = view.mention_at[position]
            if mention is None or mention.first == position:
                words += 1  # a name counts as one word, however long
            position += 1
        return position

    def _phrase_entities(
        self, view: DocView, start: int, end: int, arguments: Arguments, *, prefer_people: bool = True
    ) -> list[Entity]:
        """The participants a phrase names: its people (with the body in their title as
        affiliation) or else its first organisations and countries joined by و; a title with
        no name resolves through `DocView.role_holder`. Sets `arguments.phrase_end` to the
        token after the last name taken, where an object may begin."""
        mentions = [m for m in view.mentions_in(start, end) if m.entity.type in AGENT_TYPES | PLACE_TYPES]
        arguments.phrase_end = start
        if not mentions:
            first = start
            while first < end and view.tokens[first].kind == "punct":
                first += 1
            if first < end and view.is_word(first, "role"):
                holder = view.role_holder(first, end)
                if holder is not None:
                    title_end = first + 1
                    while title_end < end and view.tokens[title_end].prefix.startswith("ال"):
                        title_end += 1
                    arguments.used_tokens.update(range(start, title_end))
                    arguments.phrase_end = title_end
                    return [holder]
            return []
        # A person named after a title (رئيس الإقليم مسعود البارزاني) is the participant.
        head = mentions[0]
        people: list[Mention] = []
        if prefer_people:
            # People, with the bodies in their titles between them (السيسي ورئيسة المفوضية
            # الأوروبية فون دير لاين); `_joined` decides which of them go together.
            people = [m for m in mentions if m.entity.type == "PERSON"]
            if people and people[0].first - head.last > 6:
                people = []
        if people:
            group = [people[0]] + [p for p in people[1:] if _joined(view, people[0], p, loose=True)]
            for person in group:
                titles = [
                    b for b in mentions if b.last < person.first and b.entity.type in ("ORG", "GPE", "LOC")
                ]
                if titles:
                    arguments.affiliations[person.entity.id] = titles[-1].entity.id
                elif (affiliation := _affiliation_from_roles(view, person.entity)) is not None:
                    arguments.affiliations[person.entity.id] = affiliation.id
            taken = [m for m in mentions if m.first <= group[-1].last]
        else:
            group = _coordinated_mentions(view, mentions)
            taken = group
        for mention in taken:
            arguments.used_tokens.update(range(mention.first, mention.last + 1))
        arguments.phrase_end = taken[-1].last + 1
        return _unique(m.entity for m in group)

    def _preverbal(
        self, view: DocView, index: int, clause_start: int, arguments: Arguments, triggers: set[int]
    ) -> list[Entity]:
        """The subject before the verb (SVO): the nearest names in the clause, back to another
        verb or a relative pronoun, that are not in a prepositional phrase; or a title there."""
        start = index
        while (
            start > clause_start and (start - 1) not in triggers and not view.is_word(start - 1, "relative")
        ):
            start -= 1
        relative = start - 1
        if start == index and relative > clause_start and view.is_word(relative, "relative"):
            # حماس التي تسيطر: the relative pronoun's antecedent, named just before it.
            antecedent = view.mention_at[relative - 1]
            if antecedent is not None and antecedent.entity.type in AGENT_TYPES:
                return [antecedent.entity]
        mentions = [
            m
            for m in view.mentions_in(start, index)
            if m.entity.type in AGENT_TYPES and not _in_prepositional_phrase(view, m, start)
        ]
        if not mentions:
            first = start
            while first < index and view.tokens[first].kind == "punct":
                first += 1
            if first < index and view.is_word(first, "role"):
                holder = view.role_holder(first, index)
                return [holder] if holder is not None else []
            return []
        people = [m for m in mentions if m.entity.type == "PERSON"]
        group = _coordinated(view, (people or mentions)[::-1])
        for mention in mentions:
            arguments.used_tokens.update(range(mention.first, mention.last + 1))
        return group

    def _participle_subject(
        self, view: DocView, index: int, acts: Sequence[SpeechAct], previous: list[tuple[Event, Arguments]]
    ) -> list[Entity]:
        """مثنيا على ...: the one doing the main verb of the sentence."""
        sentence_start, _ = view.sentence_range(index)
        candidates: list[tuple[int, list[Entity]]] = [
            (a.index, [a.speaker])
            for a in acts
            if a.speaker is not None and sentence_start <= a.index < index
        ]
        for event, arguments in previous:
            trigger = view.token_at(event.trigger.start)
            if trigger is not None and sentence_start <= trigger < index and arguments.actors:
                candidates.append((trigger, arguments.actors))
        if not candidates:
            return []
        return max(candidates, key=lambda c: c[0])[1]

    def _pair(
        self, view: DocView, start: int, end: int, previous: list[tuple[Event, Arguments]]
    ) -> list[Entity]:
        """الجانبان/الطرفان: the two sides of the last meeting or agreement."""
        if not any(
            view.is_word(i, "pair") for i in range(start, min(end, start + 3)) if i < len(view.tokens)
        ):
            return []
        for event, arguments in reversed(previous):
            sides = _unique(arguments.actors + arguments.recipients)
            if event.type in ("CONSULT", "AGREE") and len(sides) >= 2:
                return sides
        return []

    def _armed(self, view: DocView, arguments: Arguments, index: int, clause_start: int) -> bool:
        words = view.words["armed"]
        for entity in arguments.actors:
            if any(normalize_word(w) in words for w in entity.name.split()):
                return True
        window = range(max(clause_start, index - 4), min(len(view.tokens), index + 4))
        return any(view.has_form(i, words) for i in window)

    # --- circumstances --------------------------------------------------------------
    def _negated(self, view: DocView, index: int, clause_start: int) -> bool:
        tokens = view.tokens
        position = index - 1
        looked = 0
        # لا يريد أن يحمل، لم يعد: a negated verb governing the trigger through أن.
        if clause_start > 0 and tokens[clause_start - 1].text in ("أن", "بأن") and clause_start == index:
            clause_start = max(0, clause_start - 3)
        while position >= clause_start and looked < 3:
            if tokens[position].kind != "punct":
                if view.is_word(position, "negation"):
                    return True
                if tokens[position].norm not in ("قد", "وقد", "فقد", "ان"):
                    looked += 1
            position -= 1
        sentence_start, _ = view.sentence_range(index)
        return any(view.is_word(i, "denial") for i in range(sentence_start, index))

    def _intent(self, view: DocView, match: TriggerMatch, clause_start: int) -> bool:
        """Whether the trigger states an intention or a condition (سنرد، لن تسمح، إذا)."""
        return self._modality(view, match, clause_start, None) in ("future", "hypothetical")

    def _modality(
        self, view: DocView, match: TriggerMatch, clause_start: int, date: str | None
    ) -> str | None:
        tokens = view.tokens
        index = match.index
        sentence_start, sentence_end = view.sentence_range(index)
        if any(view.is_word(i, "conditional") for i in range(sentence_start, sentence_end) if i != index):
            return "hypothetical"
        if match.reading.proclitic == "س":
            return "future"
        for position in range(max(clause_start, index - 4), index):
            if tokens[position].kind != "punct" and view.is_word(position, "future"):
                return "future"
        published = view.doc.published
        if date and published:
            try:
                then = dt.date.fromisoformat((date + "-01-01")[:10] if len(date) < 10 else date)
                now = dt.date.fromisoformat(published)
            except ValueError:
                return None
            if (now - then).days > HISTORICAL_DAYS + (0 if len(date) == 10 else 30):
                return "historical"
        return None

    def _date(self, view: DocView, index: int, clause_start: int, clause_end: int) -> str | None:
        """The time expression of the clause, else of the sentence (nearest to the trigger);
        the publication date when the sentence says اليوم."""
        doc = view.doc
        if not doc.times:
            return self._today(view, index)
        trigger = view.tokens[index]
        sentence_first, sentence_end = view.sentence_range(index)
        lo, hi = view.tokens[sentence_first].start, view.tokens[sentence_end - 1].end
        clause_lo, clause_hi = view.tokens[clause_start].start, view.tokens[clause_end - 1].end
        candidates = [
            t for t in doc.times if t.value and _CALENDAR_DATE.match(t.value) and lo <= t.start < hi
        ]
        if not candidates:
            return self._today(view, index)
        in_clause = [t for t in candidates if clause_lo <= t.start < clause_hi]
        pool = in_clause or candidates
        best = min(pool, key=lambda t: abs(t.start - trigger.start))
        return best.value

    def _today(self, view: DocView, index: int) -> str | None:
        published = view.doc.published
        if not published:
            return None
        start, end = view.sentence_range(index)
        return published if any(view.is_word(i, "now") for i in range(start, end)) else None

    def _location(
        self,
        view: DocView,
        index: int,
        clause_start: int,
        arguments: Arguments,
        triggers: set[int],
        event_type: str,
    ) -> Entity | None:
        """The most specific place named from the clause start to the next trigger of the
        sentence (for physical events, else earlier in the sentence) that is not a participant
        or in a title."""
        sentence_start, sentence_end = view.sentence_range(index)
        stop = next((t for t in sorted(self._verb_triggers) if index < t < sentence_end), sentence_end)
        participants = {e.id for e in arguments.actors + arguments.recipients}
        affiliations = set(arguments.affiliations.values())

        def usable(mention: Mention) -> bool:
            entity = mention.entity
            return (
                entity.type in PLACE_TYPES
                and entity.id not in participants | affiliations
                and not any(i in arguments.used_tokens for i in range(mention.first, mention.last + 1))
            )

        _, clause_end = view.clause_range(index)
        trigger_start = view.tokens[index].start

        def rank(mention: Mention) -> tuple[bool, int, int]:
            # A geocoded place before one the gazetteer does not know or a site (ساحة الشهداء),
            # the most specific first, the nearest of equals.
            geo = None if _is_site(view, mention) else mention.entity.geo
            specificity = _PLACE_RANK.get(geo.kind, _UNKNOWN_PLACE_RANK) if geo else 0
            return geo is None, specificity, abs(mention.span.start - trigger_start)

        in_clause = [m for m in view.mentions_in(clause_start, min(clause_end, stop)) if usable(m)]
        if in_clause:
            best = min(in_clause, key=rank)
            # ... في العراق، ومدينة الموصل: a city after the clause that narrows its country.
            if best.entity.geo is not None and best.entity.geo.kind == "country":
                narrower = [
                    m for m in view.mentions_in(clause_end, stop)
                    if usable(m) and m.entity.geo is not None and m.entity.geo.kind != "country"
                    and m.entity.geo.country == best.entity.geo.country
                ]  # fmt: skip
                if narrower:
                    return min(narrower, key=rank).entity
            return best.entity
        if event_type in _BACKWARD_PLACE_TYPES:
            # وصل إلى طهران ...، والتقى نظيره: a place the sentence went to before the event.
            earlier = [
                m for m in view.mentions_in(sentence_start, index)
                if usable(m) and _in_prepositional_phrase(view, m, sentence_start)
            ]  # fmt: skip
            if earlier:
                return min(earlier, key=rank).entity
        return None

    def _actor_place(self, view: DocView, arguments: Arguments, clause_end: int) -> Entity | None:
        """A place in a prepositional phrase right after an actor's name: where the actor is."""
        actors = {e.id for e in arguments.actors}
        for mention in view.mentions:
            if mention.entity.id not in actors:
                continue
            following = mention.last + 1
            if following < clause_end and view.tokens[following].norm in ("في", "ب"):
                for place in view.mentions_in(following + 1, min(clause_end, following + 2)):
                    if place.entity.type in PLACE_TYPES:
                        return place.entity
        return None

    def _sentence_location(
        self, view: DocView, index: int, previous: list[tuple[Event, Arguments]]
    ) -> Entity | None:
        """The place of the event before, in the same sentence (اقتحمت القوات جنين، واعتقلت)."""
        sentence_start, _ = view.sentence_range(index)
        for event, _arguments in reversed(previous):
            trigger = view.token_at(event.trigger.start)
            placed = event.location and id(event) not in self._weak_locations
            if trigger is not None and sentence_start <= trigger < index and placed:
                return view.entities.get(event.location or "")
        return None

    def _counts(self, view: DocView, event_type: str, index: int) -> dict[str, float]:
        kinds = _COUNT_KINDS.get(event_type)
        if not kinds:
            return {}
        start, end = view.sentence_range(index)
        lo, hi = view.tokens[start].start, view.tokens[end - 1].end
        counts: dict[str, float] = {}
        for quantity in view.doc.quantities:
            kind = getattr(quantity, "kind", None) or quantity.unit
            if kind in kinds and lo <= quantity.start < hi:
                counts[kind] = max(counts.get(kind, 0), quantity.value)
        return counts


# --- helpers ------------------------------------------------------------------------
def _readings_of(norm: str, preposition: str) -> Iterator[TokenForm]:
    return (r for r in readings(norm) if r.form == preposition or r.proclitic == preposition)


def _referent(
    view: DocView,
    index: int,
    enclitic: str,
    exclude: set[str],
    previous: Sequence[tuple[Event, Arguments]] = (),
) -> Entity | None:
    """What a singular pronoun (ه، ها) on a verb, noun or preposition refers to: the doer of
    the last event in this or the previous sentence (the topic), else the nearest person, else
    organisation, named before it; plural pronouns are left unresolved."""
    if enclitic not in ("ه", "ها"):
        return None
    sentence = view.sentence_of[index]
    for event, arguments in reversed(previous):
        trigger = view.token_at(event.trigger.start)
        if trigger is None or trigger >= index or sentence - view.sentence_of[trigger] > 1:
            continue
        actors = [e for e in arguments.actors if e.id not in exclude]
        if len(actors) == 1:
            return actors[0]
    return view.nearest_before(index, frozenset({"PERSON"}), exclude=exclude) or view.nearest_before(
        index, frozenset({"ORG"}), exclude=exclude
    )


def _unique(entities: Iterable[Entity | None]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        if entity is not None:
            seen.setdefault(entity.id, entity)
    return list(seen.values())


def _joined(view: DocView, first: Mention, other: Mention, *, loose: bool = False) -> bool:
    """Whether two mentions are conjoined by و (X وY; loosely, with a title between)."""
    lo, hi = sorted((first, other), key=lambda m: m.first)
    gap = [i for i in range(lo.last + 1, hi.first) if view.tokens[i].kind != "punct"]
    if not gap:
        return view.tokens[hi.first].norm.startswith("و")
    if len(gap) == 1 and view.tokens[gap[0]].norm == "و":
        return True
    return (
        loose
        and len(gap) <= 4
        and view.tokens[gap[0]].norm.startswith("و")
        and not any(view.is_preposition(i) for i in gap)
    )


def _coordinated_mentions(view: DocView, mentions: list[Mention]) -> list[Mention]:
    """The first mention and those joined to it by و, in the order given."""
    group = [mentions[0]]
    for mention in mentions[1:]:
        if _joined(view, group[-1], mention):
            group.append(mention)
        else:
            break
    return group


def _coordinated(view: DocView, mentions: list[Mention]) -> list[Entity]:
    return _unique(m.entity for m in _coordinated_mentions(view, mentions)) if mentions else []


def _is_site(view: DocView, mention: Mention) -> bool:
    """Whether a place is named as a site (ساحة الشهداء، قاعدة عين الأسد), whose gazetteer
    match, if any, is another place of that name."""
    position = mention.first - 1
    return position >= 0 and view.mention_at[position] is None and view.has_form(position, view.words["site"])


def _can_act(entity: Entity, event_type: str | None = None) -> bool:
    """Whether an entity can be a participant: people, organisations and countries; a region
    with its own government (إقليم كردستان) too, except in events that happen at a place."""
    if entity.type in ("PERSON", "ORG"):
        return True
    if entity.type != "GPE":
        return False
    if entity.geo is None or entity.geo.kind == "country":
        return True
    return entity.geo.kind == "admin1" and event_type is not None and event_type not in _PHYSICAL_TYPES


def _in_prepositional_phrase(view: DocView, mention: Mention, clause_start: int) -> bool:
    """Whether a mention is governed by a preposition: في بغداد، لوزارة، في قصر قرطاج."""
    if view.has_proclitic_preposition(mention.first):
        return True
    words: list[int] = []
    position = mention.first - 1
    while position >= clause_start and len(words) < 2:
        if view.tokens[position].kind != "punct":
            words.append(position)
        position -= 1
    if not words:
        return False
    if view.is_preposition(words[0]):
        return True
    head = words[0]
    return (
        len(words) == 2
        and view.is_preposition(words[1])
        and view.mention_at[head] is None
        and not view.tokens[head].prefix.endswith("ال")
    ) or (view.mention_at[head] is None and view.has_proclitic_preposition(head))


def _affiliation_from_roles(view: DocView, person: Entity) -> Entity | None:
    """The organisation or country named in a person's title (roles from the entity layer)."""
    for role in person.roles:
        norm_role = normalize_word(role)
        for entity in view.entities.values():
            if (
                entity.type in _ACTOR_ORGS
                and entity.id != person.id
                and normalize_word(entity.name) in norm_role
            ):
                return entity
    return None


def _dateline(view: DocView) -> Entity | None:
    """A place opening the body before a dash or colon (بغداد - ...), the story's dateline."""
    text = view.doc.text
    body_start = len(view.doc.headline) + 1 if view.doc.headline else 0
    for mention in view.mentions:
        if mention.span.start < body_start:
            continue
        if mention.span.start > body_start + 40:
            break
        after = text[mention.span.end : mention.span.end + 4].lstrip(" )")
        if mention.entity.type in PLACE_TYPES and after[:1] in ("-", "–", "—", ":", "("):
            return mention.entity
    return None


def _confidence(match: TriggerMatch, arguments: Arguments, location: Entity | None) -> float:
    score = 0.55 if match.entry.pos == "v" else 0.45
    if match.entry.needs:
        score += 0.1
    if arguments.actors:
        score += 0.15
    if arguments.recipients:
        score += 0.1
    if location is not None:
        score += 0.05
    return round(min(score, 0.95), 2)


def _merge(events: list[Event], headline_end: int, weak: set[int], rank: dict[str, int]) -> list[Event]:
    """One event per happening. A headline and the body often report the same one, the
    headline with fewer participants; a report without a named doer (قُتل ثلاثة) is the
    event a nearby sentence names one for. `headline_end` is where the headline ends (0: none);
    `weak` holds the ids of events placed only by the dateline."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_happening(k, event, headline_end)), None)
        if twin is None:
            kept.append(event)
        elif _participants(event) > _participants(twin) or (
            twin.trigger.start < headline_end <= event.trigger.start
            and _participants(event) == _participants(twin)
        ):  # the body's report of it is the more precise one
            _absorb(event, twin, headline_end, weak, rank)
            kept[kept.index(twin)] = event
        else:
            _absorb(twin, event, headline_end, weak, rank)
    merged: list[Event] = []
    for event in kept:
        if not event.actors and event.modality is None:
            host = _host(event, kept, merged, headline_end)
            if host is not None:
                _absorb(host, event, headline_end, weak, rank)
                continue
        merged.append(event)
    merged.sort(key=lambda e: e.trigger.start)
    for number, event in enumerate(merged, 1):
        event.id = f"V{number}"
    return merged


def _participants(event: Event) -> int:
    return len(event.actors) + len(event.recipients)


def _near(a: Event, b: Event, headline_end: int) -> bool:
    """In the same or a neighbouring sentence, or one of them in the headline."""
    in_headline = a.trigger.start < headline_end or b.trigger.start < headline_end
    return in_headline or abs(a.sentence.start - b.sentence.start) <= _NEIGHBOUR_CHARS


def _same_happening(a: Event, b: Event, headline_end: int) -> bool:
    """Same type and negation, compatible dates, and the same named participants nearby; or
    a headline's participants within the body's (السيسي يلتقي ماكرون / التقى السيسي ماكرون في),
    or, for things that happen (not statements), one's within the other's in one sentence
    (قُتل الصحفي بغارة شنتها القوات)."""
    if a.type != b.type or a.negated != b.negated or (a.date and b.date and a.date != b.date):
        return False
    if not (a.actors or a.recipients) or not (b.actors or b.recipients):
        return False
    if set(a.actors) == set(b.actors) and set(a.recipients) == set(b.recipients):
        return _near(a, b, headline_end)
    in_headline = a.trigger.start < headline_end or b.trigger.start < headline_end
    same_sentence = a.sentence.start == b.sentence.start and a.type in _PHYSICAL_TYPES
    if not (in_headline or same_sentence):
        return False
    small, large = sorted((a, b), key=_participants)
    # الأمم المتحدة تدعو / دعا الأمين العام للأمم المتحدة غوتيريش: the body a person acts for.
    acting = set(large.actors) | {large.affiliations[x] for x in large.actors if x in large.affiliations}
    return set(small.actors) <= acting and set(small.recipients) <= set(large.recipients)


def _host(event: Event, events: list[Event], merged: list[Event], headline_end: int) -> Event | None:
    """The event of the same type, in the same or a nearby sentence, that an anonymous report
    belongs to: one with a named doer, else an earlier anonymous one already kept."""

    def near(other: Event) -> bool:
        return (
            other is not event
            and other.type == event.type
            and other.negated == event.negated
            and (
                event.type == "ASSAULT"
                or other.mode is None
                or event.mode is None
                or other.mode == event.mode
            )
            and _near(other, event, headline_end)
        )

    named = [
        other for other in events
        if other.actors and near(other) and not set(event.recipients) & set(other.actors)
    ]  # fmt: skip
    if named:
        return min(named, key=lambda other: abs(other.sentence.start - event.sentence.start))
    return next((other for other in merged if near(other)), None)


def _absorb(host: Event, other: Event, headline_end: int, weak: set[int], rank: dict[str, int]) -> None:
    """Folds a second report of an event into the one kept; the body's place and date are
    more precise than a headline's, a place named in the text than the dateline, a city than
    its country (`rank`: entity id -> specificity, smaller is more specific)."""
    host_in_headline = host.trigger.start < headline_end and other.trigger.start >= headline_end
    host.recipients = host.recipients or [r for r in other.recipients if r not in host.actors]
    stronger = id(host) in weak and id(other) not in weak
    narrower = (
        host.location is not None and other.location is not None and id(other) not in weak
        and rank.get(other.location, _UNKNOWN_PLACE_RANK) < rank.get(host.location, _UNKNOWN_PLACE_RANK)
    )  # fmt: skip
    if other.location and (host.location is None or host_in_headline or stronger or narrower):
        host.location = other.location
        weak.discard(id(host))
    if other.date and (host.date is None or host_in_headline):
        host.date = other.date
    host.confidence = max(host.confidence, other.confidence)
    for kind, value in other.counts.items():
        host.counts.setdefault(kind, value)
