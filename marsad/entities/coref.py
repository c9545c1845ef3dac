"""In-document coreference: every mention of one real thing becomes one entity.

The links, in the order they are made (each step sees the clusters of the one before):

1. the same name (same matching key) is the same entity;
2. forms of one line of `data/aliases.tsv` are one entity (`داعش`, `الدولة الإسلامية في
   العراق والشام`, `تنظيم الدولة`);
3. part of a person's name (`البارزاني`, `مسعود`) is that person, wherever it stands in the
   article, the headline included; when two people of the article share the part (two
   Barzanis), it goes to the one named nearest before it, and the two people are never
   merged with each other. A foreign name may be spelt two ways in one article, as
   Arabic writes Latin letters more than one way (`فينغر` and `فينجر`, `ترامب` and `ترمب`):
   its long words are compared by their transliteration key (`transliteration_key`);
4. an organisation's or place's name that begins a longer one of the article, or is it
   without its head noun, is that longer one (`الحشد` of `الحشد الشعبي`, `نينوى` of
   `محافظة نينوى`), when only one longer name fits;
5. further occurrences of a name that the tagger missed become mentions (a person's
   family name when it carries the article, as `الغبان` does, or is a foreign one, as
   `ترامب` of `دونالد ترامب` is, and, when two people
   share it, for the one named last before it), and so does the start
   of a name after the head it was introduced with (`قوات الحشد` after
   `قوات"الحشد الشعبي"`);
6. a role phrase standing alone (`وزير الداخلية العراقي`) is a mention of the one person
   of the article who holds that role;
7. a definite head noun (`الإقليم`, `التنظيم`, `الجيش`) is a mention of the entity of the
   article named with that head (`إقليم كردستان`, `تنظيم(داعش)`, `الجيش الإسرائيلي`), the
   nearest one before it, unless an adjective qualifies it (`قائد الجيش اللبناني`); and
   `العاصمة` is the place the article once calls `العاصمة X`. Without such a statement
   the capital is left to the linking layer, which knows each country's capital.
"""

from __future__ import annotations

import re
from collections import Counter

from marsad.document import Entity, EntityMention
from marsad.entities.mentions import ARTICLE, Mention, is_mark
from marsad.entities.rules import Context, Lexicons, can_end_name

# The type an entity gets when its mentions' types tie, most specific first.
TYPE_PREFERENCE = ("PERSON", "ORG", "GPE", "LOC", "FAC", "MISC", "NORP")
COMPATIBLE_TYPES = ({"GPE", "LOC"}, {"ORG", "MISC"}, {"FAC", "LOC"})
ANAPHOR_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})  # what `الإقليم`, `المحافظة` stand for
# A role must have this many words to be recognised standing alone (not الرئيس).
MIN_ROLE_WORDS = 2
# Arabic spellings of one Latin letter: g as غ, ج, ق or ك (فينغر, فينجر), v as ف or ڤ, p as
# ب or پ; vowels are written long or left out (ترامب, ترمب). A foreign-looking word is
# compared by its key only when both it and its key are this long: in shorter words the
# letters left are too few to tell names apart (ماتا and موتو, غاغا and غوجي).
TRANSLITERATED_LETTERS = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب"})
LONG_VOWELS = re.compile("[اويى]")
MIN_TRANSLITERATED_WORD, MIN_TRANSLITERATION_KEY = 5, 4


class Clusters:
    """Union-find over mentions, each cluster being one entity under construction."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.parent = list(range(len(mentions)))
        self.forced_type: dict[int, str] = {}
        self._groups: dict[int, list[int]] | None = None
        self._types: dict[int, str] = {}

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self._groups = None
            self._types.clear()
            self.parent[max(root_a, root_b)] = min(root_a, root_b)
            forced = self.forced_type.pop(max(root_a, root_b), None)
            if forced and min(root_a, root_b) not in self.forced_type:
                self.forced_type[min(root_a, root_b)] = forced

    def add(self, mention: Mention, root: int) -> None:
        # Added mentions take their cluster's type, so its type stays as it was.
        root = self.find(root)
        self.mentions.append(mention)
        self.parent.append(root)
        if self._groups is not None:
            self._groups[root].append(len(self.mentions) - 1)

    def groups(self) -> dict[int, list[int]]:
        """Each cluster's root and member indices (kept until the clusters change)."""
        if self._groups is None:
            groups: dict[int, list[int]] = {}
            for index in range(len(self.mentions)):
                groups.setdefault(self.find(index), []).append(index)
            self._groups = groups
        return self._groups

    def force_type(self, index: int, type_: str) -> None:
        self.forced_type[self.find(index)] = type_
        self._types.clear()

    def type_of(self, root: int) -> str:
        """The cluster's type: an alias list's, else a person's if it has roles, else a vote."""
        root = self.find(root)
        cached = self._types.get(root)
        if cached is None:
            cached = self._types[root] = self._vote(root)
        return cached

    def _vote(self, root: int) -> str:
        if root in self.forced_type:
            return self.forced_type[root]
        members = [self.mentions[i] for i in self.groups()[root]]
        if any(m.roles or m.source == "kunya" for m in members):
            return "PERSON"
        votes = Counter(m.type for m in members if m.naming)
        return max(votes, key=lambda t: (votes[t], -TYPE_PREFERENCE.index(t)))


def resolve(context: Context, mentions: list[Mention]) -> list[Entity]:
    """Groups mentions into entities, finds further mentions, and builds `Entity` objects.

    context (Context): the document's tokens and the lexicons (see `rules.Context`).
    mentions (list[Mention]): non-overlapping naming mentions from `rules.apply_rules`.
    RETURNS (list[Entity]): ids E1, E2, ... in order of first mention; mentions sorted.
    """
    clusters = Clusters(list(mentions))
    _same_names(clusters)
    _aliases(clusters, context.lexicons)
    _person_parts(clusters, context.lexicons)
    _name_prefixes(clusters, context.lexicons)
    _propagate(clusters, context)
    _shortened_after_heads(clusters, context)
    _role_mentions(clusters, context)
    _anaphors(clusters, context)
    return _entities(clusters, context.text)


def _same_names(clusters: Clusters) -> None:
    first_with: dict[tuple[str, ...], int] = {}
    for index, mention in enumerate(clusters.mentions):
        if mention.key in first_with:
            clusters.union(first_with[mention.key], index)
        else:
            first_with[mention.key] = index


def _aliases(clusters: Clusters, lexicons: Lexicons) -> None:
    for group in lexicons.aliases:
        members = [i for i, m in enumerate(clusters.mentions) if m.key in group.keys]
        for index in members[1:]:
            clusters.union(members[0], index)
        if members:
            clusters.force_type(members[0], group.type)


def _is_part(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether `part` begins or ends `whole` and is shorter."""
    size = len(part)
    return size < len(whole) and (whole[:size] == part or whole[-size:] == part)


def transliteration_key(word: str) -> str:
    """A foreign name's word as Arabic spellings of it agree: one letter for each Latin
    letter's several spellings, long vowels after the first letter left out."""
    word = word.translate(TRANSLITERATED_LETTERS)
    return word[:1] + LONG_VOWELS.sub("", word[1:])


def _spelling(key: tuple[str, ...], lexicons: Lexicons) -> tuple[str, ...]:
    """A person's name key with its long foreign-looking words as transliteration keys."""
    spelt = []
    for word in key:
        loose = transliteration_key(word)
        foreign = len(word) >= MIN_TRANSLITERATED_WORD and _foreign_family_name(word, lexicons)
        spelt.append(loose if foreign and len(loose) >= MIN_TRANSLITERATION_KEY else word)
    return tuple(spelt)


def _person_parts(clusters: Clusters, lexicons: Lexicons) -> None:
    """Links a part of a person's name, or another spelling of it, to the person (step 3
    of the module doc)."""
    never_alone = lexicons.kunya | lexicons.nasab | lexicons.compound
    mentions = clusters.mentions
    people = [i for i, m in enumerate(mentions) if clusters.type_of(i) == "PERSON"]
    spelt = {i: _spelling(mentions[i].key, lexicons) for i in people}
    for index in sorted(people, key=lambda i: len(mentions[i].key)):
        part = mentions[index].key
        if len(part) == 1 and (
            part[0] in lexicons.theophoric or part[0].removeprefix(ARTICLE) in never_alone
        ):
            continue
        holders: dict[int, list[int]] = {}
        for other in people:
            root = clusters.find(other)
            fits = spelt[index] == spelt[other] or _is_part(spelt[index], spelt[other])
            if root != clusters.find(index) and fits:
                holders.setdefault(root, []).append(other)
        holders = {r: m for r, m in holders.items() if _compatible_people(clusters, r, index, spelt)}
        if holders:
            clusters.union(_nearest(clusters, index, holders), index)
    # A one-word mention the tagger typed otherwise that is exactly a person's family name.
    surnames = {
        mentions[i].key[-1]: clusters.find(i)
        for i in people
        if len(mentions[i].key) > 1 and mentions[i].key[-1] not in lexicons.theophoric
    }
    for index, mention in enumerate(mentions):
        word = mention.key[0]
        retype = len(mention.key) == 1 and mention.type != "PERSON" and word.startswith(ARTICLE)
        if retype and word in surnames and clusters.find(index) not in clusters.forced_type:
            mention.type = "PERSON"
            clusters.union(surnames[word], index)


def _compatible_people(clusters: Clusters, root: int, index: int, spelt: dict[int, tuple[str, ...]]) -> bool:
    """Two clusters may merge only if every full name of one fits every full name of the
    other, as spelt (`_spelling`; a mention that is no person's is taken as it is)."""
    groups = clusters.groups()
    names_a = {spelt.get(i, clusters.mentions[i].key) for i in groups[clusters.find(root)]}
    names_b = {spelt.get(i, clusters.mentions[i].key) for i in groups[clusters.find(index)]}
    return all(a == b or _is_part(a, b) or _is_part(b, a) for a in names_a for b in names_b)


def _nearest(clusters: Clusters, index: int, holders: dict[int, list[int]]) -> int:
    """The holder named nearest before the mention, else nearest after it."""
    position = clusters.mentions[index].start

    def distance(root: int) -> tuple[int, int]:
        starts = [clusters.mentions[i].start for i in holders[root]]
        before = [position - s for s in starts if s <= position]
        return (0, min(before)) if before else (1, min(s - position for s in starts))

    return min(holders, key=distance)


def _name_prefixes(clusters: Clusters, lexicons: Lexicons) -> None:
    """Links an organisation's or place's shorter name to the one longer name it is part of."""
    heads = set(lexicons.org_heads) | lexicons.place_heads

    def without_head(key: tuple[str, ...]) -> tuple[str, ...]:
        return key[1:] if len(key) > 1 and key[0].removeprefix(ARTICLE) in heads else key

    # Mentions with one key are one cluster already (step 1): compare distinct names only.
    names: dict[tuple[str, ...], int] = {}
    for index, mention in enumerate(clusters.mentions):
        if clusters.type_of(index) != "PERSON":
            names.setdefault(mention.key, index)
    # Names on different lines of the alias table are different things, though one
    # begins the other: `روسيا` and `روسيا البيضاء` (Belarus).
    alias_line = {key: line for line, group in enumerate(lexicons.aliases) for key in group.keys}
    for short in sorted(names, key=len):
        if short[-1].removeprefix(ARTICLE) in heads:
            continue
        if len(short) == 1 and short[0] in lexicons.theophoric:
            continue  # `الله` alone is God, never `حزب الله` shortened
        index = names[short]
        fits = set()
        for long, other in names.items():
            if len(long) <= len(short) or clusters.find(other) == clusters.find(index):
                continue
            if not _compatible_types(clusters.type_of(index), clusters.type_of(other)):
                continue
            if short in alias_line and long in alias_line and alias_line[short] != alias_line[long]:
                continue
            stripped = without_head(long)
            size = len(short)
            if long[:size] == short or stripped[:size] == short or without_head(short) == stripped:
                fits.add(clusters.find(other))
        if len(fits) == 1:
            clusters.union(fits.pop(), index)


def _compatible_types(first: str, second: str) -> bool:
    return first == second or any({first, second} <= group for group in COMPATIBLE_TYPES)


def _propagate(clusters: Clusters, context: Context) -> None:
    """Adds occurrences of the article's names that the tagger missed (step 5)."""
    lexicons, tokens = context.lexicons, context.tokens
    names: dict[tuple[str, ...], set[int]] = {}
    theophoric = lexicons.theophoric
    # `رامي الحمد` beside `رامي الحمد الله`: only a full name's last word is a family name.
    cluster_keys: dict[int, set[tuple[str, ...]]] = {}
    for index, mention in enumerate(clusters.mentions):
        cluster_keys.setdefault(clusters.find(index), set()).add(mention.key)
    for index, mention in enumerate(list(clusters.mentions)):
        root = clusters.find(index)
        key = mention.key
        person = clusters.type_of(root) == "PERSON"
        if mention.naming and (len(key) > 1 or not person or key[0].startswith(ARTICLE)):
            names.setdefault(key, set()).add(root)
        fuller = any(len(other) > len(key) and other[: len(key)] == key for other in cluster_keys[root])
        if (
            person
            and len(key) > 1
            and not fuller
            and (key[-1].startswith(ARTICLE) or _foreign_family_name(key[-1], lexicons))
            and key[-1] not in theophoric
        ):
            before = key[-2].removeprefix(ARTICLE)
            if before not in lexicons.kunya | lexicons.nasab | lexicons.compound:
                names.setdefault(key[-1:], set()).add(root)
    covered = {i for m in clusters.mentions for i in range(m.first, m.last)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(names, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    index = 0
    while index < len(tokens):
        match = None
        for key in by_first.get(context.keys[index], ()):
            size = len(key)
            span = range(index, index + size)
            if tuple(context.keys[index : index + size]) != key:
                continue
            roots = names.get(key)
            one_sentence = context.sentence_of[index] == context.sentence_of[index + size - 1]
            if not roots or covered.intersection(span) or not one_sentence:
                continue
            root = next(iter(roots)) if len(roots) == 1 else _named_last_before(clusters, roots, index)
            if root is not None and not can_end_name(clusters.type_of(root), tokens[index + size - 1]):
                continue
            if root is not None:
                match = (size, root)
                break
        if match is None:
            index += 1
            continue
        size, root = match
        mention = context.mention(index, index + size, clusters.type_of(root), "propagated")
        clusters.add(mention, root)
        covered.update(range(index, index + size))
        index += size


def _foreign_family_name(word: str, lexicons: Lexicons) -> bool:
    """A last name word without the article that is no given name and no word of the
    rules' lists: a family name as foreign names have them (`دونالد ترامب` -> `ترامب`,
    `سلفا كير` -> `كير`). An Arabic name's last word without the article is most often
    the father's given name (`محمد سالم`), which names nobody alone."""
    return word not in lexicons.given_names and word not in lexicons.words and len(word) >= 3


def _named_last_before(clusters: Clusters, roots: set[int], index: int) -> int | None:
    """Of several people sharing a family name, the one named last before token `index`
    (none when they are all named after it: a headline's bare family name stays unlinked)."""
    best, best_start = None, -1
    groups = clusters.groups()
    for root in sorted(roots):
        if clusters.type_of(root) != "PERSON":
            return None
        starts = [clusters.mentions[i].first for i in groups[root] if clusters.mentions[i].first < index]
        if starts and max(starts) > best_start:
            best, best_start = root, max(starts)
    return best


def _shortened_after_heads(clusters: Clusters, context: Context) -> None:
    """`قوات الحشد` after `قوات"الحشد الشعبي"`: the start of a name, after the head it was
    introduced with, is that name (step 5)."""
    shortened: dict[tuple[str, tuple[str, ...]], set[int]] = {}
    for root, members in clusters.groups().items():
        heads = {h for i in members for h in clusters.mentions[i].heads}
        for i in members:
            key = clusters.mentions[i].key
            for size in range(1, len(key)):
                for head in heads:
                    shortened.setdefault((head, key[:size]), set()).add(root)
    if not shortened:
        return
    covered = {i for m in clusters.mentions for i in range(m.first, m.last)}
    longest = max(len(k) for _, k in shortened)
    for index in range(len(context.tokens) - 1):
        first = index + 1
        if is_mark(context.tokens[first]):
            first += 1
        for size in range(longest, 0, -1):
            span = range(first, first + size)
            if first + size > len(context.tokens) or covered.intersection(span):
                continue
            roots = shortened.get((context.bare[index], tuple(context.keys[i] for i in span)))
            if roots and len(roots) == 1 and context.sentence_of[index] == context.sentence_of[span[-1]]:
                root = next(iter(roots))
                clusters.add(context.mention(first, first + size, clusters.type_of(root), "propagated"), root)
                covered.update(span)
                break


def _role_mentions(clusters: Clusters, context: Context) -> None:
    """A role phrase standing alone is a mention of the person holding it (step 6)."""
    tokens = context.tokens
    holders: dict[tuple[str, ...], set[int]] = {}
    attached: set[int] = set()
    for index, mention in enumerate(clusters.mentions):
        for first, last in mention.role_spans:
            attached.update(range(first, last))
            role = tuple(context.keys[i] for i in range(first, last) if not is_mark(tokens[i]))
            for size in range(MIN_ROLE_WORDS, len(role) + 1):
                holders.setdefault(role[:size], set()).add(clusters.find(index))
    if not holders:
        return
    people = {i for m in clusters.mentions if m.type == "PERSON" for i in range(m.first, m.last)}
    longest = max(len(k) for k in holders)
    blocked = attached | people
    index = 0
    while index < len(tokens):
        found = None
        if index not in attached:
            words = [i for i in range(index, min(len(tokens), index + 2 * longest)) if not is_mark(tokens[i])]
            for size in range(min(len(words), longest), MIN_ROLE_WORDS - 1, -1):
                span = words[:size]
                roots = holders.get(tuple(context.keys[i] for i in span))
                if roots is None:
                    continue
                alone = blocked.isdisjoint(range(span[0], span[-1] + 1))
                # `رئيس الوزراء الإسرائيلي` is not the `رئيس الوزراء الأردني` of the article.
                after = span[-1] + 1
                qualified = after < len(tokens) and context.is_nisba(after) and after not in blocked
                if (
                    len(roots) == 1
                    and alone
                    and not qualified
                    and context.sentence_of[span[0]] == context.sentence_of[span[-1]]
                ):
                    found = (span, next(iter(roots)))
                break
        if found is None:
            index += 1
            continue
        span, root = found
        mention = context.mention(span[0], span[-1] + 1, "PERSON", "role")
        mention.naming = False
        clusters.add(mention, root)
        index = span[-1] + 1


def _anaphors(clusters: Clusters, context: Context) -> None:
    """`الإقليم`, `التنظيم`, `العاصمة` for the entity the article means by them (step 7)."""
    tokens, lexicons = context.tokens, context.lexicons
    covered = {i for m in clusters.mentions for i in range(m.first, m.last)}
    starts = {m.first: i for i, m in enumerate(clusters.mentions)}
    # العاصمة X: the article says which place the capital is.
    capitals: dict[str, set[int]] = {}
    for index, key in enumerate(context.keys):
        kind = lexicons.anaphors.get(key, ("", ""))[0]
        following = starts.get(index + 1)
        if kind == "apposition" and following is not None:
            root = clusters.find(following)
            if clusters.type_of(root) in ("GPE", "LOC"):
                capitals.setdefault(key, set()).add(root)
    groups = clusters.groups()
    for index, token in enumerate(tokens):
        entry = lexicons.anaphors.get(context.keys[index])
        if entry is None or index in covered or not token.prefix.endswith(ARTICLE):
            continue
        kind, head = entry
        if index + 1 < len(tokens) and context.is_nisba(index + 1):
            continue  # `قائد الجيش اللبناني` is not the article's `الجيش الإسرائيلي`
        if kind == "apposition":
            if index + 1 in starts or len(capitals.get(context.keys[index], ())) != 1:
                continue
            root = next(iter(capitals[context.keys[index]]))
        else:
            # A place head stands for a place, any other for a body: `الجيش` after `جيش
            # جنوب السودان` is the army, not the country its head came before.
            types = ANAPHOR_PLACE_TYPES if head in lexicons.place_heads else {"ORG"}
            candidates = {
                r: members
                for r, members in groups.items()
                if clusters.type_of(r) in types
                and any(_introduced_with(clusters.mentions[i], head) for i in members)
            }
            if not candidates:
                continue
            before = {
                r: [i for i in m if clusters.mentions[i].start < token.start] for r, m in candidates.items()
            }
            before = {r: m for r, m in before.items() if m}
            if not before:
                continue
            root = max(before, key=lambda r: max(clusters.mentions[i].start for i in before[r]))
        mention = context.mention(index, index + 1, clusters.type_of(root), "anaphor")
        mention.naming = False
        clusters.add(mention, root)


def _introduced_with(mention: Mention, head: str) -> bool:
    """Whether the mention's name starts with the head, with or without the article
    (`إقليم كردستان`, `الجيش الإسرائيلي`), or the head introduced it (`تنظيم(داعش)`)."""
    return mention.key[0].removeprefix(ARTICLE) == head or head in mention.heads


def _entities(clusters: Clusters, text: str) -> list[Entity]:
    entities: list[tuple[int, Entity]] = []
    for root, members in clusters.groups().items():
        mentions = [clusters.mentions[i] for i in members]
        spans = sorted({(m.start, m.end) for m in mentions})
        named = {(m.start, m.end) for m in mentions if m.naming and not m.description}
        naming = [m for m in mentions if m.naming] or mentions
        best = max(naming, key=lambda m: (len(m.key), len(m.name), -m.start))
        roles: list[str] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            for role in mention.roles:
                if role not in roles:
                    roles.append(role)
        roles = [r for r in roles if not any(o != r and o.startswith(r + " ") for o in roles)]
        entity = Entity(
            id="",
            type=clusters.type_of(root),
            name=best.name,
            mentions=[EntityMention(s, e, text[s:e], (s, e) in named) for s, e in spans],
            roles=roles,
        )
        entities.append((spans[0][0], entity))
    entities.sort(key=lambda item: item[0])
    result = []
    for number, (_, entity) in enumerate(entities, 1):
        entity.id = f"E{number}"
        result.append(entity)
    return result
