"""Rules that a statistical tagger alone misses in Arabic news.

A tagger trained on ANERcorp-style data sees a word and its neighbours; news copy adds
conventions it rarely learns well enough:

- organisation heads: `وزارة الداخلية العراقية`, `منظمة"بدر"`, `تنظيم(داعش)`,
  `قوات"الحشد الشعبي"` (a name in quotation marks or brackets after a head noun);
- institutions named by whose they are: `الجيش الإسرائيلي`, `الرئاسة المصرية`,
  `القوات المسلحة الأردنية`, `قوات الأمن العراقية`, `صندوق النقد الدولي` (a head noun and
  a state's or international adjective), and bodies named by a fixed phrase
  (`الدفاع المدني`, `الحرس الثوري`);
- names that always stand for one organisation or place, in several forms
  (`داعش`, `الدولة الإسلامية في العراق والشام`), from `data/aliases.tsv`;
- kunya and nasab names: `أبو بكر البغدادي` is one person, `محمد بن سلمان آل سعود` too;
- titles and roles around a person's name: `رئيس إقليم كردستان العراق مسعود البارزاني`,
  `النائب العراقي هادي العامري أمين عام منظمة"بدر"`; they go to the entity's roles and
  never into its name;
- a nationality adjective is not a place: `العراقي` next to `العراق`.

Every word list is a data file in `data/` (see the comments there); this module holds
only the logic. `apply_rules` is the entry point.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from marsad import resources
from marsad.document import Token
from marsad.entities.mentions import (
    ARTICLE,
    OUTSIDE_PROCLITICS,
    Mention,
    bare_key,
    display_name,
    has_article,
    is_mark,
    make_mention,
    mention_start,
    word_key,
)

if TYPE_CHECKING:
    from marsad.linking.registry import Record

# What a word list says of a head word (an OrgHead, a type): see `_marked_after_head`.
HeadInfo = TypeVar("HeadInfo")

# How far back from a name a role phrase may start, in words.
MAX_ROLE_WORDS = 7
# How far after a name a role's complement (an organisation or place) may end, in words.
MAX_ROLE_COMPLEMENT = 5
# Longest name in quotation marks or brackets after an organisation head, in words.
MAX_QUOTED_NAME = 6
# Definite adjectives (العراقية, العالمي) an unmarked organisation name may take.
MAX_ORG_ADJECTIVES = 2
# Longest role phrase that may end right before an institution head (متحدث باسم).
MAX_ROLE_BEFORE_HEAD = 2
# A role ending in this word (المتحدث باسم) is followed by the body it speaks for,
# an organisation; any other role word makes the head its complement (وزير الدفاع).
ON_BEHALF_OF = "باسم"
# Given names, from the NER tagger's gazetteer table (rows `GIVEN<TAB>name`, normalised).
GIVEN_NAMES_FILE = "ner-lexicon.tsv.gz"
PERSON_WORDS_FILE = "person_words.tsv"
NAME_KINDS = frozenset({"GIVEN", "SURNAME", "CITY", "COUNTRY", "STATE"})
# How many words a name found after a role (رئيس الإقليم مسعود البارزاني) may have.
MAX_NAME_AFTER_ROLE = 4
# Tanween (ً ٌ ٍ): a word that carries it is an indefinite common word (مثنياً), not a name.
TANWEEN = frozenset("\u064b\u064c\u064d")
HAMZA_ALEFS = frozenset("أإآ")
# A word must keep this many letters when one proclitic letter is taken off for a look-up.
MIN_STRIPPED_WORD = 3
OPENERS = {'"': '"', "(": ")", "[": "]", "{": "}"}
# Rules whose mention is a name in quotation marks after its head: they win overlaps.
QUOTED_SOURCES = frozenset({"org-quoted", "title-quoted", "place-quoted"})
CONJUNCTIONS = ("و", "ف")
AND = "و"
PLACE_TYPES = frozenset({"GPE", "LOC"})
# A registry place found after a preposition alone (في, إلى, ب-) must be a country or a
# capital, or in the Arab world a province or a town at least this large, elsewhere a
# place at least MIN_FAR_BACKOFF_POPULATION large: the registry's many towns are named by
# common words (الحرية, النصر; far away حيلة in Bulgaria, الترف in China) that follow a
# preposition all the time.
MIN_BACKOFF_POPULATION = 100_000
MIN_FAR_BACKOFF_POPULATION = 1_000_000
# After a preposition, a definite word whose form without the article is seen at least
# this often in unlabelled news is a common noun with its article (الزاوية, the corner;
# البحيرة, the lake), not the place it also names (الزاوية in Libya, البحيرة in Egypt).
MIN_COMMON_NOUN_FREQUENCY = 30
# Nationality adjectives that are far more often a common adjective: المالي is
# 'financial' (التعاون المالي) before it is Malian.
COMMON_WORD_DEMONYMS = frozenset({"مالي"})
# How many times sports_clubs goes over a document for clubs beside clubs (`السد والريان
# والوكرة`: each pass reads one more of a list).
MAX_CLUB_PASSES = 4
# The temporal stage's units (data/units.tsv there) that are currencies: an ISO 4217
# code, or one of these where the code depends on the country (ريال, دينار).
CURRENCY_UNITS = frozenset({"riyal", "dinar", "dirham", "lira", "pound"})
# Proclitic letters that the clitic analysis cuts off names that start with them
# (كاليفورنيا, كابل, فرنسا): a word with one is checked against the place registry.
HIDING_PROCLITICS = frozenset("كف")
# Prepositions written on the next word (بالمدينة, للنادي, كالعادة).
PREPOSITION_LETTERS = frozenset({"ب", "ل", "ك"})
# One-letter proclitics glued on a name the text layer did not split (لفيتيل).
GLUED_PROCLITICS = frozenset("وفبلك")
BROAD_PLACE_KINDS = frozenset({"country", "admin1"})
# A word seen more often than this in unlabelled news (`resources.word_frequencies()`)
# is a common word (جنوب, مايو, رجل) or a place the tagger knows well; the place
# back-off leaves it alone. After a preposition the bar is lower: many large places of
# the registry bear the names of common words (المقاومة 948, تغيير 866, الغرب 465 times
# in 6M words of news), while the places the tagger misses are rarer (الطائف 29, مسقط
# 92); counted on ANERcorp's training sentences, not the development set.
MAX_BACKOFF_FREQUENCY = 1000
MAX_PREP_BACKOFF_FREQUENCY = 100
# A word seen at most this often in unlabelled news, with no clitic or article, between
# a role and a person's name (`رئيس الوزراء جيريجا براساد كويرالا`) is a part of the name
# the tagger left out (سلفا كير: 70 times, common words such as يوم, الشاب far more).
MAX_NAME_WORD_FREQUENCY = 100
HAMZA_ALEFS = "أإآ"
# A name no list knows, right after a role and its complement, is taken when it has two
# or three words this rare (`رئيس جنوب أفريقيا جاكوب زوما`: 32 and 42 times).
MAX_UNKNOWN_NAME_FREQUENCY = 50
# Shortest name (letters, without the article) the place back-off takes.
MIN_BACKOFF_LETTERS = 3
# Longest hashtag, in words, read as one name (#هيئة_تحرير_الشام).
MAX_HASHTAG_WORDS = 4
# A word whose definite form is at most this share of its bare form's count is a name.
MAX_DEFINITE_SHARE = 0.02
# First letters of imperfect verbs (normalised), which never take the article either.
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
# Marks that open what a speaker says: `أجاب بيرنز "...`, `وقال رمضان: ...`.
SPEECH_MARKS = frozenset({'"', "«", "“", ":"})
# إن/أن with a pronoun on it, normalised: what a speaker's words start with, never a name.
COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "انهم", "انهما", "اني", "انني", "اننا", "انما"})
# Endings of sound plurals and duals (normalised), which name no one speaking alone; a
# plural in construct with a pronoun (مساعدوه, his aides; منتقدوها) too.
PLURAL_ENDINGS = ("ون", "ين", "ان", "تا", "و", "وه", "وها", "وهم")
# Longest place name, in words, the place back-off looks up.
MAX_BACKOFF_WORDS = 3
# Marks after the first word of a paragraph that make it a dateline (المنامة - ...).
DATELINE_MARKS = frozenset({"-", "–", "—", ":"})
NISBA_ENDINGS = ("ي", "يه")


@dataclass(frozen=True, slots=True)
class OrgHead:
    always: bool  # head + definite noun is a name even unmarked (وزارة الداخلية)
    in_name: bool  # the head belongs to the name (منظمة بدر), or only describes it (تنظيم داعش)
    scoped: bool = False  # head + definite noun + a scope adjective is a name (قوات الأمن العراقية)


@dataclass(frozen=True, slots=True)
class AliasGroup:
    type: str
    keys: frozenset[tuple[str, ...]]
    searchable: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Lexicons:
    """The word lists of `marsad/entities/data/`, as matching keys; see `Lexicons.load`."""

    titles: dict[tuple[str, ...], str]
    org_heads: dict[str, OrgHead]
    place_heads: frozenset[str]
    place_cues: dict[str, str]  # form -> "head" or "prep" (data/place_cues.tsv)
    # (place name's key, the next word's stem) of an idiom in which the name is a common
    # noun (data/place_cues.tsv, `idiom`): ("مسقط", "راس").
    place_idioms: frozenset[tuple[str, str]]
    # Heads of what is named after a person (data/named_after.tsv): form -> type; and the
    # honorifics that may stand before the person's name there.
    named_after_heads: dict[str, str]
    honorifics: frozenset[str]
    kunya: frozenset[str]
    nasab: frozenset[str]
    compound: frozenset[str]
    theophoric: frozenset[str]
    particles: frozenset[str]  # فان, فون: data/names.tsv
    aliases: tuple[AliasGroup, ...]
    anaphors: dict[str, tuple[str, str]]
    stop_words: frozenset[str]
    # Stop words written with alef maqsura (على): normalised they meet names (علي, Ali).
    maqsura_stop_words: frozenset[str]
    # Stop words written with a hamza on their alef, with the alefs they are written with:
    # `إمام` (the family name Imam) is not `أمام` (in front of), though both normalise alike.
    hamza_stop_words: dict[str, frozenset[str]]
    clause_words: frozenset[str]
    # Stop words of kinds prep and clause: what no name is, after a clitic either (وهو, ومن).
    function_words: frozenset[str]
    given_names: frozenset[str]
    known_names: frozenset[str]
    institution_heads: dict[tuple[str, ...], str]  # key -> kind: scoped, force or name
    scope_adjectives: frozenset[str]  # masculine, normalised, no article: عراقي, دولي
    # Words that introduce a work's title in quotation marks (data/work_heads.tsv): رواية.
    work_heads: frozenset[str] = frozenset()
    # Heads and rank adjectives of official bodies (data/body_names.tsv): المفوضية العليا.
    body_heads: frozenset[str] = frozenset()
    body_adjectives: frozenset[str] = frozenset()
    # Words that name a person wherever they stand (data/person_words.tsv): ترامب.
    person_words: frozenset[str] = frozenset()
    # Head nouns that belong to a place's or facility's name, with its type
    # (data/name_heads.tsv): قطاع -> GPE, مطار -> FAC.
    name_heads: dict[str, str] = field(default_factory=dict)
    # Verbs of saying, with what follows their speaker (data/speech_verbs.tsv): قال -> that.
    speech_verbs: dict[str, str] = field(default_factory=dict)
    # Common nouns in a speaker's place (data/speech_verbs.tsv, kind noun): شاهد, ناشط.
    speaker_nouns: frozenset[str] = frozenset()
    # Verbs of stance before their subject (data/speech_verbs.tsv, kind stance): دان, طالب.
    stance_verbs: frozenset[str] = frozenset()
    # Adjectives of a programme that make a movement's name (data/movement_adjectives.tsv),
    # masculine, normalised, with the article: الوطني.
    movement_adjectives: frozenset[str] = frozenset()
    # Bodies every state has (data/generic_bodies.tsv), as keys: (مجلس, الوزراء).
    generic_bodies: frozenset[tuple[str, ...]] = frozenset()
    # Heads of events' names (data/event_heads.tsv): بطولة, كأس, مهرجان.
    event_heads: frozenset[str] = frozenset()
    # Heads of weapons' and vehicles' model names (data/weapon_heads.tsv): دبابة, صاروخ.
    weapon_heads: frozenset[str] = frozenset()
    # Latin letters' names as Arabic spells them (data/weapon_heads.tsv, kind letter): إف.
    letter_names: frozenset[str] = frozenset()
    # Words of sports reports, words that open a club's name, words of a team's place
    # (data/sports.tsv).
    sports_cues: frozenset[str] = frozenset()
    club_prefixes: frozenset[str] = frozenset()
    team_positions: frozenset[str] = frozenset()
    # Clubs named by a common word, as keys, and whether the name alone may be read so.
    club_names: Mapping[tuple[str, ...], bool] = field(default_factory=dict)

    @cached_property
    def alias_keys(self) -> frozenset[tuple[str, ...]]:
        """Every form of data/aliases.tsv, as keys: names complete in themselves."""
        return frozenset(key for group in self.aliases for key in group.keys)

    @cached_property
    def titles_by_first(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """The titles indexed by their first word, for look-ups at every token."""
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, kind in self.titles.items():
            index.setdefault(key[0], []).append((key, kind))
        return index

    @cached_property
    def words(self) -> frozenset[str]:
        """Every one-word form of the lists that the rules look tokens up in."""
        firsts = {key[0] for key in self.titles}
        lists = (
            set(self.org_heads),
            self.place_heads,
            set(self.place_cues),
            set(self.named_after_heads),
            self.kunya,
            self.nasab,
            self.compound,
            self.stop_words,
        )
        return frozenset(firsts.union(*lists))

    @classmethod
    def load(cls, directory: Path) -> Lexicons:
        """Reads the data files; forms are keyed exactly as text tokens are (`word_key`)."""
        tokenize = resources.tokenizer()

        def words(form: str) -> list[Token]:
            return [t for t in tokenize(form) if not is_mark(t)]

        def rows(name: str) -> list[list[str]]:
            lines = (directory / name).read_text(encoding="utf-8").splitlines()
            return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]

        plain = resources.normalizer().word

        def bare(form: str) -> str:
            # Forms are written without clitics: normalised as they are, not re-analysed
            # (the frequency-based split would read ولاية as ول + اية).
            return plain(form.strip())

        titles: dict[tuple[str, ...], str] = {}
        for form, kind, *_ in rows("titles.tsv"):
            tokens = words(form)
            titles[(bare(form.split()[0]), *(word_key(t) for t in tokens[1:]))] = kind
        org_heads = {
            bare(form): OrgHead(names == "always", in_name == "part", names == "scoped")
            for form, names, in_name, *_ in rows("org_heads.tsv")
        }
        hamza_alefs: dict[str, set[str]] = {}
        for form, *_ in rows("stop_words.tsv"):
            if form[0] in HAMZA_ALEFS:
                hamza_alefs.setdefault(bare(form), set()).add(form[0])
        hamza_stop_words = {key: frozenset(alefs) for key, alefs in hamza_alefs.items()}
        institution_heads = {
            tuple(word_key(t) for t in words(form)): kind for form, kind, *_ in rows("institution_heads.tsv")
        }
        name_words: dict[str, set[str]] = {}
        for form, kind, *_ in rows("names.tsv"):
            key = bare(form)
            name_words.setdefault(kind, set()).add(key)
        aliases = []
        for type_, forms, *_ in rows("aliases.tsv"):
            keys, searchable = set(), []
            for form in (f.strip() for f in forms.split("|")):
                key = tuple(word_key(t) for t in words(form.lstrip("~")))
                keys.add(key)
                if not form.startswith("~"):
                    searchable.append(key)
            aliases.append(AliasGroup(type_, frozenset(keys), tuple(searchable)))
        anaphors = {
            bare(form): (kind, bare(head) if head != "-" else "")
            for form, kind, head, *_ in rows("anaphors.tsv")
        }
        given_names, known_names = read_name_table(directory / GIVEN_NAMES_FILE)
        return cls(
            titles=titles,
            org_heads=org_heads,
            place_heads=frozenset(bare(form) for form, *_ in rows("place_heads.tsv")),
            place_cues={bare(form): kind for form, kind, *_ in rows("place_cues.tsv") if kind != "idiom"},
            named_after_heads={
                bare(form): kind for form, kind, *_ in rows("named_after.tsv") if kind != "honorific"
            },
            honorifics=frozenset(
                bare(form) for form, kind, *_ in rows("named_after.tsv") if kind == "honorific"
            ),
            place_idioms=frozenset(
                (" ".join(word_key(t) for t in words(form)[:-1]), words(form)[-1].stem)
                for form, kind, *_ in rows("place_cues.tsv")
                if kind == "idiom"
            ),
            kunya=frozenset(name_words.get("kunya", ())),
            nasab=frozenset(name_words.get("nasab", ())),
            compound=frozenset(name_words.get("compound", ())),
            theophoric=frozenset(name_words.get("theophoric", ())),
            particles=frozenset(name_words.get("particle", ())),
            aliases=tuple(aliases),
            anaphors=anaphors,
            stop_words=frozenset(bare(form) for form, *_ in rows("stop_words.tsv")),
            maqsura_stop_words=frozenset(
                bare(form) for form, *_ in rows("stop_words.tsv") if form.endswith("ى")
            ),
            hamza_stop_words=hamza_stop_words,
            clause_words=frozenset(
                bare(form) for form, kind, *_ in rows("stop_words.tsv") if kind == "clause"
            ),
            function_words=frozenset(
                bare(form) for form, kind, *_ in rows("stop_words.tsv") if kind in ("prep", "clause")
            ),
            given_names=given_names,
            known_names=known_names,
            institution_heads=institution_heads,
            scope_adjectives=frozenset(bare(form) for form, *_ in rows("nisba_scope.tsv")),
            work_heads=frozenset(bare(form) for form, *_ in rows("work_heads.tsv")),
            name_heads={bare(form): type_ for form, type_, *_ in rows("name_heads.tsv")},
            speech_verbs={
                bare(form): kind for form, kind, *_ in rows("speech_verbs.tsv") if kind in ("that", "about")
            },
            stance_verbs=frozenset(
                bare(form) for form, kind, *_ in rows("speech_verbs.tsv") if kind == "stance"
            ),
            speaker_nouns=frozenset(
                bare(form) for form, kind, *_ in rows("speech_verbs.tsv") if kind == "noun"
            ),
            movement_adjectives=frozenset(bare(form) for form, *_ in rows("movement_adjectives.tsv")),
            event_heads=frozenset(bare(form) for form, *_ in rows("event_heads.tsv")),
            weapon_heads=frozenset(
                bare(form) for form, kind, *_ in rows("weapon_heads.tsv") if kind != "letter"
            ),
            letter_names=frozenset(
                bare(form) for form, kind, *_ in rows("weapon_heads.tsv") if kind == "letter"
            ),
            sports_cues=frozenset(bare(form) for form, kind, *_ in rows("sports.tsv") if kind == "cue"),
            club_prefixes=frozenset(bare(form) for form, kind, *_ in rows("sports.tsv") if kind == "prefix"),
            team_positions=frozenset(
                bare(form) for form, kind, *_ in rows("sports.tsv") if kind == "position"
            ),
            club_names={
                tuple(word_key(t) for t in words(form)): kind == "club"
                for form, kind, *_ in rows("sports.tsv")
                if kind.startswith("club")
            },
            generic_bodies=frozenset(
                tuple(word_key(t) for t in words(form)) for form, *_ in rows("generic_bodies.tsv")
            ),
            body_heads=frozenset(bare(form) for form, kind, *_ in rows("body_names.tsv") if kind == "head"),
            body_adjectives=frozenset(
                bare(form) for form, kind, *_ in rows("body_names.tsv") if kind == "adjective"
            ),
            person_words=read_person_words(directory / PERSON_WORDS_FILE),
        )

    def title_at(self, tokens: list[Token], index: int, limit: int) -> tuple[str, int] | None:
        """The kind and length in words of a title or role word starting at tokens[index].

        The first word is compared without clitics on either side (زعيمه is زعيم + ه).
        """
        token = tokens[index]
        firsts = dict.fromkeys((_title_key(token), token.norm))  # ordered, unlike a set
        if not self.stop_words.isdisjoint(firsts):
            return None
        best: tuple[str, int] | None = None
        candidates = [entry for first in firsts for entry in self.titles_by_first.get(first, ())]
        for key, kind in candidates:
            if index + len(key) > limit:
                continue
            rest = tuple(word_key(t) for t in tokens[index + 1 : index + len(key)])
            if rest == key[1:] and (best is None or len(key) > best[1]):
                best = (kind, len(key))
        return best


def read_person_words(path: Path) -> frozenset[str]:
    """The words of `marsad train person-words`' table; empty when it is absent, which
    turns the rule that uses them off (and is how that command counts without it)."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t", 1)[0] for line in lines if line.strip() and not line.startswith("#"))


def read_name_table(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """One-word given names, and one-word names of any kind (people, places), from the
    tagger's gazetteer table (`KIND<TAB>name`, normalised); empty when it is absent, which
    turns off the rules that use them."""
    if not path.is_file():
        return frozenset(), frozenset()
    given, known = set(), set()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            kind, _, name = line.rstrip("\n").partition("\t")
            if kind in NAME_KINDS and name and " " not in name:
                known.add(name)
                if kind == "GIVEN":
                    given.add(name)
    return frozenset(given), frozenset(known)


def _title_key(token: Token) -> str:
    """A title word's form without clitics on either side (زعيمه: زعيم, والرئيس: رئيس)."""
    key = bare_key(token)
    return key[: len(key) - len(token.suffix)] if token.suffix else key


def _lexicon_form(token: Token, words: frozenset[str]) -> str:
    """The token's form for word-list look-ups: the whole word (or the word after one
    conjunction or preposition letter) when a list has it, else the clitic analysis's."""
    norm = token.norm
    if token.kind == "arabic" and not has_article(token):
        if norm in words:
            return norm
        if norm[:1] in OUTSIDE_PROCLITICS and len(norm) > MIN_STRIPPED_WORD and norm[1:] in words:
            return norm[1:]  # ووزير, لوزارة; not فان (van) read as ف + ان
    return bare_key(token)


def _known_whole(token: Token, lexicons: Lexicons) -> Token:
    """The token, or a copy without a clitic split when the whole word is a known name.

    The text layer splits by word frequency, so `فيصل` reads as ف + يصل ('arrives') and
    `فرنسا` as ف + رنسا; a name from the gazetteer table is not split unless what the split
    leaves is a name too and the whole word is no given name (`لعباس`: ل + عباس; but
    `فيصل` and `وليد` stay whole, though the noisy table holds يصل and يد), or a
    preposition or particle (`وهو`, `ومن`, which the table also holds). The document's
    own tokens are left as they are. A name particle (فان) is kept whole too.
    """
    known_names = lexicons.known_names
    if token.kind != "arabic" or not token.prefix:
        return token
    place = _hidden_place(token)
    if place is not None:
        return place
    if has_article(token):
        return token
    particle = token.norm in lexicons.particles  # فان (van), not ف + ان
    if token.norm not in known_names and not particle:
        return token
    rest = bare_key(token)
    if len(rest) >= 3 and rest in known_names and token.norm not in lexicons.given_names:
        return token  # لعباس: ل + عباس, both forms are in the table; trust the split
    if rest in lexicons.function_words and not particle and token.norm not in lexicons.given_names:
        return token  # وهو, ومن: the table's noise (وهو is also Wuhu) names no one here
    return _unsplit(token)


def _unsplit(token: Token) -> Token:
    """A copy of the token read as one word, without its proclitics."""
    return replace(
        token, prefix="", stem=token.norm[: len(token.norm) - len(token.suffix)], stem_start=token.start
    )


@cache
def _capitals() -> frozenset[str]:
    """The registry ids of the countries' capitals."""
    return frozenset(resources.registry().capital_of.values())


def _hidden_place(token: Token) -> Token | None:
    """The token split anew when the clitic analysis cut into a large place's name:
    `كاليفورنيا` read as ك + ال + يفورنيا, `وكابل` as و + ك + ابل. The longest rest of the
    word (after none, one or more of its proclitic letters) that is a country, a province,
    a capital or a place of MIN_BACKOFF_POPULATION in the registry is the name. Only the
    rarer proclitics ك and ف are checked: names start with these letters often, and the
    analysis reads them as "like" and "so" (فرنسا: ف + رنسا); و, ب and ل split right."""
    if not HIDING_PROCLITICS.intersection(token.prefix):
        return None
    for cut in range(len(token.prefix)):
        rest = token.norm[cut:]
        if not token.text.startswith(token.norm[:cut]) or len(rest) < MIN_BACKOFF_LETTERS + 1:
            continue
        if any(_notable_place(r) for r in registry_places([rest])):
            prefix = token.norm[:cut]
            return replace(
                token, prefix=prefix, stem=rest, suffix="", stem_start=token.start + cut, stem_end=token.end
            )
    return None


class Context:
    """One document's text, tokens and sentence bounds, with the lexicons: what rules and
    coreference read. `sentence_of` gives each token's sentence (rules never cross one)."""

    def __init__(self, text: str, tokens: list[Token], sentence_of: list[int], lexicons: Lexicons):
        self.text = text
        self.tokens = [_known_whole(token, lexicons) for token in tokens]
        tokens = self.tokens
        self.sentence_of = sentence_of
        self.lexicons = lexicons
        self.keys = [word_key(t) for t in tokens]
        self.bare = [_lexicon_form(t, lexicons.words) for t in tokens]
        limits: dict[int, int] = {}
        for index, sentence in enumerate(sentence_of):
            limits[sentence] = index + 1
        self.sentence_end = [limits[s] for s in sentence_of]
        starts: dict[int, int] = {}
        for index, sentence in enumerate(sentence_of):
            starts.setdefault(sentence, index)
        self.sentence_start = [starts[s] for s in sentence_of]
        # Text that writes no hamza on its alefs (اعلن, فان) cannot tell فإن from فان (van).
        self.writes_hamza = any(letter in text for letter in HAMZA_ALEFS)

    def is_word(self, index: int) -> bool:
        return self.tokens[index].kind in ("arabic", "latin")

    def is_nisba(self, index: int, *, clitics: bool = False) -> bool:
        """A definite word of the nisba shape (العراقية, البغدادي); with `clitics`, also
        after a conjunction or preposition (والعراقية)."""
        token = self.tokens[index]
        definite = has_article(token) if clitics else token.prefix == ARTICLE
        return token.kind == "arabic" and definite and token.stem.endswith(NISBA_ENDINGS)

    def is_scope(self, index: int) -> bool:
        """A definite adjective of a state or of international scope (الأردني, الأردنية,
        الدولي): what makes a generic head (الجيش, قوات الأمن) a named body."""
        if not self.is_nisba(index):
            return False
        adjective = self.keys[index].removeprefix(ARTICLE)
        if adjective.endswith("يه"):
            adjective = adjective[:-1]  # the feminine: الأردنية
        return adjective in self.lexicons.scope_adjectives

    def mention(
        self, first: int, last: int, type_: str, source: str, *, opening: Token | None = None
    ) -> Mention:
        """The mention of tokens[first:last]; `opening`, a re-read first token (`بروسيا`
        whole, not ب + روسيا), stands for tokens[first] in it."""
        if opening is None:
            return make_mention(self.text, self.tokens, first, last, type_, source)
        tokens = list(self.tokens)
        tokens[first] = opening
        return make_mention(self.text, tokens, first, last, type_, source)


def apply_rules(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Completes and corrects the tagger's mentions and attaches roles to people.

    context (Context): the document's text, tokens, sentences and the lexicons.
    mentions (list[Mention]): the tagger's mentions.
    RETURNS (list[Mention]): non-overlapping naming mentions in text order, people with roles.
    """
    mentions = [m for m in (_clean(context, m) for m in mentions) if m is not None]
    mentions = join_registry_places(context, [registry_place(context, m, mentions) for m in mentions])
    candidates = [*mentions, *quoted_org_names(context), *quoted_place_names(context)]
    candidates += quoted_titles(context)
    candidates += headed_org_names(context)
    candidates += institution_names(context)
    candidates += body_names(context)
    candidates += alias_mentions(context)
    candidates += named_after_people(context, mentions)
    resolved = [m for m in resolve_overlaps(candidates) if not _only_a_head(m, context.lexicons)]
    resolved = [m for m in resolved if not _only_titles(context, m)]
    resolved = [_trim_descriptor_head(context, m) for m in resolved]
    _note_descriptor_heads(context, resolved)
    resolved = [m for m in resolved if not _only_a_place_head(m, context)]
    resolved += role_headed_names(context, resolved)
    resolved += backoff_places(context, resolved)
    resolved = [headed_place_name(context, m, resolved) for m in resolved]
    # Before person_words: a hashtag's later words are the name's, not names of their own.
    resolved = [hashtag_name(context, m, resolved) for m in resolved]
    resolved = person_words(context, resolved)
    resolved = speaker_names(context, resolved)
    resolved = [event_name(context, m, resolved) for m in resolved]
    resolved = weapon_names(context, resolved)
    resolved = sports_clubs(context, resolved)
    resolved = [compound_halves(context, m, resolved) for m in resolved]
    resolved = join_adjacent_people(context, resolved)
    resolved = hyphenated_names(context, resolved)
    resolved = people_after_roles(context, resolved)
    resolved = [rare_name_words(context, m, resolved) for m in resolved]
    resolved = complete_person_names(context, resolved)
    resolved = verbs_before_family_names(context, resolved)
    resolved = drop_nisba_places(context, resolved)
    resolved = glued_names(context, resolved)
    agree_with_coordinated(context, resolved)
    for mention in resolved:
        if mention.type == "PERSON":
            attach_roles(context, mention, resolved)
    return sorted(resolved, key=lambda m: (m.start, m.end))


def _clean(context: Context, mention: Mention) -> Mention | None:
    """Cuts a tagged mention before a word that never stands in a name (`أن`, `التي`),
    drops words with tanween at its end (`مثنياً`) and a nationality adjective at a
    person's start (`العاجي كولو توريه`); None when nothing is left."""
    lexicons, tokens = context.lexicons, context.tokens
    if mention.length == 1 and _month_pair(context, mention.first):
        return None  # `نيسان/أبريل` is April, not Nissan
    if mention.length == 1 and mention.type != "MISC" and _counted_unit(context, mention.first):
        # `1.65 مليون ريال` is a sum of riyals, not Real Madrid: a currency, as `دولار` is.
        return context.mention(mention.first, mention.last, "MISC", mention.source)
    if mention.length > 1 and all(len(t.norm) <= 2 for t in tokens[mention.first : mention.last]):
        return mention  # a spelled acronym: سي إن إن
    if mention.type == "PERSON" and mention.length > 1 and _nationality_country(context, mention.first):
        # `العاجي كولو توريه`: the nationality describes the person, it is no name's word.
        # The name's first word was read inside a name: whole (`كولو`, not ك + ولو).
        first = mention.first + 1
        opening = _unsplit(context.tokens[first])
        return _clean(
            context, context.mention(first, mention.last, "PERSON", mention.source, opening=opening)
        )
    last = next(
        (
            i
            for i in range(mention.first, mention.last)
            if tokens[i].norm in lexicons.clause_words
            or (mention.type == "PERSON" and i > mention.first and _prepositional(tokens[i]))
        ),
        mention.last,
    )
    while last > mention.first and (
        TANWEEN.intersection(tokens[last - 1].text)
        or _is_stop_word(context, last - 1)
        or (mention.type == "PERSON" and _not_a_name_end(context, last - 1))
    ):
        last -= 1  # `صوفي محمد زعيم`: a role word after the name is not part of it
    if last == mention.last:
        return mention
    if last == mention.first or all(is_mark(t) for t in tokens[mention.first : last]):
        return None
    return context.mention(mention.first, last, mention.type, mention.source)


def glued_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """A one-word name with a preposition or conjunction glued on that the text layer
    left whole, as it does with words it has not seen (`بالسماح لفيتيل`, `صورة لرودريغ`),
    is the name the article writes elsewhere without it (`سيباستيان فيتيل`): it loses
    the letter, so that coreference finds the person."""
    names = {
        (context.keys[i], m.type)
        for m in mentions
        for i in range(m.first, m.last)
        if context.tokens[i].kind == "arabic"
    }
    result = []
    for mention in mentions:
        token = context.tokens[mention.first]
        rest = token.norm[1:]
        if (
            mention.length == 1
            and token.kind == "arabic"
            and not token.prefix
            and token.norm[:1] in GLUED_PROCLITICS
            and token.text.startswith(token.norm[:1])
            and len(rest) >= MIN_BACKOFF_LETTERS + 1
            and (rest, mention.type) in names
        ):
            opening = replace(token, prefix=token.norm[:1], stem=rest, stem_start=token.start + 1)
            mention = context.mention(
                mention.first, mention.last, mention.type, mention.source, opening=opening
            )
        result.append(mention)
    return result


def _prepositional(token: Token) -> bool:
    """A word with a preposition and the article on it, which no person's name has inside
    it: `للنادي`, and with ب or ك a nisba (`زيدان بالكوستاريكي` is Zidane and what he did).
    Other words that read as ب or ك + the article are foreign names as often (`كالديرون`,
    `بالاسيوس`, `كالزي`: the nisba must be longer than a short name's end)."""
    letters = token.prefix.removesuffix(ARTICLE).removesuffix(ARTICLE[1:]).lstrip("وف")
    if token.kind != "arabic" or not has_article(token) or letters not in PREPOSITION_LETTERS:
        return False
    return letters == "ل" or (token.stem.endswith(NISBA_ENDINGS) and len(token.stem) > MIN_STRIPPED_WORD)


def _not_a_name_end(context: Context, index: int) -> bool:
    """Whether tokens[index], the last word of a person's mention, cannot end a name: a
    role word (`صوفي محمد زعيم`) or a verb of saying (`آبي قال`)."""
    lexicons, tokens = context.lexicons, context.tokens
    if lexicons.title_at(tokens, index, index + 1) == ("role", 1):
        return True
    return context.bare[index] in lexicons.speech_verbs and not tokens[index].prefix


def _month_pair(context: Context, index: int) -> bool:
    """Whether tokens[index] is a month name written with its other calendar's name after
    a slash or in brackets (`نيسان/أبريل`, `تموز (يوليو)`), as Levantine and Iraqi copy
    does: a month, though `نيسان` is also the carmaker (the temporal stage's month list)."""
    months = resources.temporal_lexicon().months
    tokens = context.tokens
    following = index + 2
    return (
        tokens[index].stem in months
        and following < context.sentence_end[index]
        and tokens[index + 1].text in ("/", "(")
        and tokens[following].norm in months
    )


def _counted_unit(context: Context, index: int) -> bool:
    """Whether tokens[index] is a currency of the temporal stage's unit list (ريال, دينار)
    right after a number or a number word (`مليون ريال`, `500 دينار`)."""
    lexicon = resources.temporal_lexicon()
    before = index - 1
    entry = lexicon.units.get(context.tokens[index].stem)
    if before < context.sentence_start[index] or entry is None:
        return False
    currency = entry.unit in CURRENCY_UNITS or (len(entry.unit) == 3 and entry.unit.isupper())
    if not currency:
        return False  # `ستة فلسطينيين`: a count of people
    previous = context.tokens[before]
    return previous.kind == "number" or previous.norm in lexicon.number_words


def registry_place(context: Context, mention: Mention, mentions: list[Mention]) -> Mention:
    """A tagged mention that is, or lies inside, a country's or a large city's name.

    - A place that is no country, inside a country's name, is that country (`أفريقيا` of
      `جنوب أفريقيا`). A country inside a longer name is left alone: `جنوب السودان` is
      also the south of Sudan, `جنوب لبنان` always is.
    - A person whose whole name is a country or a large city is that place (`سان
      فرنسيسكو`: a city's name read as a given name and a surname); so is one whose whole
      name is any registry place when a place head stands before it in construct
      (`محافظة صلاح الدين`, the governorate, though `صلاح الدين` is Saladin as often), and
      a one-word person that is a country or a capital of MIN_BACKOFF_POPULATION and no
      given name or person word (`بيونغيانغ`; not `صوفيا`, `أنغيلا`).
    - A place whose whole name is a country is a GPE (`غينيا الاستوائية`).
    """
    from marsad.linking.match import name_key

    registry = resources.registry()
    tokens = context.tokens

    def places(first: int, last: int) -> list[Record]:
        key = name_key(" ".join(context.keys[first:last]))
        return [r for r in registry.by_key(key) if r.type in PLACE_TYPES]

    headed = _after_place_head(context, mention.first)
    if mention.type == "PERSON" and (mention.length > 1 or headed):
        whole = places(mention.first, mention.last)
        if headed and whole:
            return context.mention(mention.first, mention.last, "GPE", "registry-place")
        if context.bare[mention.first] in context.lexicons.given_names:
            return mention  # صلاح الدين is Saladin as often as the governorate
        if any(r.kind == "country" or r.population >= MIN_BACKOFF_POPULATION for r in whole):
            return context.mention(mention.first, mention.last, "GPE", "registry-place")
        return mention
    if mention.type == "PERSON":
        # `قالت بيونغيانغ إن`: a capital speaks for its government. Not a word that names
        # people too: a given name (`صوفيا`, a film's heroine) or a person word (`أنغيلا`).
        lexicons = context.lexicons
        named = context.bare[mention.first] in lexicons.given_names
        named = named or context.keys[mention.first] in lexicons.person_words
        capitals = _capitals()
        if not named and any(
            r.kind == "country" or (r.id in capitals and r.population >= MIN_BACKOFF_POPULATION)
            for r in places(mention.first, mention.last)
        ):
            return context.mention(mention.first, mention.last, "GPE", "registry-place")
        return mention
    if mention.type not in PLACE_TYPES:
        return mention
    if any(r.kind == "country" for r in places(mention.first, mention.last)):
        return (
            mention
            if mention.type == "GPE"
            else context.mention(mention.first, mention.last, "GPE", mention.source)
        )
    taken = {i for m in mentions if m is not mention for i in range(m.first, m.last)}
    start, end = context.sentence_start[mention.first], context.sentence_end[mention.first]
    best = None
    for first in range(max(start, mention.last - MAX_BACKOFF_WORDS), mention.first + 1):
        for last in range(mention.last, min(end, first + MAX_BACKOFF_WORDS) + 1):
            span = range(first, last)
            if last - first <= mention.length or taken.intersection(span):
                continue
            if any(tokens[i].kind != "arabic" for i in span) or any(
                tokens[i].prefix[:1] in OUTSIDE_PROCLITICS and not has_article(tokens[i]) for i in span[1:]
            ):
                continue
            countries = any(r.kind == "country" for r in places(first, last))
            if countries and (best is None or last - first > best[1] - best[0]):
                best = (first, last)
    if best is None:
        return mention
    return context.mention(best[0], best[1], "GPE", "registry-place")


def _after_place_head(context: Context, index: int) -> bool:
    """Whether a place head noun in construct (data/place_heads.tsv, no article: محافظة,
    مدينة) stands right before tokens[index], in its sentence."""
    before = index - 1
    return (
        before >= context.sentence_start[index]
        and context.bare[before] in context.lexicons.place_heads
        and not has_article(context.tokens[before])
    )


def join_registry_places(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Two places the tagger put side by side that together are one registry place are
    that place: `شبه جزيرة` + `سيناء` is `شبه جزيرة سيناء`; also over the conjunction of
    a name that has one: `البوسنة` + `والهرسك` is `البوسنة والهرسك` (a matching key drops
    the conjunction, `فلسطين ولبنان` stays two)."""
    from marsad.linking.match import name_key

    registry = resources.registry()

    def keys(first: int, middle: int, last: int) -> list[str]:
        found = [name_key(" ".join(context.keys[first:last]))]
        if context.tokens[middle].prefix[:1] == AND:
            joined = [
                *context.keys[first:middle],
                AND + context.keys[middle],
                *context.keys[middle + 1 : last],
            ]
            found.append(name_key(" ".join(joined)))
        return found

    result: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.first):
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.type in PLACE_TYPES
            and mention.type in PLACE_TYPES
            and previous.last == mention.first
            and context.sentence_of[previous.first] == context.sentence_of[mention.first]
        ):
            candidates = keys(previous.first, mention.first, mention.last)
            places = [r for key in candidates for r in registry.by_key(key) if r.type in PLACE_TYPES]
            if places:
                type_ = "GPE" if any(r.type == "GPE" for r in places) else "LOC"
                result[-1] = context.mention(previous.first, mention.last, type_, "registry-place")
                continue
        result.append(mention)
    return result


def _is_stop_word(context: Context, index: int) -> bool:
    """Whether tokens[index] is a stop word; `علي` written with ya is the name Ali, not
    the preposition على it normalises to, and `إمام` with its hamza below is the name
    Imam, not `أمام`."""
    bare = context.bare[index]
    if bare not in context.lexicons.stop_words:
        return False
    alefs = context.lexicons.hamza_stop_words.get(bare)
    if alefs is not None:
        token = context.tokens[index]
        first = token.text[token.stem_start - token.start : token.stem_start - token.start + 1]
        if first in HAMZA_ALEFS and first not in alefs:
            return False
    return bare not in context.lexicons.maqsura_stop_words or not context.tokens[index].text.endswith("ي")


def compound_halves(context: Context, mention: Mention, mentions: list[Mention]) -> Mention:
    """A compound name is whole: no person's name starts with its second half (`الله`,
    `الدين`: data/names.tsv, `theophoric`), whose untagged first half stands before it
    (`الله غولن` -> `فتح الله غولن`), nor ends with its first half (`عبد`), whose second
    half follows (`عبد` -> `عبد الحق`). The word taken in is Arabic, outside every other
    mention, and has no clitic but the article."""
    if mention.type != "PERSON":
        return mention
    lexicons, tokens = context.lexicons, context.tokens
    covered = {i for m in mentions if m is not mention for i in range(m.first, m.last)}
    first, last = mention.first, mention.last
    before, after = first - 1, last
    if context.keys[first] in lexicons.theophoric and before >= context.sentence_start[first]:
        token = tokens[before]
        plain = token.kind == "arabic" and not token.prefix and not token.suffix
        if plain and before not in covered and not _is_stop_word(context, before):
            first = before
    if context.bare[last - 1] in lexicons.compound and after < context.sentence_end[last - 1]:
        token = tokens[after]
        named = token.kind == "arabic" and token.prefix in ("", ARTICLE) and after not in covered
        if named and not _is_stop_word(context, after):  # not `عبد من عبيد`
            last = after + 1
    if (first, last) == (mention.first, mention.last):
        return mention
    whole = context.mention(first, last, "PERSON", mention.source)
    whole.heads = mention.heads
    return whole


def verbs_before_family_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """A verb the tagger read as a given name is cut off a two-word person whose second
    word another person of the article ends in: `ودان غوتيريس تجنيد الأطفال` ("and Guterres
    condemned") beside `أنطونيو غوتيريس`, `دان روحاني الانسحاب` beside `حسن روحاني`. Left
    alone, the phantom person took the family name's later mentions from the real one.
    Verbs of saying and of stance (data/speech_verbs.tsv); `دان كوتس` alone stays."""
    lexicons = context.lexicons
    verbs = lexicons.stance_verbs | lexicons.speech_verbs.keys()
    people = [m for m in mentions if m.type == "PERSON" and m.length >= 2]
    result: list[Mention] = []
    for mention in mentions:
        first, last = mention.first, mention.last - 1
        if (
            mention.type == "PERSON"
            and mention.length == 2
            and context.bare[first] in verbs
            and any(
                context.keys[other.last - 1] == context.keys[last]
                and context.keys[other.first] != context.keys[first]
                for other in people
                if other is not mention
            )
        ):
            mention = context.mention(last, last + 1, "PERSON", mention.source)
        result.append(mention)
    return result


def join_adjacent_people(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Two people the tagger put side by side (`سمير` `جعجع`, B-PERSON B-PERSON) are one
    name: news copy never lists two people without a comma or a conjunction. A name that
    ends in a family name or nisba with the article is whole, though: `التقى السيسي
    بوتين` is a subject and an object (but `عبد العزيز بوتفليقة` is one name). A
    nationality adjective tagged as a person right before one is no one
    (`الكاميروني صامويل إيتو`)."""
    result: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.first):
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.type == mention.type == "PERSON"
            and previous.length == 1
            and previous.last == mention.first
            and _nationality_country(context, previous.first) is not None
        ):
            result[-1] = mention  # `الكاميروني صامويل إيتو`: the nationality describes him
        elif (
            previous is not None
            and previous.type == mention.type == "PERSON"
            and _side_by_side(context, previous, mention)
            and context.sentence_of[previous.first] == context.sentence_of[mention.first]
            and context.tokens[mention.first].prefix[:1] not in OUTSIDE_PROCLITICS  # و, ل: two
            and not _ends_in_family_name(context, previous)
        ):
            result[-1] = context.mention(previous.first, mention.last, "PERSON", previous.source)
        else:
            result.append(mention)
    return result


def hyphenated_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """A name's words joined by a hyphen without spaces are one name (`كيم جونغ-أون`,
    `بيتر فالديز-دابينا`): the tagger, which reads the hyphen as a word of its own, often
    stops at it. A mention runs on over the hyphen to the Arabic word glued after it, and
    takes in a mention of its type that starts there; not when that word names someone
    or somewhere by itself, a person word or a country or capital (`قمة ترامب-كيم`,
    `رحلة باريس-تونس`: two names).
    RETURNS (list[Mention]): the mentions, so joined.
    """
    starting = {m.first: m for m in mentions}
    result: list[Mention] = []
    absorbed: set[int] = set()
    for mention in sorted(mentions, key=lambda m: m.first):
        if id(mention) in absorbed:
            continue
        last = mention.last
        while _glued_hyphen(context, last):
            after = starting.get(last + 1)
            if after is None and any(m.first <= last + 1 < m.last for m in mentions):
                break  # the word is inside another mention
            if after is not None and (after.type != mention.type or id(after) in absorbed):
                break
            if after is not None:
                absorbed.add(id(after))
                last = after.last
            else:
                last += 2
        if last == mention.last:
            result.append(mention)
            continue
        joined = context.mention(mention.first, last, mention.type, mention.source)
        joined.heads = mention.heads
        result.append(joined)
    return [m for m in result if id(m) not in absorbed]


def _glued_hyphen(context: Context, index: int) -> bool:
    """Whether tokens[index] is a hyphen with an Arabic word glued on either side, the
    one after it no name by itself (see hyphenated_names)."""
    tokens = context.tokens
    if index + 1 >= context.sentence_end[index - 1] or tokens[index].text != "-":
        return False
    before, hyphen, after = tokens[index - 1], tokens[index], tokens[index + 1]
    glued = before.end == hyphen.start and hyphen.end == after.start
    if not glued or before.kind != "arabic" or after.kind != "arabic":
        return False
    if context.keys[index + 1] in context.lexicons.person_words:
        return False
    capitals = _capitals()
    places = registry_places(context.keys[index + 1 : index + 2])
    return not any(r.kind == "country" or r.id in capitals for r in places)


def _side_by_side(context: Context, left: Mention, right: Mention) -> bool:
    """Whether nothing but perhaps a hashtag's mark stands between two mentions
    (`فلاديمير #بوتين`: web copy tags the surname)."""
    if left.last == right.first:
        return True
    mark = context.tokens[left.last]
    return left.last + 1 == right.first and mark.text == "#" and mark.end == context.tokens[right.first].start


def _ends_in_family_name(context: Context, person: Mention) -> bool:
    """Whether a name ends in a definite word that is no half of a compound given name
    (`السيسي`, `محمد البارزاني`; not `عبد العزيز`, `نور الدين`)."""
    last = person.last - 1
    if not has_article(context.tokens[last]) or context.keys[last] in context.lexicons.theophoric:
        return False
    return not (last > person.first and context.bare[last - 1] in context.lexicons.compound)


def people_after_roles(context: Context, mentions: list[Mention]) -> list[Mention]:
    """`رئيس إقليم كردستان العراق مسعود البارزاني` when the tagger missed the name.

    After a role word and its complement (at most MAX_ROLE_WORDS words, no stop word), an
    untagged known given name without the article starts a person's name, which runs on
    over further given names (a father's: محمد سالم) up to and including the first word with
    the article (a family name or nisba: البارزاني, الغبان), in at most MAX_NAME_AFTER_ROLE
    words; a name with no such end is not taken. A place or organisation the tagger ran
    into the given name (`إقليم الشمال خالد` + `الزعبي`) gives the given name back.
    RETURNS (list[Mention]): the mentions, so corrected, and the people found.
    """
    lexicons, tokens = context.lexicons, context.tokens
    if not lexicons.given_names:
        return mentions
    result = list(mentions)
    by_token = {i: m for m in result for i in range(m.first, m.last)}
    index = 0
    while index < len(tokens):
        title = lexicons.title_at(tokens, index, context.sentence_end[index])
        if title is None or title[0] == "courtesy" or index in by_token:
            index += 1
            continue
        end = context.sentence_end[index]
        position = index + title[1]
        person, swallowing = None, None
        while position < min(end, index + MAX_ROLE_WORDS + 1):
            token = tokens[position]
            holder = by_token.get(position)
            if holder is not None and holder.type == "PERSON" and holder.first == position:
                break  # the role's holder is named already: الرئيس الروسي فلاديمير بوتين نظيره
            given = token.prefix == "" and context.bare[position] in lexicons.given_names
            # الله ends names (نصر الله) and organisations (حزب الله) but starts no name.
            given = given and context.bare[position] not in lexicons.theophoric
            given = given and lexicons.title_at(tokens, position, end) is None
            # In a role `باسم` is "for" (`المتحدث العسكري باسم الجماعة`), not the name Basim.
            given = given and context.bare[position] != ON_BEHALF_OF
            swallowed = (
                holder is not None
                and holder.type != "PERSON"
                and holder.last - 1 == position
                and holder.length > 1
            )
            if is_mark(token) or (holder is not None and not (given and swallowed)):
                position += 1
                continue
            if token.kind != "arabic" or context.bare[position] in lexicons.stop_words:
                break
            if given:
                person = _name_from(context, position, end, set(by_token) - {position})
                swallowing = holder
                break
            unknown = _unknown_name(context, position, set(by_token))
            if unknown is not None and _after_role_phrase(context, position, list(by_token.values())):
                person = unknown
                break
            position += 1
        if person is None:
            index += 1
            continue
        if swallowing is not None:
            shorter = context.mention(swallowing.first, person[0], swallowing.type, swallowing.source)
            shorter.heads = swallowing.heads
            result[result.index(swallowing)] = shorter
            del by_token[person[0]]
        mention = context.mention(person[0], person[1], "PERSON", "role-name")
        result.append(mention)
        by_token.update(dict.fromkeys(range(person[0], person[1]), mention))
        index = person[1]
    return result


def rare_name_words(context: Context, person: Mention, mentions: list[Mention]) -> Mention:
    """Rare words the tagger left out of a person's name, by what stands around them.

    Up to two rare words (MAX_NAME_WORD_FREQUENCY) between a role phrase and the name:
    `رئيس جنوب السودان سلفا كير`, `رئيس الوزراء جيريجا براساد كويرالا`. (Rare words after
    a lone given name were tried as its family name, `مبارك بوصوفة`, and dropped: on
    ANERcorp's training sentences they were verbs and nouns as often, `سارة تلد`.)
    """
    if person.type != "PERSON":
        return person
    covered = {i for m in mentions for i in range(m.first, m.last)}
    first = person.first
    start = context.sentence_start[first]
    while first > max(start, person.first - 2) and _rare_name_word(
        context, first - 1, MAX_NAME_WORD_FREQUENCY, covered
    ):
        first -= 1
    if first == person.first or not _after_role_phrase(context, first, mentions):
        return person
    extended = context.mention(first, person.last, "PERSON", person.source)
    extended.heads = person.heads
    return extended


def _unknown_name(context: Context, first: int, covered: set[int]) -> tuple[int, int] | None:
    """Two or three rare name words from tokens[first] (MAX_UNKNOWN_NAME_FREQUENCY) that
    no other name word follows: a name no list knows (`جاكوب زوما`). A first word of the
    nisba shape is an adjective of the role noun, not a name (`ممثل كويتي متوف`, `زعيم
    دموي قسي القلب`)."""
    if context.tokens[first].stem.endswith(NISBA_ENDINGS):
        return None
    last = first
    end = min(context.sentence_end[first], first + 4)
    while last < end and _rare_name_word(context, last, MAX_UNKNOWN_NAME_FREQUENCY, covered):
        last += 1
    return (first, last) if 2 <= last - first <= 3 else None


def _rare_name_word(context: Context, index: int, most: int, covered: set[int]) -> bool:
    """An untagged Arabic word seen at most `most` times in unlabelled news, with no clitic,
    article or tanween, in no word list of the rules and no title: a name's word. A word
    whose form without a final alif is the commoner word is an indefinite accusative
    written without its tanween (`عزما اكيدا`), not a name (`زوما`, `سلفا`)."""
    token = context.tokens[index]
    frequencies = resources.word_frequencies()
    key = context.keys[index]
    seen = frequencies.get(key, 0)
    return (
        token.kind == "arabic"
        and not token.prefix
        and index not in covered
        and not TANWEEN.intersection(token.text)
        and context.bare[index] not in context.lexicons.words
        and context.lexicons.title_at(context.tokens, index, index + 1) is None
        and seen <= most
        and not (key.endswith("ا") and frequencies.get(key[:-1], 0) > seen)
    )


def _after_role_phrase(context: Context, index: int, mentions: list[Mention]) -> bool:
    """Whether a role and its complement end right before tokens[index]: the role's words
    (`رئيس الوزراء`, with definite words after the title) or a place or organisation
    after it (`رئيس جنوب السودان`)."""
    tokens = context.tokens
    complements = {m.last: m for m in mentions if m.type in ("ORG", *PLACE_TYPES)}
    position = index
    start = context.sentence_start[index]
    while position > start and index - position < MAX_ROLE_WORDS:
        if _role_ends_at(context, position):
            return True
        complement = complements.get(position)
        if complement is not None:
            position = complement.first
        elif tokens[position - 1].prefix == ARTICLE and not _is_stop_word(context, position - 1):
            position -= 1
        else:
            return False
    return False


def _name_from(context: Context, first: int, end: int, covered: set[int]) -> tuple[int, int] | None:
    """The words of a name starting at a given name, ended by its first definite word,
    which must look like a family name: nisba-shaped (البارزاني), or a name word of the
    gazetteer table (الغبان) or of data/person_words.tsv; or by a word without the article
    that the article uses alone as a speaker (see _said_alone_elsewhere)."""
    tokens = context.tokens
    for last in range(first + 1, min(end, first + MAX_NAME_AFTER_ROLE)):
        token = tokens[last]
        if token.kind != "arabic" or last in covered or context.bare[last] in context.lexicons.stop_words:
            return None
        if context.lexicons.title_at(tokens, last, end) is not None:
            return None  # `ولا رئيس الوزراء`: a role word is no name's word
        if token.prefix[:1] in CONJUNCTIONS or TANWEEN.intersection(token.text):
            return None
        if has_article(token):
            lexicons = context.lexicons
            head = context.bare[last] in lexicons.org_heads or context.bare[last] in lexicons.place_heads
            if token.prefix != ARTICLE or head or context.keys[last] in lexicons.anaphors:
                return None  # `حاكم الولاية`, `باسم الوزارة`: a head noun ends no name
            family = context.bare[last]
            known = family in lexicons.known_names or family in lexicons.person_words
            if not (known or context.is_nisba(last)):
                return None  # `طالب المجتمع`, `صاحب الأرض`: a common noun ends no name
            return first, last + 1
        if context.bare[last] not in context.lexicons.given_names:
            if not token.prefix and _said_alone_elsewhere(context, last):
                return first, last + 1  # `يحيى سريع` ... `وقال سريع`
            return None  # a middle name is a father's given name: محمد سالم الغبان
    return None


def _said_alone_elsewhere(context: Context, index: int) -> bool:
    """Whether the article uses the word elsewhere alone as the speaker of a verb of saying
    (`وقال سريع`). News names a person in full once and by the family name after, so the
    word ends the name although it has no article and is a common word (`سريع`, fast)."""
    key, tokens = context.keys[index], context.tokens
    return any(
        other != index
        and context.keys[other] == key
        and not tokens[other].prefix
        and other > context.sentence_start[other]
        and not tokens[other - 1].suffix
        and context.bare[other - 1] in context.lexicons.speech_verbs
        for other in range(len(tokens))
    )


def agree_with_coordinated(context: Context, mentions: list[Mention]) -> None:
    """In a list of one type (`نينوى وصلاح الدين وكركوك`), an item the tagger typed otherwise
    takes the type of both its neighbours."""
    ordered = sorted(mentions, key=lambda m: m.first)
    tokens = context.tokens

    def joined(left: Mention, right: Mention) -> bool:
        between = [t for t in tokens[left.last : right.first] if t.text not in ("،", ",")]
        conjoined = tokens[right.first].prefix[:1] == "و"
        return not between and (conjoined or right.first > left.last)

    for before, middle, after in zip(ordered, ordered[1:], ordered[2:], strict=False):
        disagrees = before.type == after.type != middle.type and middle.source == "model"
        if disagrees and joined(before, middle) and joined(middle, after):
            middle.type = before.type


def quoted_org_names(context: Context) -> list[Mention]:
    """`منظمة"بدر"`, `تنظيم(داعش)`, `قوات "البيشمركة"`: a marked name after an organisation head."""
    found = []
    for index, head, close in _marked_after_head(context, context.lexicons.org_heads):
        mention = context.mention(index + 2, close, "ORG", "org-quoted")
        if head.in_name:
            token = context.tokens[index]
            mention.name = f"{context.text[mention_start(token) : token.end]} {mention.name}"
            mention.key = (context.keys[index], *mention.key)
        else:
            mention.heads = (context.bare[index],)
        found.append(mention)
    return found


def quoted_place_names(context: Context) -> list[Mention]:
    """`استاد "سلتيك بارك"`, `ملعب "الإمارات"`: a marked name after a head noun of a place or
    facility (data/name_heads.tsv) is a mention of the head's type; the marks bound the
    name, so the head stays outside it."""
    return [
        context.mention(index + 2, close, type_, "place-quoted")
        for index, type_, close in _marked_after_head(context, context.lexicons.name_heads)
    ]


def _marked_after_head(
    context: Context, heads: Mapping[str, HeadInfo]
) -> Iterator[tuple[int, HeadInfo, int]]:
    """(head index, what `heads` says of it, closing mark index) for every indefinite head
    word right before a marked name (`_marked_name_end`)."""
    for index, token in enumerate(context.tokens[:-2]):
        head = heads.get(context.bare[index])
        if head is None or has_article(token):
            continue
        close = _marked_name_end(context, index + 1)
        if close is not None:
            yield index, head, close


def quoted_titles(context: Context) -> list[Mention]:
    """`برنامج « حوار من القلب »`, `رواية "اللص والكلاب"`: a work's title, MISC, in marks
    right after a word of data/work_heads.tsv (with clitics or a pronoun on it)."""
    tokens, found = context.tokens, []
    for index, token in enumerate(tokens[:-2]):
        if token.kind != "arabic" or _title_key(token) not in context.lexicons.work_heads:
            continue
        close = _marked_name_end(context, index + 1)
        if close is not None:
            found.append(context.mention(index + 2, close, "MISC", "title-quoted"))
    return found


def _marked_name_end(context: Context, opener: int) -> int | None:
    """Where the closing mark is of a name of words and numbers (at most MAX_QUOTED_NAME)
    that an opening quotation mark or bracket at tokens[opener] begins; None if there is
    no such name."""
    tokens = context.tokens
    closer = OPENERS.get(tokens[opener].norm)
    if closer is None:
        return None
    limit = min(context.sentence_end[opener], opener + 1 + MAX_QUOTED_NAME + 1)
    close = next((j for j in range(opener + 1, limit) if tokens[j].norm == closer), None)
    if close is None or close == opener + 1:
        return None
    if not all(context.is_word(j) or tokens[j].kind == "number" for j in range(opener + 1, close)):
        return None
    return close


def headed_org_names(context: Context) -> list[Mention]:
    """`وزارة الداخلية العراقية`: a head that always names, a definite noun, nisba adjectives;
    `جبهة الخلاص الوطني`: a head that belongs to the name, a definite noun and an adjective
    of a programme (data/movement_adjectives.tsv). A body every state has, without an
    adjective (`مجلس الوزراء`, data/generic_bodies.tsv), is described, not named."""
    tokens, found = context.tokens, []
    for index, token in enumerate(tokens[:-1]):
        head = context.lexicons.org_heads.get(context.bare[index])
        if head is None or has_article(token):
            continue
        noun = index + 1
        if context.sentence_of[noun] != context.sentence_of[index] or tokens[noun].prefix != ARTICLE:
            continue
        if not head.always and not (head.in_name and _movement_adjective(context, noun + 1)):
            continue
        last = noun + 1
        limit = context.sentence_end[index]
        while last < limit and last - noun <= MAX_ORG_ADJECTIVES and context.is_nisba(last):
            last += 1
        mention = context.mention(index, last, "ORG", "org-head")
        # مجلس الوزراء alone is whichever state's cabinet: a description, as الحكومة is.
        mention.description = mention.key in context.lexicons.generic_bodies
        found.append(mention)
    return found


def named_after_people(context: Context, mentions: list[Mention]) -> list[Mention]:
    """`مطار الملك خالد الدولي`, `جامعة السلطان قابوس`, `مطار رفيق الحريري`: a facility,
    institution or prize named after a person is one mention (data/named_after.tsv), and
    the person is no actor of the article (the tagger reads `خالد` there as a person).

    A head in construct, an honorific or not, the person's name, then up to
    MAX_ORG_ADJECTIVES nisba adjectives. After an honorific the name is the tagged
    mention that starts at the honorific or after it, or else its words: given names,
    `بن`/`آل` and the next word, `عبد` and the next word (at most MAX_NAME_AFTER_ROLE);
    without one, only a person the tagger found is taken (`مطار بيروت` is headed_place_name's).
    """
    lexicons, tokens = context.lexicons, context.tokens
    starting = {m.first: m for m in mentions if m.type not in PLACE_TYPES}
    found = []
    for index, token in enumerate(tokens[:-1]):
        type_ = lexicons.named_after_heads.get(context.bare[index])
        if type_ is None or has_article(token):
            continue
        end = context.sentence_end[index]
        name = index + 1
        honorific = name < end and context.bare[name] in lexicons.honorifics and has_article(tokens[name])
        tagged = starting.get(name)
        if honorific:
            name += 1
            tagged = tagged or starting.get(name)
            last = max(tagged.last if tagged is not None else name, _honoree_end(context, name, end))
        elif tagged is not None and tagged.type == "PERSON":
            last = tagged.last
        else:
            continue
        if last == name:
            continue
        adjectives = last
        while last < end and last - adjectives < MAX_ORG_ADJECTIVES and context.is_nisba(last):
            last += 1
        found.append(context.mention(index, last, type_, "named-after"))
    return found


def _honoree_end(context: Context, first: int, end: int) -> int:
    """Where the name of a person after an honorific ends (`خالد`, `سلطان بن عبد العزيز`,
    `خليفة بن زايد آل نهيان`)."""
    lexicons, tokens = context.lexicons, context.tokens
    last = first
    limit = min(end, first + MAX_NAME_AFTER_ROLE)
    while last < limit and tokens[last].kind == "arabic":
        bare = context.bare[last]
        if bare in lexicons.compound and last + 1 < end:
            last += 2  # عبد العزيز
        elif tokens[last].prefix or bare in lexicons.stop_words:
            break  # `كأس الملك من ربع النهائي`: no name after the honorific
        elif bare in lexicons.nasab and last + 1 < end:
            last += 1  # بن, آل: the next word is the father's or the family's, or عبد ...
            if context.bare[last] not in lexicons.compound:
                last += 1
        elif bare in lexicons.given_names or bare.startswith("عبد"):
            last += 1  # خالد, عبدالعزيز
        else:
            break
    return min(last, end)


def _movement_adjective(context: Context, index: int) -> bool:
    """Whether tokens[index] is a programme's adjective (الوطني, الإسلامية) in the sentence."""
    if index >= context.sentence_end[index - 1] or not context.is_nisba(index):
        return False
    adjective = context.keys[index]
    if adjective.endswith("يه"):
        adjective = adjective[:-1]  # the feminine: الوطنية
    return adjective in context.lexicons.movement_adjectives


def institution_names(context: Context) -> list[Mention]:
    """Forces, governments and official bodies named by whose they are.

    - A definite head of `data/institution_heads.tsv` followed by a scope adjective
      (`data/nisba_scope.tsv`): `الجيش الإسرائيلي`, `الحرس الثوري الإيراني`, `السلطات
      التركية`; a head of kind `name` is a body alone too (`الدفاع المدني`).
    - An indefinite head of kind `scoped` (`data/org_heads.tsv`) with a definite noun and a
      scope adjective: `قوات الأمن العراقية`, `صندوق النقد الدولي`.

    The name runs over nisba-shaped adjectives (`الجيش الوطني الليبي`) and ends with the
    last scope adjective, so it never swallows the rest of the clause. A definite head
    right after a role word is that role's complement (`وزير الدفاع اليمني`, `قائد الجيش
    اللبناني`: the person's role), except after `باسم` (`المتحدث باسم الجيش الإسرائيلي`).
    """
    lexicons, tokens = context.lexicons, context.tokens
    heads_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, kind in lexicons.institution_heads.items():
        heads_by_first.setdefault(key[0], []).append((key, kind))

    def definite_head(index: int, end: int) -> tuple[int, str] | None:
        """The length of the longest definite head at tokens[index], and its kind."""
        matches = [
            (len(key), kind)
            for key, kind in heads_by_first.get(context.keys[index], ())
            if index + len(key) <= end and tuple(context.keys[index : index + len(key)]) == key
        ]
        return max(matches) if matches else None

    found = []
    for index, token in enumerate(tokens):
        end = context.sentence_end[index]
        if token.kind != "arabic":
            continue
        if has_article(token):
            head_here = definite_head(index, end)
            if head_here is None or _after_role(context, index):
                continue
            size, kind = head_here
            alone = kind == "name"
            last = _scope_end(context, index + size, end)
            # A generic head with its scope describes the body (الحكومة اللبنانية); an
            # army's or a police force's is its name (الجيش الإسرائيلي), and a head that
            # names one alone still names it with a scope (الحرس الثوري الإيراني).
            description = kind == "scoped"
            if last is None and alone:
                last = index + size
        else:
            head = lexicons.org_heads.get(context.bare[index])
            if head is None or not (head.scoped or head.always):
                continue
            noun = index + 1
            if noun < end and _construct_noun(context, noun) and noun + 1 < end:
                # جهاز مكافحة الإرهاب العراقي, وزارة شؤون المرأة الأفغانية: a noun in
                # construct before the definite one; the scope adjective is then required.
                noun += 1
            if noun >= end or tokens[noun].prefix != ARTICLE:
                continue
            if noun == index + 1 and not head.scoped:
                continue  # وزارة الداخلية: headed_org_names
            # The noun may itself be a definite head: مديرية الأمن العام الأردنية,
            # مديرية الدفاع المدني.
            size, kind = definite_head(noun, end) or (1, "scoped")
            last = _scope_end(context, noun + size, end)
            description = False
            if last is None and kind == "name" and noun == index + 1:
                last = noun + size
        if last is not None:
            mention = context.mention(index, last, "ORG", "institution")
            mention.description = description
            found.append(mention)
    return found


def body_names(context: Context) -> list[Mention]:
    """`المفوضية العليا للانتخابات`, `الاتحاد المصري للمصارعة`: a definite head of
    data/body_names.tsv, a rank adjective or one of a state's or international scope
    (`Context.is_scope`), a noun with ل or لل, and up to two definite words
    after it (no conjunction, no stop word). A head right after a role word is the role's
    complement (`رئيس المجلس الأعلى للقضاء` names the role), as for institution names."""
    lexicons, tokens, keys = context.lexicons, context.tokens, context.keys
    found = []
    for index in range(len(tokens) - 2):
        end = context.sentence_end[index]
        if index + 2 >= end or keys[index] not in lexicons.body_heads:
            continue
        adjective, purpose = tokens[index + 1], tokens[index + 2]
        rank = adjective.prefix == ARTICLE and keys[index + 1] in lexicons.body_adjectives
        if not rank and (
            not context.is_scope(index + 1) or tuple(keys[index : index + 2]) in lexicons.alias_keys
        ):
            continue  # الاتحاد الأوروبي لتطبيق ...: a body's whole name, then a purpose clause
        if purpose.kind != "arabic" or purpose.prefix not in ("لل", "ل"):
            continue
        last = index + 3
        while (
            last < min(end, index + 5)
            and tokens[last].prefix == ARTICLE
            and not _is_stop_word(context, last)
            and tokens[last].norm not in lexicons.clause_words  # الاتحاد ... لكرة القدم الأربعاء
            and lexicons.title_at(tokens, last, end) is None  # الهيئة العامة للرياضة الأستاذ
        ):
            last += 1
        found.append(context.mention(index, last, "ORG", "institution"))
    return found


def _construct_noun(context: Context, index: int) -> bool:
    """An indefinite noun that can stand in construct inside a body's name (`مكافحة`,
    `تنمية`, `شؤون`): an Arabic word without clitics, article or tanween, no stop word,
    title or word of the rules' lists, and no name."""
    token = context.tokens[index]
    return (
        token.kind == "arabic"
        and not token.prefix
        and not TANWEEN.intersection(token.text)
        and context.bare[index] not in context.lexicons.words
        and context.bare[index] not in context.lexicons.known_names
        and context.lexicons.title_at(context.tokens, index, index + 1) is None
    )


def _scope_end(context: Context, first: int, end: int) -> int | None:
    """Where a name ends that runs from `first` over nisba-shaped adjectives to the last
    scope adjective among them (`الوطني الليبي`); None when there is no scope adjective."""
    last = None
    position = first
    while position < end and position - first < MAX_ORG_ADJECTIVES and context.is_nisba(position):
        if context.is_scope(position):
            last = position + 1
        position += 1
    return last


def _after_role(context: Context, index: int) -> bool:
    """Whether a role phrase (وزير, رئيس, قائد; not المتحدث باسم) ends right before tokens[index]."""
    return _role_ends_at(context, index) and context.tokens[index - 1].norm != ON_BEHALF_OF


def can_end_name(type_: str, token: Token) -> bool:
    """Whether `token` may end a name of `type_`. A name takes no tanween: `23 دبلوماسياً
    روسياً` are Russians, not Russia; a currency does (`22 جنيهاً`, MISC as `جنيه` is)."""
    return type_ == "MISC" or not TANWEEN.intersection(token.text)


def alias_mentions(context: Context) -> list[Mention]:
    """Every form of `data/aliases.tsv` (not marked ~) where it stands in the text."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for group in context.lexicons.aliases:
        for key in group.searchable:
            by_first.setdefault(key[0], []).append((key, group.type))
    found = []
    keys = context.keys
    for index, first in enumerate(keys):
        for key, type_ in by_first.get(first, ()):
            last = index + len(key)
            if last <= context.sentence_end[index] and tuple(keys[index:last]) == key:
                if not can_end_name(type_, context.tokens[last - 1]):
                    continue
                found.append(context.mention(index, last, type_, "alias"))
    return found


def resolve_overlaps(candidates: list[Mention]) -> list[Mention]:
    """Keeps one mention where several overlap.

    A marked name after an organisation head wins (the tagger tends to swallow the head
    and the marks); otherwise the longer mention wins, and at equal length a rule's.
    """
    rank = {"org-quoted": 3, "kunya": 3, "org-head": 2, "institution": 2, "alias": 2, "model": 1}

    def order(m: Mention) -> tuple[int, int, int, int]:
        return (m.source not in QUOTED_SOURCES, -m.length, -rank.get(m.source, 0), m.start)

    kept: list[Mention] = []
    taken: set[int] = set()  # mentions are whole tokens: overlapping spans share a token
    for mention in sorted(candidates, key=order):
        span = range(mention.first, mention.last)
        if taken.isdisjoint(span):
            kept.append(mention)
            taken.update(span)
    return kept


def _only_a_head(mention: Mention, lexicons: Lexicons) -> bool:
    """A mention that is just a head noun (`منظمة` tagged alone) names nothing."""
    return len(mention.key) == 1 and mention.key[0].removeprefix(ARTICLE) in lexicons.org_heads


def _only_titles(context: Context, mention: Mention) -> bool:
    """A person tagged on title words alone (`الميجر` of `الميجر جنرال روبرت جونز`) names
    no one: the name comes after the titles."""
    if mention.type != "PERSON":
        return False
    index = mention.first
    while index < mention.last:
        title = context.lexicons.title_at(context.tokens, index, mention.last)
        if title is None:
            return False
        index += title[1]
    return True


def _only_a_place_head(mention: Mention, context: Context) -> bool:
    """A one-word place that is only an indefinite head noun (`ريف` of `ريف إدلب`, `مدينة`
    tagged alone) names nothing: the place is the name after it."""
    token = context.tokens[mention.first]
    bare = context.bare[mention.first]
    head = bare in context.lexicons.place_heads or context.lexicons.place_cues.get(bare) == "head"
    return mention.type in PLACE_TYPES and mention.length == 1 and head and not has_article(token)


def _trim_descriptor_head(context: Context, mention: Mention) -> Mention:
    """`تنظيم داعش` tagged whole is the organisation `داعش`, introduced by a descriptor."""
    lexicons = context.lexicons
    head = lexicons.org_heads.get(context.bare[mention.first])
    if (
        mention.type != "ORG"
        or mention.source == "institution"  # قوات الأمن العراقية is named with its head
        or head is None
        or head.in_name
        or mention.length < 2
        or has_article(context.tokens[mention.first])
        or any(mention.key in group.keys for group in lexicons.aliases)
    ):
        return mention
    trimmed = context.mention(mention.first + 1, mention.last, mention.type, mention.source)
    if not trimmed.key:
        return mention
    trimmed.heads = (*mention.heads, context.bare[mention.first])
    return trimmed


def _note_descriptor_heads(context: Context, mentions: list[Mention]) -> None:
    """Remembers the head before an organisation's name, which `التنظيم` later refers through."""
    for mention in mentions:
        before = mention.first - 1
        if before >= 0 and is_mark(context.tokens[before]):
            before -= 1
        if before < 0 or context.sentence_of[before] != context.sentence_of[mention.first]:
            continue
        head = context.bare[before]
        if head in context.lexicons.org_heads and head not in mention.heads:
            mention.heads = (*mention.heads, head)


def complete_person_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Kunya and nasab: `أبو بكر البغدادي`, `محمد بن سلمان آل سعود` are whole names.

    A person's name is extended left over a kunya word (أبو, أم), the first half of a
    compound name (عبد) or a particle (فان), and right over nasab links (بن, آل) and the
    name after each; a kunya tagged alone takes the word after it (`أبو ذكري`) or is
    dropped; a particle and rare words after it are a person (`فان باستن`).
    A kunya + name + nisba (`أبو بكر البغدادي`) is a person even when the tagger saw only
    a place in the nisba, which is exactly the error this corrects.
    """
    lexicons, tokens = context.lexicons, context.tokens
    covered = {i: m for m in mentions for i in range(m.first, m.last)}
    people: list[Mention] = []
    for index in range(len(tokens) - 2):
        in_person = covered.get(index) is not None and covered[index].type == "PERSON"
        if context.bare[index] not in lexicons.kunya or in_person or has_article(tokens[index]):
            continue
        name, nisba = index + 1, index + 2
        if nisba >= context.sentence_end[index] or has_article(tokens[name]):
            continue
        if not context.is_word(name) or name in covered or not context.is_nisba(nisba):
            continue
        if nisba in covered and covered[nisba].length > 1:
            continue
        people.append(context.mention(index, nisba + 1, "PERSON", "kunya"))
    for index in range(len(tokens) - 1):
        # فان باستن: a particle and a rare word the tagger left out.
        if not _name_particle(context, index) or index in covered:
            continue
        last = index + 1
        end = min(context.sentence_end[index], index + 3)
        while (
            last < end
            and not tokens[last].suffix  # رؤيتهم: a noun with a pronoun
            and _rare_name_word(context, last, MAX_NAME_WORD_FREQUENCY, set(covered))
        ):
            last += 1
        if last > index + 1:
            people.append(context.mention(index, last, "PERSON", "particle"))
    for mention in mentions:
        if mention.type != "PERSON":
            continue
        first, last = mention.first, mention.last
        start = context.sentence_start[first]
        before = first - 1
        if (
            before >= start
            and context.bare[before] in lexicons.kunya | lexicons.compound
            and not has_article(tokens[before])
        ) or (before >= start and _name_particle(context, before) and before not in covered):
            first -= 1
        elif (
            first - 2 >= start
            and context.bare[first - 2] in lexicons.kunya
            and context.is_word(first - 1)
            and not has_article(tokens[first - 1])
            and first - 1 not in covered
        ):
            first -= 2
        end = context.sentence_end[last - 1]
        if (
            mention.length == 1
            and context.bare[first] in lexicons.kunya
            and not tokens[first].text.startswith("آ")
        ):
            # `أبو` tagged alone (`كاملة أبو ذكري`) names no one: the name after it does
            # (`آبي` is Abe, not the kunya أبي it normalises to).
            if not _kunya_name_follows(context, last, covered):
                continue
            last += 1
        while last + 1 < end and context.bare[last] in lexicons.nasab and _name_word(context, last + 1):
            last += 2
            following = covered.get(last - 1)
            if following is not None and following.type == "PERSON":
                last = max(last, following.last)
        if (first, last) == (mention.first, mention.last):
            people.append(mention)
            continue
        extended = context.mention(first, last, "PERSON", mention.source)
        extended.heads = mention.heads
        people.append(extended)
    kept = resolve_overlaps(people)
    others = [m for m in mentions if m.type != "PERSON"]
    return kept + [m for m in others if not any(m.overlaps(p) for p in kept)]


def _name_particle(context: Context, index: int) -> bool:
    """A name particle as written (`فان`); `فإن` with its hamza is the conjunction. Text
    that writes no hamza on its alefs writes فإن as فان too, far more often than the
    particle, so there no word is read as one."""
    token = context.tokens[index]
    particle = token.norm in context.lexicons.particles and token.norm == token.text
    return particle and context.writes_hamza


def _kunya_name_follows(context: Context, index: int, covered: Mapping[int, Mention]) -> bool:
    """Whether tokens[index] can be the name after a kunya: a word, untagged, without a
    pronoun or a proclitic other than the article (`أبو ذكري`, `أبو الفضل`), no stop word
    and no complementiser (`قال أبو إن`)."""
    if index >= context.sentence_end[index - 1] or index in covered or not context.is_word(index):
        return False
    token = context.tokens[index]
    return (
        token.prefix in ("", ARTICLE)
        and not token.suffix
        and not _is_stop_word(context, index)
        and context.keys[index] not in COMPLEMENTISERS
        and context.bare[index] not in context.lexicons.speech_verbs
    )


def _name_word(context: Context, index: int) -> bool:
    """A word that can follow بن/آل in a name: not definite (ابن الملك) and without a
    pronoun (ابن أخيه)."""
    token = context.tokens[index]
    return context.is_word(index) and not has_article(token) and not token.suffix


def drop_nisba_places(context: Context, mentions: list[Mention]) -> list[Mention]:
    """`العراقي` is an adjective, not the place `العراق`; `البغدادي` after a name is a surname.

    A one-word place whose word is the nisba of another place in the same article (or of
    a place in the alias list) is dropped; one right after a person's name joins the name.
    """
    places = {m.key[0] for m in mentions if m.type in PLACE_TYPES and len(m.key) == 1}
    alias_places = {key[0] for group in context.lexicons.aliases if group.type == "GPE" for key in group.keys}
    places |= alias_places
    adjectives: dict[str, set[str]] = {}  # adjective -> the places it is the nisba of
    for place in places:
        base = place.removeprefix(ARTICLE)
        if base.endswith(("يا", "يه")):
            adjective = base[:-1]  # ليبيا: ليبي, السعودية: سعودي
        elif base.endswith(("ا", "ه")):
            adjective = base[:-1] + "ي"  # أمريكا: أمريكي
        else:
            adjective = base + "ي"  # العراق: عراقي
        adjectives.setdefault(adjective, set()).add(place)
    people_end = {m.last: m for m in mentions if m.type == "PERSON"}
    kept: list[Mention] = []
    absorbed: dict[int, Mention] = {}
    for mention in mentions:
        nisba = context.is_nisba(mention.first, clitics=True)
        if mention.type not in PLACE_TYPES or mention.length != 1 or not nisba:
            kept.append(mention)
            continue
        person = people_end.get(mention.first)
        # A family name is a masculine nisba (البغدادي), not a known place (السعودية).
        surname = context.tokens[mention.first].stem.endswith("ي") and mention.key[0] not in alias_places
        if (
            person is not None
            and surname
            and context.sentence_of[person.first] == context.sentence_of[mention.first]
        ):
            absorbed[id(person)] = context.mention(person.first, mention.last, "PERSON", person.source)
            continue
        stem = context.tokens[mention.first].stem
        adjective = stem[:-1] if stem.endswith("يه") else stem  # العراقية: عراقي
        if not adjectives.get(adjective, set()) - {mention.key[0]}:  # السعودية is no nisba of itself
            kept.append(mention)
    result = []
    for mention in kept:
        replacement = absorbed.get(id(mention))
        if replacement is not None:
            replacement.heads = mention.heads
            mention = replacement
        result.append(mention)
    return result


def attach_roles(context: Context, person: Mention, mentions: list[Mention]) -> None:
    """Finds the titles and roles around one person's name and records them on it."""
    lexicons, tokens = context.lexicons, context.tokens
    # Titles the tagger took into the name: `الشيخ محمد` tagged whole.
    leading: list[str] = []
    tagged_first = person.first
    while person.length > 1:
        title = lexicons.title_at(tokens, person.first, person.last)
        if title is None or title[1] >= person.length:
            break
        kind, length = title
        if kind != "courtesy":
            leading.append(_role_text(context, person.first, person.first + length))
        trimmed = context.mention(person.first + length, person.last, "PERSON", person.source)
        person.first, person.start, person.name, person.key = (
            trimmed.first, trimmed.start, trimmed.name, trimmed.key,
        )  # fmt: skip
    before = _roles_before(context, person, mentions, tagged_first)
    after = _role_after(context, person, mentions)
    for first, last in [*before, *([after] if after else [])]:
        leading.append(_role_text(context, first, last))
        person.role_spans.append((first, last))
    for role in leading:
        if role and role not in person.roles:
            person.roles.append(role)


def _roles_before(
    context: Context, person: Mention, mentions: list[Mention], name_first: int
) -> list[tuple[int, int]]:
    """Role phrases that end right before the name (at name_first, before any titles the
    tagger took into it): `وزير الداخلية العراقي محمد ...`.

    Reading back from the name, role words are collected until a stop word, a mark other
    than a quotation mark or bracket, another person or the sentence start. The nearest
    role phrase is taken (with role words right before it: نائب رئيس); when it is a bare
    title (اللواء), the phrase before that title is taken too.
    """
    lexicons, tokens = context.lexicons, context.tokens
    people = {i for m in mentions if m.type == "PERSON" and m is not person for i in range(m.first, m.last)}
    found: list[tuple[int, str, int]] = []  # (index, kind, words), nearest first
    start = context.sentence_start[name_first]
    index = name_first - 1
    words = 0
    while index >= start and words < MAX_ROLE_WORDS:
        token = tokens[index]
        if is_mark(token) and token.norm in OPENERS.keys() | OPENERS.values():
            index -= 1
            continue
        if token.kind != "arabic" or index in people or context.bare[index] in lexicons.stop_words:
            break
        title = lexicons.title_at(tokens, index, name_first)
        conjoined = token.prefix[:1] in CONJUNCTIONS
        if title is not None:
            while found and index + title[1] > found[-1][0]:
                found.pop()  # the nearer word is inside this longer title: الميجر جنرال
            found.append((index, title[0], title[1]))
        if conjoined:
            break
        index -= 1
        words += 1
    if not found:
        return []
    phrases: list[tuple[int, int]] = []
    end = name_first
    position = 0
    while position < len(found) and len(phrases) < 2:
        first = found[position][0]
        position += 1
        # Role words right before it join it: نائب رئيس, ولي العهد الأمير.
        while (
            position < len(found)
            and found[position][0] + found[position][2] == first
            and found[position][1] == "role"
        ):
            first = found[position][0]
            position += 1
        last = end
        while last > first and (
            is_mark(tokens[last - 1]) or lexicons.title_at(tokens, last - 1, end) == ("courtesy", 1)
        ):
            last -= 1
        kinds = {kind for i, kind, _ in found if first <= i < last}
        if kinds - {"courtesy"}:
            phrases.append((_skip_courtesy(context, first, last), last))
        title = lexicons.title_at(tokens, first, end)
        if title is None or title[0] != "title":
            break
        end = first
    return phrases


def _skip_courtesy(context: Context, first: int, last: int) -> int:
    while first < last and context.lexicons.title_at(context.tokens, first, last) == ("courtesy", 1):
        first += 1
    return first


def _role_after(context: Context, person: Mention, mentions: list[Mention]) -> tuple[int, int] | None:
    """A role in apposition after the name that ends in an organisation or place:
    `هادي العامري أمين عام منظمة"بدر"`, `... ، رئيس حزب الدعوة`."""
    lexicons, tokens = context.lexicons, context.tokens
    end = context.sentence_end[person.last - 1]
    index = person.last
    if index < end and tokens[index].text in ("،", ","):
        index += 1
    if index >= end or tokens[index].kind != "arabic" or tokens[index].prefix[:1] in CONJUNCTIONS:
        return None
    title = lexicons.title_at(tokens, index, end)
    if title is None or title[0] != "role":
        return None
    complements = {i: m for m in mentions if m.type not in ("PERSON", "MISC") for i in range(m.first, m.last)}
    people_first = {m.first for m in mentions if m.type == "PERSON"}
    position = index + title[1]
    words = 0
    while position < end and words < MAX_ROLE_COMPLEMENT:
        token = tokens[position]
        complement = complements.get(position)
        if complement is not None:
            # `التقى الغبان رئيس إقليم كردستان مسعود البارزاني`: the role is the next person's.
            after = complement.last + (complement.last < end and is_mark(tokens[complement.last]))
            return None if after in people_first else (index, complement.last)
        if is_mark(token):
            position += 1
            continue
        if token.kind != "arabic" or context.bare[position] in lexicons.stop_words:
            return None
        position += 1
        words += 1
    return None


def _role_text(context: Context, first: int, last: int) -> str:
    """A role as written, clitics before it and marks inside it dropped (`أمين عام منظمة بدر`)."""
    token = context.tokens[first]
    if last - first == 1 and token.suffix:
        return context.text[mention_start(token) : token.stem_end]
    return display_name(context.text, context.tokens, first, last)


def _role_ends_at(context: Context, index: int) -> bool:
    """Whether a role phrase (رئيس, الأمين العام, المتحدث باسم) ends right before tokens[index]."""
    lexicons = context.lexicons
    start = max(context.sentence_start[index], index - MAX_ROLE_BEFORE_HEAD)
    for first in range(start, index):
        title = lexicons.title_at(context.tokens, first, index)
        if title is not None and title[0] == "role" and first + title[1] == index:
            return True
    return False


def role_headed_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """`رئيس حركة النهضة`, `رئيس إقليم الشمال`: a head noun and a definite noun after a role.

    A head that only names when marked (`حركة`, `جبهة`: `حركة النزوح` is no movement)
    does name after a role word: a movement has a president, traffic does not. The head
    (a `marked` organisation head that belongs to the name, or a place head; `always` and
    `scoped` heads have their own rules), the definite noun
    after it and up to MAX_ORG_ADJECTIVES nisba adjectives become an ORG or a GPE when the
    tagger left every one of these words outside a mention; a name it found wins.
    """
    lexicons, tokens = context.lexicons, context.tokens
    covered = {i for m in mentions for i in range(m.first, m.last)}
    found = []
    for index, token in enumerate(tokens[:-1]):
        bare = context.bare[index]
        org_head = lexicons.org_heads.get(bare)
        if org_head is not None and org_head.in_name and not (org_head.always or org_head.scoped):
            type_ = "ORG"
        elif bare in lexicons.place_heads:
            type_ = "GPE"
        else:
            continue
        noun = index + 1
        end = context.sentence_end[index]
        if index in covered or has_article(token) or noun >= end or noun in covered:
            continue
        if tokens[noun].prefix != ARTICLE or context.bare[noun] in lexicons.stop_words:
            continue
        if not _role_ends_at(context, index):
            continue
        last = noun + 1
        while (
            last < end
            and last - noun <= MAX_ORG_ADJECTIVES
            and last not in covered
            and context.is_nisba(last)
        ):
            last += 1
        found.append(context.mention(index, last, type_, "role-head"))
        covered.update(range(index, last))
    return found


def backoff_places(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Places the tagger missed: a known place name where the words around it say place.

    A run of up to MAX_BACKOFF_WORDS words that no mention covers becomes a GPE (or LOC)
    when the shipped place registry has it (`resources.registry()`, the linking stage's)
    and either a head noun stands before it (`بلدة سرمين`, `العاصمة عمان`, `قصر قرطاج`;
    data/place_heads.tsv and `head` rows of data/place_cues.tsv), or it follows a
    preposition (`في`, `إلى`, ب- written on it) or opens a dateline (`المنامة - ...`) and
    is a large place (MIN_BACKOFF_POPULATION), a country, a province or a capital. Words
    are matched whole with the article (`البغدادي` is not `بغداد`); never taken: a given
    name after a preposition, a name shorter than MIN_BACKOFF_LETTERS letters, a first
    word more frequent in news than MAX_BACKOFF_FREQUENCY (جنوب, مايو), an indefinite
    feminine adjective (دولة إسلامية) or, after a head, a word news writes more often
    with the article than without (دولة عظمى).
    """
    from marsad.linking.match import name_key

    registry = resources.registry()
    lexicons, tokens = context.lexicons, context.tokens
    covered = {i for m in mentions for i in range(m.first, m.last)}
    in_places = {i for m in mentions if m.type in PLACE_TYPES for i in range(m.first, m.last)}
    frequencies = resources.word_frequencies()
    found = []
    for index, token in enumerate(tokens):
        if index in covered or token.kind != "arabic" or context.bare[index] in lexicons.words:
            continue
        if frequencies.get(context.keys[index], 0) > MAX_BACKOFF_FREQUENCY:
            continue
        if not has_article(token) and token.stem.endswith("يه"):
            continue  # an adjective: دولة إسلامية
        cue = _place_cue(context, index, in_places)
        if cue is None:
            continue
        if cue == "prep" and frequencies.get(context.keys[index], 0) > MAX_PREP_BACKOFF_FREQUENCY:
            continue
        if cue == "prep" and has_article(token):
            indefinite = context.keys[index].removeprefix(ARTICLE)
            if frequencies.get(indefinite, 0) >= MIN_COMMON_NOUN_FREQUENCY:
                continue
        if cue == "head" and not has_article(token):
            # A word news writes more often with the article than without is a common
            # word, here an adjective of the head (محافظات محاصرة, مخيم تابع, دولة عظمى),
            # though the registry has a hamlet so named; towns are rarely definite (صعدة).
            key = context.keys[index]
            if frequencies.get(ARTICLE + key, 0) > frequencies.get(key, 0):
                continue
        end = min(context.sentence_end[index], index + MAX_BACKOFF_WORDS)
        for last in range(end, index, -1):
            span = range(index, last)
            if any(
                i in covered or tokens[i].kind != "arabic" or TANWEEN.intersection(tokens[i].text)
                for i in span
            ):
                continue
            if any(
                tokens[i].prefix[:1] in OUTSIDE_PROCLITICS and not has_article(tokens[i]) for i in span[1:]
            ):
                continue
            key = name_key(" ".join(context.keys[i] for i in span))
            if len(key.replace(" ", "").removeprefix(ARTICLE)) < MIN_BACKOFF_LETTERS:
                continue
            places = [r for r in registry.by_key(key) if r.type in PLACE_TYPES]
            if cue != "head":
                if last == index + 1 and context.bare[index] in lexicons.given_names:
                    continue
                if _in_construct(context, index, last, in_places):
                    continue
                places = [r for r in places if _large_place(r)]
            if places:
                type_ = "GPE" if any(r.type == "GPE" for r in places) else "LOC"
                found.append(context.mention(index, last, type_, "place-backoff"))
                covered.update(span)
                in_places.update(span)
                break
    return found


def _in_construct(context: Context, first: int, end: int, places: set[int]) -> bool:
    """Whether the words tokens[first:end] are a common noun in construct with what follows:
    before a place (`في رالي تركيا`, the Rally of Turkey, not Raleigh; `في غزة ورام الله`
    is a list) or in an idiom of data/place_cues.tsv (`في مسقط رأسه`, his birthplace)."""
    if end >= context.sentence_end[first]:
        return False
    following = context.tokens[end]
    if end in places and not following.prefix.startswith(("و", "ف")):
        return True
    idiom = (" ".join(context.keys[first:end]), following.stem)
    return idiom in context.lexicons.place_idioms


def headed_place_name(context: Context, mention: Mention, mentions: list[Mention]) -> Mention:
    """A place whose head noun belongs to its name: `قطاع غزة` (the Strip, not the city),
    `مطار بغداد` (the airport, a facility), `نهر دجلة`. The head (data/name_heads.tsv) must
    stand right before the place, in the same sentence, in construct (no article) and
    outside every other mention; the mention takes it in, with the head's type, or GPE
    when the registry knows the whole name as a town (`جسر الشغور`)."""
    before = mention.first - 1
    if mention.type not in (*PLACE_TYPES, "FAC") or before < 0:
        return mention  # the tagger types `أربيل` of `مطار أربيل` FAC at times
    type_ = context.lexicons.name_heads.get(context.bare[before])
    token = context.tokens[before]
    if (
        type_ is None
        or has_article(token)
        or context.sentence_of[before] != context.sentence_of[mention.first]
        or any(m.first <= before < m.last for m in mentions)
    ):
        return mention
    if any(r.type == "GPE" for r in registry_places(context.keys[before : mention.last])):
        type_ = "GPE"  # a town named so: جسر الشغور, جبل لبنان
    headed = context.mention(before, mention.last, type_, mention.source)
    headed.heads = mention.heads
    return headed


def person_words(context: Context, mentions: list[Mention]) -> list[Mention]:
    """People the tagger missed or mistyped whose family name news uses alone: `قال ترامب
    إن`, `ورد ظريف على بومبيو` (بومبيو tagged a place).

    A word of `data/person_words.tsv` (words the entity stage finds inside a person's name
    nearly every time it meets them in news, `marsad train person-words`) is a person
    where the tagger left it untagged, or tagged it alone as a place the registry does not
    know; not when it carries the article, is a given name (`صلاح`, `عادل` are also common
    words; the tagger judges those) or a word of the rules' lists. A kunya or the first
    half of a compound name before it joins it (`عبد ربه`, `أبو مازن`).
    RETURNS (list[Mention]): the mentions, so corrected, and the people found.
    """
    lexicons = context.lexicons
    if not lexicons.person_words:
        return mentions
    from marsad.linking.match import name_key

    registry = resources.registry()
    by_token = {i: m for m in mentions for i in range(m.first, m.last)}
    result = list(mentions)
    for index, token in enumerate(context.tokens):
        key = context.keys[index]
        if (
            token.kind != "arabic"
            or has_article(token)
            or key not in lexicons.person_words
            or key in lexicons.given_names
            or context.bare[index] in lexicons.words
            or _is_stop_word(context, index)
        ):
            continue
        tagged = by_token.get(index)
        if tagged is not None:
            place = tagged.type in PLACE_TYPES and tagged.length == 1 and tagged.source == "model"
            if place and not any(r.type in PLACE_TYPES for r in registry.by_key(name_key(key))):
                result[result.index(tagged)] = context.mention(index, index + 1, "PERSON", "person-word")
            continue
        first = index
        if index - 1 >= context.sentence_start[index] and index - 1 not in by_token:
            before = context.bare[index - 1]
            if before in lexicons.compound | lexicons.kunya and not has_article(context.tokens[index - 1]):
                first = index - 1
        result.append(context.mention(first, index + 1, "PERSON", "person-word"))
    return result


def speaker_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """People named only as the speaker of a verb of saying: `وقال رمضان إن`, `ويرى بالاك
    أن`, `وأعرب موتان عن`.

    One or two untagged words right after a verb of data/speech_verbs.tsv and right
    before what it introduces (`إن`/`أن`, a colon or a quotation mark; `عن` after أعرب)
    are a person when each is a known given name or a rare word (MAX_NAME_WORD_FREQUENCY,
    as `_rare_name_word` tests), without clitics or article: common nouns in that place
    (`قال مسؤول إن`, `قال شهود إن`, `قال المتحدث إن`) are frequent or definite. A name
    the tagger typed MISC in that place is a person too (`أجاب بيرنز "...`); a place or
    an organisation speaks for its government (`قالت واشنطن إن`) and keeps its type.
    RETURNS (list[Mention]): the mentions, so corrected, and the people found.
    """
    lexicons, tokens = context.lexicons, context.tokens
    covered = {i for m in mentions for i in range(m.first, m.last)}
    starting = {m.first: m for m in mentions}
    result = list(mentions)
    for index, token in enumerate(tokens):
        follows = lexicons.speech_verbs.get(context.bare[index])
        if follows is None or token.kind != "arabic" or token.suffix:
            continue
        tagged = starting.get(index + 1)
        if tagged is not None:
            misc = tagged.type == "MISC" and tagged.length <= 2
            if misc and _speech_follows(context, tagged.last, follows):
                person = context.mention(tagged.first, tagged.last, "PERSON", "speaker")
                result[result.index(tagged)] = person
            continue
        end = min(context.sentence_end[index], index + 3)
        last = index + 1
        while last < end and _speaker_word(context, last, covered):
            last += 1
        within = index + 1 < last < context.sentence_end[index]
        if within and _speech_follows(context, last, follows):
            result.append(context.mention(index + 1, last, "PERSON", "speaker"))
            covered.update(range(index + 1, last))
    return result


def weapon_names(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Model names of weapons and vehicles: `دبابة ميركافا`, `قذيفة آر بي جي`, `طائرات
    سوخوي` (MISC).

    Right after a head of data/weapon_heads.tsv, a mention the tagger typed otherwise is
    MISC when it is an indefinite name that is no organisation (no organisation head, no
    alias) and no place the registry knows (`صواريخ حزب الله`, `صواريخ كوبا` keep their
    types); where the tagger found nothing, up to three words that are Latin, letters'
    names or numbers (`قذيفة آر بي جي`, `مقاتلات إف 16`) are one.
    RETURNS (list[Mention]): the mentions, so corrected, and the names found.
    """
    lexicons, tokens = context.lexicons, context.tokens
    starting = {m.first: m for m in mentions}
    covered = {i for m in mentions for i in range(m.first, m.last)}
    result = list(mentions)
    for index in range(len(tokens) - 1):
        name = index + 1
        if context.bare[index] not in lexicons.weapon_heads or has_article(tokens[index]):
            continue
        if name >= context.sentence_end[index] or has_article(tokens[name]):
            continue
        tagged = starting.get(name)
        if tagged is not None:
            place = bool(registry_places(tagged.key))
            organisation = context.bare[name] in lexicons.org_heads or tagged.key in lexicons.alias_keys
            person = any(key in lexicons.person_words for key in tagged.key)  # طائرة بومبيو
            if tagged.type not in ("MISC", "PERSON") and not (place or organisation or person):
                result[result.index(tagged)] = context.mention(tagged.first, tagged.last, "MISC", "weapon")
            continue
        last = name
        end = min(context.sentence_end[index], name + 3)
        while last < end and last not in covered and _model_word(context, last):
            last += 1
        hyphen = last + 1 < context.sentence_end[index] and tokens[last].text == "-"
        if (
            last > name
            and hyphen
            and tokens[last + 1].kind == "number"
            and tokens[last].end == tokens[last + 1].start
        ):
            last += 2  # إف-35, RS-28
        if any(tokens[i].kind != "number" for i in range(name, last)):
            result.append(context.mention(name, last, "MISC", "weapon"))
    return result


def sports_clubs(context: Context, mentions: list[Mention]) -> list[Mention]:
    """Clubs in sports reports: named after their city (`فاز على هامبورغ الألماني 1 -
    صفر`) or by a common word (`تعادل السد مع الوكرة`), as ORG.

    A sentence is a sports report when it has a word of data/sports.tsv (kind cue) or a
    score. There, a place followed by a country's masculine adjective is a club: a town
    takes the feminine (`مدينة هامبورغ الألمانية`), a club the masculine. The place is a
    place mention or an untagged town of the registry; when the registry knows it, in
    that country (`ليل الفرنسي`), and not in construct after a head noun (`مطار عمان
    الأردني`). A club of data/sports.tsv's list (`النصر`, `السد`) is one before such an
    adjective, and, unless only then (kind club-with-country: `الأهلي`), after a word of
    a team's position (`لاعب العربي`, `أمام الوكرة`) or beside another club (`السد
    والريان`, `العربي مع الوكرة`). An organisation found with such an adjective loses it
    (`سيلتك الاسكتلندي`), unless it starts with a head noun (`الاتحاد الكويتي`, the
    federation, is named by its country).
    RETURNS (list[Mention]): the mentions, so corrected, and the clubs found.
    """
    tokens = context.tokens
    covered = {i: m for m in mentions for i in range(m.first, m.last)}
    result = list(mentions)
    sports: dict[int, bool] = {}

    def in_sports(index: int) -> bool:
        sentence = context.sentence_of[index]
        if sentence not in sports:
            sports[sentence] = _sports_sentence(context, context.sentence_start[index])
        return sports[sentence]

    for index in range(1, len(tokens)):
        country = _nationality_country(context, index)
        before = index - 1
        if country is None or context.sentence_of[before] != context.sentence_of[index]:
            continue
        if not in_sports(index):
            continue
        named = _club_name_ending(context, index)
        if named is not None:
            _put_club(context, result, named, index, adjective=True)
            continue
        tagged = covered.get(before)
        if tagged is None:
            word = tokens[before].kind == "arabic" and not _is_stop_word(context, before)
            if word and _club_city(context, before, index, country, known=False):
                result.append(_club(context, before, index, covered, result))
            continue
        if tagged.last == index + 1 and tagged.length > 1:  # the adjective tagged inside
            if tagged.type == "ORG":
                # A name, not a common noun it qualifies: `سيلتك الاسكتلندي`, not `النادي
                # المكناسي المغربي` or `معهد الفيلم الأمريكي`.
                head = context.bare[tagged.first]
                named_by_country = head in context.lexicons.org_heads or head in context.lexicons.body_heads
                definite = any(has_article(t) for t in tokens[tagged.first : index])
                if not named_by_country and not definite:
                    result[result.index(tagged)] = context.mention(tagged.first, index, "ORG", tagged.source)
            elif _club_city(context, tagged.first, index, country, known=False):
                # `وفالنسيا الإسباني` tagged a person: only a town of that country is cut,
                # as a country's nisba is also a family name (`طاهر المصري`).
                result[result.index(tagged)] = context.mention(tagged.first, index, "ORG", "club")
        elif (
            tagged.last == index
            and tagged.type in PLACE_TYPES
            and _club_city(context, tagged.first, index, country, known=True)
        ):
            result[result.index(tagged)] = _club(context, tagged.first, index, covered, result)
    for index in range(2, len(tokens) - 2):
        if tokens[index].text == "(" and tokens[index + 2].text == ")" and in_sports(index):
            _club_by_country_in_brackets(context, result, index)
    for _ in range(MAX_CLUB_PASSES):  # a list of clubs is read a club at a time
        if not _clubs_in_place(context, result, in_sports):
            break
    return result


def _club_by_country_in_brackets(context: Context, mentions: list[Mention], bracket: int) -> None:
    """A results table's team: a place before its country in brackets (`كوبنهاغن (
    الدنمارك ) 1 - صفر`) is a club of that country."""
    country = [r for r in registry_places([context.keys[bracket + 1]]) if r.kind == "country"]
    if not country or context.sentence_of[bracket - 1] != context.sentence_of[bracket]:
        return
    covered = {i: m for m in mentions for i in range(m.first, m.last)}
    before = bracket - 1
    tagged = covered.get(before)
    if tagged is not None:
        if tagged.last == bracket and tagged.type in PLACE_TYPES:
            known = _club_city(context, tagged.first, bracket, country[0].country, known=True)
            if known:
                mentions[mentions.index(tagged)] = _club(context, tagged.first, bracket, covered, mentions)
        return
    word = context.tokens[before].kind == "arabic" and not _is_stop_word(context, before)
    if word and _club_city(context, before, bracket, country[0].country, known=False):
        mentions.append(_club(context, before, bracket, covered, mentions))


def _club_name_ending(context: Context, end: int) -> int | None:
    """Where a club of data/sports.tsv's list that ends at tokens[end] starts, or None."""
    names = context.lexicons.club_names
    start = context.sentence_start[end - 1]
    for first in range(max(start, end - 2), end):
        if tuple(context.keys[first:end]) in names:
            return first
    return None


def _put_club(
    context: Context, mentions: list[Mention], first: int, end: int, *, adjective: bool = False
) -> bool:
    """Makes tokens[first:end] a club in `mentions`, replacing what the tagger found inside
    it (or over it and its `adjective` after it); False, changing nothing, when a mention
    there starts before it or runs on further."""
    limit = end + 1 if adjective else end
    overlapping = [m for m in mentions if m.first < limit and first < m.last]
    if any(m.first < first or m.last > limit for m in overlapping):
        return False
    if any(m.first == first and m.last == end and m.type == "ORG" for m in overlapping):
        return False
    for mention in overlapping:
        mentions.remove(mention)
    mentions.append(context.mention(first, end, "ORG", "club"))
    return True


def _clubs_in_place(context: Context, mentions: list[Mention], in_sports: Callable[[int], bool]) -> bool:
    """Adds the clubs of the list (kind club) read after a team's position word or beside
    another club (see sports_clubs); True when one was added."""
    names = context.lexicons.club_names
    clubs = {(m.first, m.last) for m in mentions if m.type == "ORG"}
    club_ends = {last for _, last in clubs}
    club_starts = {first for first, _ in clubs}
    tokens = context.tokens
    added = False
    for first in range(len(tokens)):
        for length in (2, 1):
            end = first + length
            alone = names.get(tuple(context.keys[first:end]))
            if not alone or end > context.sentence_end[first] or (first, end) in clubs:
                continue
            if not in_sports(first):
                break
            previous = first - 1
            start = context.sentence_start[first]
            position = (
                previous >= start
                and not has_article(tokens[previous])
                and context.bare[previous] in context.lexicons.team_positions
            )
            joined = tokens[first].prefix.startswith("و") and first in club_ends
            with_before = previous > start and tokens[previous].norm == "مع" and previous in club_ends
            with_after = end < context.sentence_end[first] and (
                (tokens[end].prefix.startswith("و") and end in club_starts)
                or (tokens[end].norm == "مع" and end + 1 in club_starts)
            )
            if (position or joined or with_before or with_after) and _put_club(context, mentions, first, end):
                added = True
            break
    return added


def _club(
    context: Context, first: int, end: int, covered: Mapping[int, Mention], mentions: list[Mention]
) -> Mention:
    """The club named by its city at tokens[first:end], with the word that opens its name
    before the city (`ريال مدريد`, `سبورتينغ لشبونة`) if there is one; a mention of that
    word alone is removed from `mentions`."""
    opening = covered.get(first - 1)
    if opening is not None and opening.last == first and _club_opening(context, opening):
        mentions.remove(opening)  # `سبورتينغ` tagged alone, then its city
        first = opening.first
    elif _club_prefix(context, first - 1, covered):
        first -= 1
    opening = _unsplit(context.tokens[first]) if _is_club_prefix(context, first) else None
    return context.mention(first, end, "ORG", "club", opening=opening)  # بروسيا, not ب + روسيا


def _nationality_country(context: Context, index: int) -> str | None:
    """The country (ISO code) of a definite masculine nationality adjective of the place
    registry at tokens[index] (`الألماني`: DE), else None."""
    from marsad.linking.match import loose_key

    token = context.tokens[index]
    if token.kind != "arabic" or token.prefix != ARTICLE or not token.stem.endswith("ي"):
        return None
    key = loose_key(context.bare[index])
    return None if key in COMMON_WORD_DEMONYMS else resources.registry().demonyms.get(key)


def _sports_sentence(context: Context, start: int) -> bool:
    """Whether the sentence starting at tokens[start] reports sport: a word of
    data/sports.tsv or a score (`2 - 1`)."""
    end = context.sentence_end[start]
    tokens = context.tokens
    for index in range(start, end):
        if context.bare[index] in context.lexicons.sports_cues:
            return True
        score = tokens[index].text in ("-", "/") and start < index < end - 1
        if score and _score_number(tokens[index - 1]) and _score_number(tokens[index + 1]):
            return True
    return False


def _club_prefix(context: Context, index: int, covered: Mapping[int, Mention]) -> bool:
    """Whether tokens[index], right before a club's city, opens the club's name: a word of
    data/sports.tsv, kind prefix (`ريال مدريد`, `بروسيا دورتموند`), or an untagged rare
    word without clitics (`سبورتينغ لشبونة`, `فيسيل كوبي`)."""
    if index < context.sentence_start[index + 1] or index in covered:
        return False
    token = context.tokens[index]
    if _is_club_prefix(context, index):
        return True
    return (
        token.kind == "arabic"
        and not token.prefix
        and not token.suffix
        and context.bare[index] not in context.lexicons.words
        and not _is_stop_word(context, index)
        and resources.word_frequencies().get(context.keys[index], 0) <= MAX_NAME_WORD_FREQUENCY
    )


def _club_opening(context: Context, mention: Mention) -> bool:
    """Whether a mention right before a club's city opens the club's name: one the tagger
    typed ORG (`سبورتينغ`), a word of data/sports.tsv, kind prefix (`بروسيا`, a GPE), or
    a rare word that is no place the registry knows (`سسكا`, a GPE)."""
    if mention.length == 1:
        frequency = resources.word_frequencies().get(context.keys[mention.first], 0)
        rare = frequency <= MAX_NAME_WORD_FREQUENCY and not registry_places(mention.key)
        if rare or _is_club_prefix(context, mention.first):
            return True
    return mention.length <= 2 and mention.type == "ORG"


def _is_club_prefix(context: Context, index: int) -> bool:
    # The whole word too: the clitic analysis reads بروسيا as ب + روسيا.
    prefixes = context.lexicons.club_prefixes
    return context.tokens[index].norm in prefixes or context.bare[index] in prefixes


def _score_number(token: Token) -> bool:
    return token.kind == "number" or token.norm == "صفر"  # 1 - صفر


def _club_city(context: Context, first: int, end: int, country: str, *, known: bool) -> bool:
    """Whether tokens[first:end] may be a club named after its city: not after a head
    noun in construct, and a town of `country` in the registry (a name the tagger found
    as a place may be one the registry lacks: `بيهورا`). Never a body's head noun
    (`الاتحاد الإنجليزي`, the FA) nor a definite word after a definite one, its
    adjective (`المسافات الطويلة الإنجليزي`)."""
    lexicons, tokens = context.lexicons, context.tokens
    if context.bare[first] in lexicons.org_heads or context.bare[first] in lexicons.body_heads:
        return False
    if first > context.sentence_start[first]:
        previous = context.bare[first - 1]
        heads = (lexicons.place_heads, lexicons.name_heads, lexicons.org_heads, lexicons.body_heads)
        if has_article(tokens[first - 1]):
            if has_article(tokens[first]):
                return False
        elif any(previous in h for h in heads):
            return False
    places = registry_places(context.keys[first:end])
    if not places:
        return known
    return any(r.country == country for r in places)


def _model_word(context: Context, index: int) -> bool:
    """A word of a weapon's model name the tagger missed: Latin (`M55`), a number after a
    letter (`إف 16`), or a Latin letter's name (`آر بي جي`; data/weapon_heads.tsv). Rare Arabic
    words were tried and dropped: after these heads, in ANT news, they were verbs and
    adjectives as often (`طائرة متجهة`, `صواريخ حارقة`)."""
    token = context.tokens[index]
    return token.kind in ("latin", "number") or token.norm in context.lexicons.letter_names


def event_name(context: Context, mention: Mention, mentions: list[Mention]) -> Mention:
    """An event's name runs on over its year or its purpose: `كأس العالم 2018`, `بطولة
    العالم للمصارعة`. A MISC mention that starts with a head of data/event_heads.tsv takes
    in a year (a number from 1900 to 2099) right after it, or a noun with ل or لل and a
    nisba adjective after that if one follows (`للألعاب المائية`; not `اليوم`), when no
    other mention stands there. An indefinite noun with ل is in construct, so the definite
    noun after it is the name's too (`بطولة العالم لسباقات الهجن`), also where the
    tagger stopped before it."""
    tokens = context.tokens
    end = context.sentence_end[mention.first]
    last = mention.last
    if (
        mention.type != "MISC"
        or context.bare[mention.first] not in context.lexicons.event_heads
        or last >= end
    ):
        return mention
    if any(m is not mention and m.first <= last < m.last for m in mentions):
        return mention
    following = tokens[last]
    year = following.kind == "number" and following.text.isdigit() and 1900 <= int(following.text) <= 2099
    if year or _genitive_follows(context, last - 1):
        last += 1
    elif following.kind == "arabic" and following.prefix in ("لل", "ل") and not following.suffix:
        last += 1
        if _genitive_follows(context, last - 1):
            last += 1  # بطولة العالم لكرة القدم
        elif last < end and context.is_nisba(last):
            last += 1  # بطولة العالم للألعاب المائية
    else:
        return mention
    whole = context.mention(mention.first, last, "MISC", mention.source)
    whole.heads = mention.heads
    return whole


def _genitive_follows(context: Context, index: int) -> bool:
    """Whether tokens[index] is an indefinite noun with ل (`لكرة`) and the next token the
    definite noun it is in construct with (`القدم`)."""
    tokens = context.tokens
    following = index + 1
    return (
        tokens[index].kind == "arabic"
        and tokens[index].prefix == "ل"
        and not tokens[index].suffix
        and following < context.sentence_end[index]
        and tokens[following].kind == "arabic"
        and tokens[following].prefix == ARTICLE
    )


def hashtag_name(context: Context, mention: Mention, mentions: list[Mention]) -> Mention:
    """A hashtag is one name: `#رودريغو_دوتيرتي`, `#كوريا_الجنوبية`, of which the tagger
    often finds only the first word.

    A mention that starts at a hashtag's first word and ends inside it takes in the rest
    when the whole hashtag is a place the registry knows (for a place), or when each word
    left is a name's word (for a person: a known name, a word of data/person_words.tsv,
    or one `_speaker_word` accepts); a hashtag that goes on with a verb or a common noun
    (`#اليمن_ينتصر`) stays as the tagger found it. A person followed by a hashtag of name
    words takes it in too (`الرئيس الأميركي دونالد #ترمب`: web copy tags the surname).
    """
    covered = {i for m in mentions if m is not mention for i in range(m.first, m.last)}
    following = _hashtag_words(context, mention.last + 1) if mention.last + 1 < len(context.tokens) else []
    if (
        mention.type == "PERSON"
        and mention.length <= 2  # a given name and perhaps a father's; not `كيم يونغ أون #أعدم`
        and following
        and not covered.intersection(following)
        and all(_hashtag_surname_word(context, i, covered) for i in following)
    ):
        whole = context.mention(mention.first, following[-1] + 1, "PERSON", mention.source)
        whole.heads = mention.heads
        return whole
    words = _hashtag_words(context, mention.first)
    if not words or mention.last > words[-1] or mention.last - 1 == words[-1]:
        return mention
    rest = [i for i in words if i >= mention.last]
    if covered.intersection(rest):
        return mention
    type_ = mention.type
    if mention.type in PLACE_TYPES:
        places = registry_places([context.keys[i] for i in words])
        if not places:
            return mention
        type_ = "GPE" if any(r.type == "GPE" for r in places) else "LOC"
    elif mention.type != "PERSON" or not all(_hashtag_name_word(context, i, covered) for i in rest):
        return mention
    whole = context.mention(words[0], words[-1] + 1, type_, mention.source)
    whole.heads = mention.heads
    return whole


def _hashtag_words(context: Context, first: int) -> list[int]:
    """The word indices of the hashtag whose first word is tokens[first] (`#` right before
    it, words joined by `_` without spaces), or [] when it starts no hashtag."""
    tokens = context.tokens
    if first == 0 or tokens[first - 1].text != "#" or tokens[first - 1].end != tokens[first].start:
        return []
    words = [first]
    index = first + 1
    while (
        index + 1 < len(tokens)
        and tokens[index].text == "_"
        and tokens[index - 1].end == tokens[index].start == tokens[index + 1].start - 1
        and tokens[index + 1].kind == "arabic"
        and len(words) < MAX_HASHTAG_WORDS
    ):
        words.append(index + 1)
        index += 2
    return words


def _hashtag_name_word(context: Context, index: int, covered: set[int]) -> bool:
    key = context.keys[index]
    lexicons = context.lexicons
    return (
        key in lexicons.known_names or key in lexicons.person_words or _speaker_word(context, index, covered)
    )


def _hashtag_surname_word(context: Context, index: int, covered: set[int]) -> bool:
    """A hashtag's word after a person's given name (`دونالد #ترمب`): a name's word, or any
    word without clitics that news almost never writes with the article (MAX_DEFINITE_SHARE;
    `ترمب` looks like a verb to `_speaker_word`, but here follows a given name)."""
    if _hashtag_name_word(context, index, covered):
        return True
    token, key = context.tokens[index], context.keys[index]
    frequencies = resources.word_frequencies()
    return (
        token.kind == "arabic"
        and not token.prefix
        and not token.suffix
        and not _is_stop_word(context, index)
        and frequencies.get(ARTICLE + key, 0) <= MAX_DEFINITE_SHARE * frequencies.get(key, 0)
    )


def _speaker_word(context: Context, index: int, covered: set[int]) -> bool:
    """A word that may name the speaker (see speaker_names): a rare word, a given name less
    frequent in news than MAX_BACKOFF_FREQUENCY (`رمضان`, not `آخر` or `بيان`, which the
    noisy name table holds too), or a word news almost never writes with the article
    (MAX_DEFINITE_SHARE: `دوتيرتي`, `ترمب`; not `مسؤول`, `شاهد`, nor a place, a word
    ending in alif, mostly adverbs, `مؤخرا`, or one starting as a verb does, `يجب`).
    Never: fewer than MIN_STRIPPED_WORD letters (`قال لي إن`), a pronoun (`تفاصيلها`),
    the complementiser itself (`قال إنه`, `إني`), a word news puts there and that names
    no one (`شاهد`, `ناشط`, `أيضا`), or a plural or dual ending unless a given name has it
    (`سياسيون`, `مسؤولان`, `موظفو`, `مساعدوه`)."""
    token = context.tokens[index]
    key = context.keys[index]
    lexicons = context.lexicons
    if (
        token.kind != "arabic"
        or token.suffix
        or TANWEEN.intersection(token.text)
        or len(key) < MIN_STRIPPED_WORD
        or key in COMPLEMENTISERS
        or key in lexicons.speaker_nouns
        or _is_stop_word(context, index)
        or (key.endswith(PLURAL_ENDINGS) and key not in lexicons.known_names)
    ):
        return False
    if _rare_name_word(context, index, MAX_NAME_WORD_FREQUENCY, covered):
        return True
    if token.prefix or index in covered or context.bare[index] in lexicons.words:
        return False
    frequencies = resources.word_frequencies()
    seen = frequencies.get(key, 0)
    if key in lexicons.given_names and seen <= MAX_BACKOFF_FREQUENCY:
        return True
    # A frequent word that news never writes with the article is a proper name
    # (دوتيرتي, ترمب), unless it is a place, an adverb or a verb.
    return (
        frequencies.get(ARTICLE + key, 0) <= MAX_DEFINITE_SHARE * seen
        and not key.endswith("ا")  # adverbs: مؤخرا, لاحقا
        and not key.startswith(IMPERFECT_PREFIXES)  # verbs: يجب, نأمل
        and not registry_places([key])
    )


def _speech_follows(context: Context, index: int, follows: str) -> bool:
    """Whether tokens[index] opens what a verb of saying introduces (see speaker_names)."""
    if index >= len(context.tokens) or index >= context.sentence_end[index - 1]:
        return False  # the sentence ends with the speaker: nothing is said
    token = context.tokens[index]
    if follows == "about":
        return token.norm == "عن"
    if token.kind == "punct":
        if token.text == ":":
            return True
        # A few words in quotation marks are a name (قالت جريدة "ديلي ميل"), not speech,
        # unless they open with a particle (أجاب بيرنز "لن يخيفنا أحد").
        name = _marked_name_end(context, index) is not None and not _is_stop_word(context, index + 1)
        return token.text in SPEECH_MARKS and not name
    return token.norm.removesuffix(token.suffix) == "ان" and not token.prefix


def registry_places(words: Sequence[str]) -> list[Record]:
    """The places (GPE, LOC) of the shipped registry named by these matching keys."""
    from marsad.linking.match import name_key

    return [r for r in resources.registry().by_key(name_key(" ".join(words))) if r.type in PLACE_TYPES]


def _notable_place(record: Record) -> bool:
    """A country, a province, a capital or a town of MIN_BACKOFF_POPULATION."""
    return (
        record.kind in BROAD_PLACE_KINDS
        or record.population >= MIN_BACKOFF_POPULATION
        or record.id in _capitals()
    )


def _large_place(record: Record) -> bool:
    """A place a preposition alone may introduce: a country or a capital; in the Arab world
    any notable place; elsewhere only a very large one (MIN_FAR_BACKOFF_POPULATION)."""
    from marsad.linking.registry import ARAB_LEAGUE

    if record.kind == "country" or record.id in _capitals():
        return True
    if record.country in ARAB_LEAGUE:
        return _notable_place(record)
    return record.population >= MIN_FAR_BACKOFF_POPULATION


def _place_cue(context: Context, index: int, places: set[int] | frozenset[int] = frozenset()) -> str | None:
    """What says that tokens[index] starts a place name: "head" (a head noun before it,
    also with the article and an adjective between when the name is a rare word:
    `العاصمة الأيرلندية دبلن`), "prep" or None.

    places: the tokens already inside place mentions; a name joined by و right after
    one continues a list of places (`كركوك وديالى`) and counts as "prep".
    """
    tokens, lexicons = context.tokens, context.lexicons
    token = tokens[index]
    start = context.sentence_start[index]
    if "ب" in token.prefix.removesuffix(ARTICLE).removesuffix(ARTICLE[1:]):
        return "prep"  # بالمنامة, وبغداد
    if index == start:
        following = index + 1
        if following < len(tokens) and tokens[following].norm in DATELINE_MARKS:
            return "prep"
        return None
    previous = tokens[index - 1]
    bare = context.bare[index - 1]
    if token.prefix.startswith("و") and index - 1 in places:
        return "prep"
    if (bare in lexicons.place_heads and not has_article(previous)) or lexicons.place_cues.get(
        bare
    ) == "head":
        return "head"
    if index - 2 >= start and context.is_nisba(index - 1) and has_article(tokens[index - 2]):
        # `العاصمة الأيرلندية دبلن`: a head, its adjective, the name in apposition, which
        # is then a rare word (not `العاصمة الإيطالية رحلة سياحية`).
        head = context.bare[index - 2]
        rare = resources.word_frequencies().get(context.keys[index], 0) <= MAX_PREP_BACKOFF_FREQUENCY
        if rare and (head in lexicons.place_heads or lexicons.place_cues.get(head) == "head"):
            return "head"
    if lexicons.place_cues.get(bare) == "prep" and not previous.suffix:
        return "prep"
    return None
