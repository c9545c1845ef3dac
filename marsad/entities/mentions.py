"""Mentions: where in the text a name stands, and the forms it is matched by.

The span convention (see docs/entities.md): a mention covers the name as written,
starting after any conjunction or preposition proclitic (و ف ب ل ك) but including a
written definite article. So `والغبان` gives the mention `الغبان`, `لوزارة الداخلية` gives
`وزارة الداخلية` and `البارزاني` keeps its article. In `للعراق` (ل + ال, the article's
alef dropped after the preposition) the second ل is the article: the mention is `لعراق`,
from the article's lam, and the name built from it is `العراق`. A mention ends where its
last word ends, pronoun suffix included (names seldom carry one, and cutting a name on a
wrong suffix split costs more than keeping a rare pronoun).

Every mention carries a matching key: one form per word, normalised by the text layer,
with proclitics removed and the article written as ال. Rules and coreference compare keys,
never raw text, so `لكركوك`, `وكركوك` and `كركوك` are one name.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from itertools import pairwise

from marsad import resources
from marsad.document import ENTITY_TYPES, Token

ARTICLE = "ال"
# The preposition ل before the article, written لل: the article's alef is dropped.
LAM_ARTICLE = "لل"
# Marks that set off a name in news copy, and the hashtag marks of web copy
# (#غوتيريس, محمود_عباس); they are never part of a name.
NAME_MARKS = frozenset("\"«»“”„(){}[]'#_")
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Mention:
    """One mention of an entity: a run of tokens, its span, its name and matching key.

    first, last (int): token indices into the document's tokens, `last` exclusive.
    start, end (int): character offsets into the document's text (see the module doc).
    name (str): the name as written, without clitics, marks or titles; for a name in
        quotation marks after a head that belongs to it (منظمة"بدر") the head is included.
    key (tuple[str, ...]): the matching form of each word of `name`.
    source (str): what found it: "model", "org-head", "kunya", "alias", "role", "anaphor",
        "propagated". Only mentions that name the entity (`naming`) give it its name.
    description (bool): it describes a body rather than naming it (`الحكومة اللبنانية`);
        with `naming`, it decides the contract's `EntityMention.named`.
    roles, role_spans: a person's roles as written, and the token ranges of those found
        next to this mention (see `rules.attach_roles`).
    heads (tuple[str, ...]): descriptor heads seen before it (تنظيم for تنظيم(داعش)),
        which anaphors such as التنظيم resolve through.
    """

    first: int
    last: int
    type: str
    start: int
    end: int
    name: str
    key: tuple[str, ...]
    source: str = "model"
    naming: bool = True
    description: bool = False
    roles: list[str] = field(default_factory=list)
    role_spans: list[tuple[int, int]] = field(default_factory=list)
    heads: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return self.last - self.first

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


def has_article(token: Token) -> bool:
    """Whether the token carries the definite article (ال, or ل + ال written لل)."""
    return token.prefix.endswith(ARTICLE) or token.prefix.endswith(LAM_ARTICLE)


# Proclitics that stand outside a mention: conjunctions and prepositions. The future
# particle س only ever precedes a verb, so a name that seems to begin with it (سامر) keeps it.
OUTSIDE_PROCLITICS = frozenset("وفبلك")


def _proclitic_letters(prefix: str) -> int:
    """How many leading letters of a token's proclitics stand outside the mention."""
    if prefix.endswith(ARTICLE):
        prefix = prefix[: -len(ARTICLE)]
    elif prefix.endswith(LAM_ARTICLE):
        prefix = prefix[:-1]
    count = 0
    while count < len(prefix) and prefix[count] in OUTSIDE_PROCLITICS:
        count += 1
    return count


def word_key(token: Token) -> str:
    """The token's matching form: normalised, conjunction and preposition removed, the
    article kept and written ال (للعراق, والعراق and العراق are all العراق)."""
    return _keys(token.kind, token.prefix, token.norm)[0]


def bare_key(token: Token) -> str:
    """The matching form without the article too (وزارة for لوزارة, رئيس for الرئيس)."""
    return _keys(token.kind, token.prefix, token.norm)[1]


@functools.lru_cache(maxsize=200_000)
def _keys(kind: str, prefix: str, norm: str) -> tuple[str, str]:
    """`word_key` and `bare_key` of a token so analysed: the rules ask for them several
    times a token (cached: the rules took 2.6 s instead of 2.8 s over 250 news articles)."""
    if kind != "arabic":
        return norm, norm
    if prefix.endswith(LAM_ARTICLE):  # ل + ال, the alef dropped: للعراق
        key = ARTICLE + norm[len(prefix) :]
        return key, key[len(ARTICLE) :]
    key = norm[_proclitic_letters(prefix) :]
    return key, key[len(ARTICLE) :] if prefix.endswith(ARTICLE) else key


def letter_offset(token: Token, letters: int) -> int:
    """The text offset of the token's `letters`-th letter (marks such as harakat skipped)."""
    if letters <= 0:
        return token.start
    word = resources.normalizer().word
    seen = 0
    for index, char in enumerate(token.text):
        if word(char):
            if seen == letters:
                return token.start + index
            seen += 1
    return token.end


def mention_start(token: Token) -> int:
    """Where a mention that begins with this token starts (see the module doc)."""
    if token.kind != "arabic" or not token.prefix:
        return token.start
    return letter_offset(token, _proclitic_letters(token.prefix))


def is_mark(token: Token) -> bool:
    return token.kind == "punct" and token.text in NAME_MARKS


def display_name(text: str, tokens: list[Token], first: int, last: int) -> str:
    """The name of tokens[first:last] as written: clitics and marks dropped, spacing normalised.

    Words that a mark separated without a space (منظمة"بدر") are written apart.
    """
    indices = [i for i in range(first, last) if not is_mark(tokens[i])]
    if not indices:
        return ""
    lead = tokens[indices[0]]
    head = text[mention_start(lead) : lead.end]
    if lead.kind == "arabic" and lead.prefix.endswith(LAM_ARTICLE):
        head = ARTICLE + head[1:]
    pieces = [head]
    for before, index in pairwise(indices):
        apart = index - before > 1 or tokens[before].end < tokens[index].start
        pieces.append(" " if apart else "")
        pieces.append(tokens[index].text)
    return _SPACES.sub(" ", "".join(pieces)).strip()


def name_key(tokens: list[Token], first: int, last: int) -> tuple[str, ...]:
    """The matching key of tokens[first:last]: one form per word, marks left out."""
    return tuple(word_key(token) for token in tokens[first:last] if not is_mark(token))


def make_mention(
    text: str, tokens: list[Token], first: int, last: int, type_: str, source: str = "model"
) -> Mention:
    """A naming mention over tokens[first:last], with marks at either edge left outside it."""
    while first < last and is_mark(tokens[first]):
        first += 1
    while last > first and is_mark(tokens[last - 1]):
        last -= 1
    return Mention(
        first=first, last=last, type=type_, start=mention_start(tokens[first]),
        end=tokens[last - 1].end, name=display_name(text, tokens, first, last),
        key=name_key(tokens, first, last), source=source,
    )  # fmt: skip


def decode_labels(labels: list[str]) -> list[tuple[int, int, str]]:
    """Turns IOB labels (IOB2, tolerating IOB1 habits) into `(first, last, type)` runs.

    An I- label that does not continue a run of its own type starts a new one, which is
    how IOB1 and a tagger's occasional inconsistency read most sensibly. Unknown types
    are dropped rather than guessed at.
    """
    runs: list[tuple[int, int, str]] = []
    open_at, open_type = -1, ""
    for index, label in enumerate([*labels, "O"]):
        tag, _, type_ = label.partition("-")
        continues = tag == "I" and open_at >= 0 and open_type == type_
        if open_at >= 0 and not continues:
            runs.append((open_at, index, open_type))
            open_at = -1
        if tag in ("B", "I") and not continues and type_ in ENTITY_TYPES:
            open_at, open_type = index, type_
    return runs


def model_mentions(text: str, tokens: list[Token], labels: list[str]) -> list[Mention]:
    """Mentions from one label per token (all sentences' labels, in token order)."""
    mentions = []
    for first, last, type_ in decode_labels(labels):
        words = [t for t in tokens[first:last] if not is_mark(t) and t.kind != "punct"]
        if words:
            mentions.append(make_mention(text, tokens, first, last, type_))
    return mentions
