"""Arabic-aware query processing: the terms both the index and the queries are made of.

Arabic attaches conjunctions, prepositions and the article to the word (والبارزاني),
and marks plural and feminine with suffixes (المفاوضات, مفاوضة). Full-text engines
split on spaces, so the corpus does not index surface words: it indexes a search term
per word, made the same way for documents and for queries:

1. matching normalisation (alef variants, ya/alef maqsura, ta marbuta, diacritics);
2. proclitics removed as the text layer's clitic analysis decided (و ف ب ل ك س and ال);
3. a light, rule-based suffix stemmer: one enclitic pronoun, then one plural/dual/feminine
   ending, only while at least `MIN_STEM` letters remain.

The clitic analysis's own enclitic split is not used, since it depends on corpus
frequencies (بارزاني splits as بارزا + ني while البارزاني does not); step 3 does not,
so a word and its prefixed forms always end with the same term. Snippets are cut from the
original text around the words whose terms match, so highlights show what was written.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from marsad import resources
from marsad.document import Token
from marsad.errors import MarsadError
from marsad.text import normalize, tokenize

INDEXED_KINDS = frozenset(("arabic", "latin", "number"))
# Enclitic pronouns, longest first; one is stripped when MIN_STEM letters remain.
ENCLITICS = ("كما", "هما", "هم", "هن", "كم", "كن", "ها", "نا", "ه")
# Plural, dual and feminine endings, each with the shortest word it is stripped from, so
# that لبنان, عمان and قوات stay whole while مفاوضات and مسؤولين lose their endings.
ENDINGS = (("ات", 5), ("ون", 7), ("ين", 7), ("ان", 7), ("ه", 4))
MIN_STEM = 3
MIN_UNSEEN_STEM = 4
SNIPPET_WORDS = 32
# A word: letters and digits with any marks and tatweel inside it.
_WORD = re.compile(r"[^\W_][\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*")


def stem(token: Token) -> str:
    """The search term of one token (see the module docstring)."""
    if token.kind != "arabic":
        return token.norm.lower()
    return _arabic_stem(token.norm, token.prefix)


@functools.lru_cache(maxsize=500_000)
def _arabic_stem(norm: str, prefix: str) -> str:
    """Cached: news vocabulary repeats, so most words are stemmed once per process."""
    word = norm[len(prefix) :] if prefix else norm
    if len(word) < MIN_STEM:
        return norm
    for enclitic in ENCLITICS:
        if word.endswith(enclitic) and len(word) - len(enclitic) >= MIN_STEM:
            word = word[: -len(enclitic)]
            if word.endswith("ت"):
                word = _restore_ta_marbuta(word)
            break
    for ending, shortest_word in ENDINGS:
        if word.endswith(ending) and len(word) >= shortest_word and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)]
            break
    return word


def _restore_ta_marbuta(word: str) -> str:
    """حكومته is حكومة + ه: a ta marbuta is written ت before a pronoun; صوته keeps its ت.

    Which one it is is read from the text layer's word frequencies, which depend only on
    the word, so a form always gets the same term in documents and in queries.
    """
    frequencies = resources.word_frequencies()
    marbuta = word[:-1] + "ه"
    return marbuta if frequencies.get(marbuta, 0) > frequencies.get(word, 0) else word


def terms_of_tokens(tokens: list[Token]) -> list[str]:
    return [stem(token) for token in tokens if token.kind in INDEXED_KINDS]


def index_terms(text: str | None, tokens: list[Token] | None = None) -> str:
    """The space-separated search terms of a text, as stored in the full-text index."""
    if not text:
        return ""
    return " ".join(terms_of_tokens(tokens if tokens is not None else tokenize(text)))


@dataclass(frozen=True, slots=True)
class QueryWord:
    """One word of a query and every index term it may have been stored as."""

    text: str
    alternatives: tuple[str, ...]


def query_words(query: str) -> list[QueryWord]:
    """The words of a user's query with their alternative terms; raises E609 when there are none.

    Documents store the one analysis the clitic analyser chose, which rests on word
    frequencies: بارزاني alone may be read as ب + ارزاني while البارزاني is ال + بارزاني.
    So a query word stands for every proclitic split of it whose stem is attested or long
    (plus the analyser's choice and the whole word), each light-stemmed; any of them matches.
    """
    words: dict[str, QueryWord] = {}
    for token in tokenize(query):
        if token.kind not in INDEXED_KINDS or token.norm in words:
            continue
        alternatives = dict.fromkeys([stem(token)])
        if token.kind == "arabic":
            for prefix in ("", *_proclitic_prefixes()):
                if token.norm.startswith(prefix) and _attested_split(token.norm, prefix):
                    alternatives[stem(_with_prefix(token, prefix))] = None
        words[token.norm] = QueryWord(token.text, tuple(alternatives))
    if not words:
        raise MarsadError("E609")
    return list(words.values())


def query_terms(query: str) -> set[str]:
    """Every index term any word of the query may match (for highlighting)."""
    return {term for word in query_words(query) for term in word.alternatives}


@functools.cache
def _proclitic_prefixes() -> tuple[str, ...]:
    """Every written sequence of proclitics: و ف, then ب ل ك or س, then ال (ل + ال = لل)."""
    inventory = resources.clitic_analyzer().inventory
    prefixes: set[str] = set()
    for conjunction in ("", *inventory.conjunctions):
        for particle in ("", *inventory.prepositions, *inventory.future):
            prefixes.add(conjunction + particle)
            if particle not in inventory.future:
                article = "لل" if particle == "ل" else particle + inventory.article
                prefixes.add(conjunction + article)
    prefixes.discard("")
    return tuple(sorted(prefixes, key=len, reverse=True))


def _attested_split(norm: str, prefix: str) -> bool:
    """A split is worth trying when what is left is a known word, or long enough to be a name.

    Rare names (بسرمين) are absent from the frequency table; a stem of `MIN_UNSEEN_STEM`
    letters is kept as an alternative anyway, since it only matches documents that hold
    exactly that stem.
    """
    rest = norm[len(prefix) :]
    if len(rest) < MIN_STEM:
        return False
    return not prefix or len(rest) >= MIN_UNSEEN_STEM or resources.word_frequencies().get(rest, 0) > 0


def _with_prefix(token: Token, prefix: str) -> Token:
    return replace(token, prefix=prefix, stem=token.norm[len(prefix) :], suffix="")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A passage of the original text and the `[start, end)` offsets of matches in it."""

    text: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, open_mark: str = "«", close_mark: str = "»") -> str:
        """The passage with each match wrapped in marks."""
        parts, last = [], 0
        for start, end in self.highlights:
            parts += [self.text[last:start], open_mark, self.text[start:end], close_mark]
            last = end
        parts.append(self.text[last:])
        return "".join(parts)


def snippet(text: str, terms: set[str], width: int = SNIPPET_WORDS) -> Snippet:
    """The window of `width` words with the most matches of `terms`, matches highlighted.

    A search answers a page of these, so this is on the API's hot path: the text is
    normalised once, words are found by one regular-expression pass, and only the words
    that contain a term (found with `str.find`) are tokenised to check that their search
    term really is one of `terms`. Offsets are mapped back to the original text only for
    the words of the window.
    """
    normalized = normalize(text)
    spans = [match.span() for match in _WORD.finditer(normalized.text)]
    if not spans:
        return Snippet("", ())
    hits = [
        index
        for index in _candidate_words(normalized.text, spans, terms)
        if _matches(text[slice(*normalized.to_original(*spans[index]))], terms)
    ]
    first = 0
    if hits:
        best, count, right = hits[0], 0, 0
        for left, start in enumerate(hits):
            while right < len(hits) and hits[right] < start + width:
                right += 1
            if right - left > count:
                best, count = start, right - left
        first = max(0, min(best - width // 4, len(spans) - width))
    window = [normalized.to_original(*span) for span in spans[first : first + width]]
    at_start, at_end = first == 0, first + width >= len(spans)
    begin = 0 if at_start else window[0][0]
    end = len(text.rstrip()) if at_end else window[-1][1]
    prefix, suffix = ("" if at_start else "… "), ("" if at_end else " …")
    passage = prefix + text[begin:end].replace("\n", " ") + suffix
    shift = len(prefix) - begin
    hit_set = set(hits)
    highlights = tuple(
        (start + shift, stop + shift) for index, (start, stop) in enumerate(window, first) if index in hit_set
    )
    return Snippet(passage, highlights)


def _candidate_words(normalized: str, spans: list[tuple[int, int]], terms: set[str]) -> list[int]:
    """Indices, in order, of the words (normalised `spans`) that contain one of `terms`."""
    if "" in terms:
        return list(range(len(spans)))
    starts = [start for start, _ in spans]
    found: set[int] = set()
    for term in terms:
        position = normalized.find(term)
        while position >= 0:
            index = bisect.bisect_right(starts, position) - 1
            if index >= 0 and position + len(term) <= spans[index][1]:
                found.add(index)
            position = normalized.find(term, position + 1)
    return sorted(found)


def _matches(word: str, terms: set[str]) -> bool:
    return not terms.isdisjoint(_word_terms(word))


@functools.lru_cache(maxsize=100_000)
def _word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one written word; cached, since hits repeat the same few forms."""
    return tuple(stem(token) for token in tokenize(word) if token.kind in INDEXED_KINDS)
