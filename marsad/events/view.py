"""A read-only view of a Document for the event and quote rules: tokens, clauses, mentions.

Both rule sets ask the same questions (which entity mention covers this token, where does
this clause end, who is the nearest person before here), so the answers are computed once
per document here, from the contract's layers only.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from marsad.document import Document, Entity, Span, Token
from marsad.events.triggers import readings
from marsad.text import normalize_word

CLAUSE_PUNCT = frozenset(".،,؛;:!?؟…")
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
AGENT_TYPES = frozenset({"PERSON", "ORG", "GPE"})
QUOTE_MARKS = frozenset('"«»“”„')
_ENCLITICS = ("هما", "هم", "هن", "ها", "ه", "نا")


@dataclass(frozen=True, slots=True)
class WordLists:
    """The closed-class words of `data/words.tsv`, by class."""

    classes: dict[str, frozenset[str]]

    @classmethod
    def from_file(cls, path: Path) -> WordLists:
        classes: dict[str, frozenset[str]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, words = line.split("\t")
                classes[name] = frozenset(normalize_word(w) for w in words.split(","))
        return cls(classes)

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.classes[name]


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention, located in token indices (first, last inclusive)."""

    entity: Entity
    span: Span
    first: int
    last: int


class DocView:
    """Token-level access to a Document's sentences and entity mentions."""

    def __init__(self, doc: Document, words: WordLists):
        self.doc = doc
        self.words = words
        self.tokens: list[Token] = doc.tokens
        self.entities = {e.id: e for e in doc.entities}
        starts = [t.start for t in self.tokens]
        self._token_starts = starts
        self.sentence_of: list[int] = []
        sentence_starts = [s.start for s in doc.sentences]
        for token in self.tokens:
            self.sentence_of.append(max(0, bisect_right(sentence_starts, token.start) - 1))
        # first, end (exclusive) token index of each sentence
        firsts: list[int | None] = [None] * len(doc.sentences)
        ends = [0] * len(doc.sentences)
        for index, number in enumerate(self.sentence_of):
            if number < len(firsts):
                if firsts[number] is None:
                    firsts[number] = index
                ends[number] = index + 1
        self.sentence_tokens: list[tuple[int, int]] = [
            (first, end) if first is not None else (0, 0) for first, end in zip(firsts, ends, strict=True)
        ]
        self.mentions: list[Mention] = []
        self.mention_at: list[Mention | None] = [None] * len(self.tokens)
        for entity in doc.entities:
            for span in entity.mentions:
                first = self.token_at(span.start)
                last = self.token_at(max(span.start, span.end - 1))
                if first is None or last is None:
                    continue
                mention = Mention(entity, span, first, last)
                self.mentions.append(mention)
                for index in range(first, last + 1):
                    current = self.mention_at[index]
                    if current is None or (current.span.end - current.span.start) < (span.end - span.start):
                        self.mention_at[index] = mention
        self._add_surname_mentions()
        self._add_head_noun_mentions()
        self.mentions.sort(key=lambda m: m.span.start)

    def _add_surname_mentions(self) -> None:
        """A person's family name standing alone where the entity layer left it untagged
        (أنتوني بلينكن ... وأعلن بلينكن): read as that person when only one has that name."""
        surnames: dict[str, list[Entity]] = {}
        for entity in self.doc.entities:
            words = normalize_word(entity.name).split()
            if entity.type == "PERSON" and words and len(words[-1]) >= 4:
                surnames.setdefault(words[-1], []).append(entity)
        for index, token in enumerate(self.tokens):
            if self.mention_at[index] is not None or token.kind != "arabic":
                continue
            bare = token.norm[1:] if token.norm[:1] in "وف" and token.norm[1:] in surnames else token.norm
            holders = surnames.get(bare)
            if holders and len(holders) == 1:
                span = Span(token.start, token.end, token.text)
                mention = Mention(holders[0], span, index, index)
                self.mentions.append(mention)
                self.mention_at[index] = mention

    def _add_head_noun_mentions(self) -> None:
        """The head noun of a body named before, standing alone (جماعة الحوثي ... الجماعة،
        القوات المسلحة الأردنية ... القوات): read as that body when only one has that head."""
        heads: dict[str, list[Entity]] = {}
        first_seen: dict[str, int] = {}
        for entity in self.doc.entities:
            words = normalize_word(entity.name).split()
            if entity.type == "ORG" and len(words) >= 2:
                head = words[0][2:] if words[0].startswith("ال") else words[0]
                if len(head) >= 3:
                    heads.setdefault(head, []).append(entity)
                    starts = [m.start for m in entity.mentions]
                    first_seen[entity.id] = min(starts) if starts else 0
        for index, token in enumerate(self.tokens):
            if (
                self.mention_at[index] is not None
                or token.kind != "arabic"
                or not token.prefix.endswith("ال")
            ):
                continue
            holders = heads.get(token.stem)
            if holders and len(holders) == 1 and first_seen[holders[0].id] < token.start:
                span = Span(token.start, token.end, token.text)
                mention = Mention(holders[0], span, index, index)
                self.mentions.append(mention)
                self.mention_at[index] = mention

    # --- tokens ---------------------------------------------------------------------
    def token_at(self, offset: int) -> int | None:
        """The index of the token that covers `offset`, if one does."""
        index = bisect_right(self._token_starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return index
        return None

    def is_word(self, index: int, name: str) -> bool:
        """Whether the token, with a conjunction peeled off, is a word of class `name`."""
        norm = self.tokens[index].norm
        wordset = self.words[name]
        if norm in wordset or (norm[:1] in "وف" and norm[1:] in wordset):
            return True
        if name != "complementizer":
            return False
        # إنها، بأنه، لأنهم: a particle with a suffixed pronoun.
        for enclitic in _ENCLITICS:
            if norm.endswith(enclitic) and len(norm) > len(enclitic) + 1:
                bare = norm[: -len(enclitic)]
                if bare in wordset or (bare[:1] in "وف" and bare[1:] in wordset):
                    return True
        return False

    def is_preposition(self, index: int) -> bool:
        """Whether the token is a preposition word, clitics and all (معه, خلالها, وفي)."""
        if self.mention_at[index] is not None:
            return False
        return self.has_form(index, self.words["preposition"])

    def has_proclitic_preposition(self, index: int) -> bool:
        """Whether the token begins with ب or ل as a preposition (بالعراق, لوزارة)."""
        token = self.tokens[index]
        prefix = token.prefix.lstrip("وف")
        return prefix[:1] in ("ب", "ل") if token.kind == "arabic" else False

    def is_clause_break(self, index: int) -> bool:
        token = self.tokens[index]
        if token.kind == "punct":
            if token.text in "-–—":  # بغداد - ...: a spaced dash ends the dateline
                text = self.doc.text
                return text[token.start - 1 : token.start] == " " and text[token.end : token.end + 1] == " "
            return bool(set(token.text) & CLAUSE_PUNCT)
        return self.is_word(index, "stop") or self.is_word(index, "complementizer")

    def sentence_range(self, index: int) -> tuple[int, int]:
        if not self.sentence_tokens:
            return 0, len(self.tokens)
        return self.sentence_tokens[self.sentence_of[index]]

    def clause_range(self, index: int) -> tuple[int, int]:
        """Token range (start, end exclusive) of the clause around `index`, within its sentence."""
        first, end = self.sentence_range(index)
        start = index
        while start > first and not self.is_clause_break(start - 1):
            start -= 1
        stop = index + 1
        while stop < end and not self.is_clause_break(stop):
            stop += 1
        return start, stop

    def has_form(self, index: int, forms: frozenset[str]) -> bool:
        """Whether any clitic reading of the token is one of `forms`."""
        token = self.tokens[index]
        return token.norm in forms or any(r.form in forms for r in readings(token.norm))

    # --- mentions -------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that begin within the token range, in text order, each once."""
        found: list[Mention] = []
        index = start
        while index < end:
            mention = self.mention_at[index]
            if mention is not None and mention.first >= start:
                found.append(mention)
                index = mention.last + 1
            else:
                index += 1
        return found

    def nearest_before(
        self, index: int, types: frozenset[str], *, exclude: set[str] = frozenset(), limit: int | None = None
    ) -> Entity | None:
        """The entity of the nearest mention ending before token `index` (optionally from `limit` on)."""
        offset = self.tokens[index].start if index < len(self.tokens) else len(self.doc.text)
        floor = self.tokens[limit].start if limit is not None else -1
        best: Mention | None = None
        for mention in self.mentions:
            if mention.span.end > offset:
                break
            if mention.span.start < floor:
                continue
            if mention.entity.type in types and mention.entity.id not in exclude:
                best = mention
        return best.entity if best else None

    def role_holder(self, first: int, end: int) -> Entity | None:
        """The person a title names (وزير الداخلية العراقي): by the entity's roles, else by an
        earlier place where the same title stands next to a named person."""
        if not self.is_word(first, "role"):
            return None
        # The title: the office and the words of its name after it (وزير الداخلية العراقي),
        # not what follows it in the sentence (الرئيس ووصفتها).
        words = [self.tokens[first].norm]
        for position in range(first + 1, end):
            norm = self.tokens[position].norm
            if self.tokens[position].kind != "arabic" or norm.startswith("و") or self.mention_at[position]:
                break
            if not (norm.startswith("ال") or self.is_word(position, "role")):
                break
            words.append(norm)
        title = words[: min(3, len(words))]
        for length in range(len(title), 0, -1):
            probe = " ".join(_bare(w) for w in title[:length])
            holders = [
                e
                for e in self.entities.values()
                if e.type == "PERSON"
                and any(probe in " ".join(_bare(w) for w in normalize_word(r).split()) for r in e.roles)
            ]
            if len(holders) == 1:
                return holders[0]
            # الرئيس alone is the head of state, not رئيس الحكومة: the role must begin with it.
            starting = [e for e in holders if any(normalize_word(r).startswith(title[0]) for r in e.roles)]
            if len(starting) == 1:
                return starting[0]
            if length < 2:
                break
        # The same title written just before a named person elsewhere in the text: two words
        # compared without ال (وزير الداخلية), a lone word as written (الرئيس, not رئيس الحكومة).
        two = len(title) >= 2 and not self.is_word(first + 1, "complementizer")
        key = [_bare(w) for w in title[:2]] if two else title[:1]
        for mention in self.mentions:
            if mention.entity.type != "PERSON":
                continue
            before = [
                self.tokens[i].norm
                for i in range(max(0, mention.first - 4), mention.first)
                if self.tokens[i].kind == "arabic"
            ]
            if two:
                before = [_bare(w) for w in before]
            for offset in range(len(before) - len(key) + 1):
                if before[offset : offset + len(key)] == key:
                    return mention.entity
        return None


def _bare(word: str) -> str:
    """A word without ال, so that titles compare across their spellings."""
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return word
