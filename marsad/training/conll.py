"""CoNLL named-entity files: reading, IOB schemes, spans, and the bridge to Marsad tokens.

NER corpora come as one `token TAG` (or `token<TAB>TAG`) line per token and a blank line
between sentences, tagged in IOB1 or IOB2. Marsad never sees those tokens at run time:
it sees its own tokenizer's output on raw text, which splits glued punctuation (`(د`).
So training and evaluation both go through `align_to_marsad`: the sentence text is the
file's tokens joined by spaces, Marsad tokenises it, and each Marsad token is tied to the
file token it lies in. Training and inference then see exactly the same token features.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from marsad import resources
from marsad.document import Token
from marsad.entities.tagger import label_spans, repair_iob2
from marsad.errors import MarsadError
from marsad.text import tokenize


@dataclass(frozen=True, slots=True)
class ConllSentence:
    """One sentence of a CoNLL file: its tokens and one tag per token (IOB2 after reading),
    and which document of the file it is in (`-DOCSTART-` lines begin a new one).
    `attached` holds the indices of tokens the text writes right after the one before,
    without a space, and `written` the form each token takes in the text where that is
    not the token itself (a clitic the file split off its word, `attach_split_clitics`)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    document: int = 0
    attached: frozenset[int] = frozenset()
    written: tuple[str, ...] | None = None

    @property
    def text(self) -> str:
        """The sentence as raw text: tokens joined by single spaces, none before an
        attached token."""
        forms = self.written or self.tokens
        return "".join(form if i == 0 or i in self.attached else " " + form for i, form in enumerate(forms))

    def offsets(self) -> list[tuple[int, int]]:
        """Character span of each token in `text`."""
        spans, position = [], 0
        for index, form in enumerate(self.written or self.tokens):
            if index and index not in self.attached:
                position += 1
            spans.append((position, position + len(form)))
            position += len(form)
        return spans


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """Tokens `[start, end)` of a sentence form one mention of `type`."""

    start: int
    end: int
    type: str


def read_conll(path: Path) -> list[ConllSentence]:
    """Reads a CoNLL NER file; tags come back in IOB2 whatever the file used (IOB1, IOB2,
    BIOES or BILOU).

    The token is the first column and the tag the last, separated by a tab or spaces.
    RETURNS (list[ConllSentence]): the sentences in file order.
    """
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise MarsadError("E101", source=str(path)) from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as error:
        raise MarsadError("E290", source=str(path), detail=str(error)) from None
    sentences = list(parse_conll(lines, source=str(path)))
    if not sentences:
        # A score of zero over nothing would read as a model that found nothing.
        raise MarsadError("E290", source=str(path), detail="it holds no 'token TAG' lines")
    return sentences


def parse_conll(lines: Iterable[str], source: str = "<conll>") -> Iterator[ConllSentence]:
    """Parses CoNLL lines (see `read_conll`)."""
    tokens: list[str] = []
    tags: list[str] = []
    document = 0
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            if tokens:
                yield ConllSentence(tuple(tokens), tuple(repair_iob2(tags)), document)
                tokens, tags = [], []
            if line.startswith("-DOCSTART-"):
                document += 1
            continue
        columns = line.split("\t") if "\t" in line else line.split()
        tag = _as_iob(columns[-1].strip()) if len(columns) >= 2 and columns[0] else None
        if tag is None:
            raise MarsadError("E291", source=source, line=number, text=line[:60])
        tokens.append(columns[0].strip())
        tags.append(tag)
    if tokens:
        yield ConllSentence(tuple(tokens), tuple(repair_iob2(tags)), document)


# BIOES (BILOU) prefixes in IOB terms: a single-token mention begins one, an end continues
# one; `repair_iob2` then reads the sequence as IOB1 or IOB2 alike.
_PREFIX_AS_IOB = {"B-": "B-", "I-": "I-", "S-": "B-", "U-": "B-", "E-": "I-", "L-": "I-"}


def _as_iob(tag: str) -> str | None:
    """The tag with an IOB prefix, or None if it is no NER tag."""
    if tag == "O":
        return tag
    prefix = _PREFIX_AS_IOB.get(tag[:2])
    return prefix + tag[2:] if prefix and len(tag) > 2 else None


def iob_spans(tags: Sequence[str]) -> list[EntitySpan]:
    """The mentions an IOB2 tag sequence describes (the tagger's own reading of labels)."""
    return [EntitySpan(start, end, kind) for start, end, kind in label_spans(tags)]


def spans_to_iob(spans: Iterable[EntitySpan], length: int) -> list[str]:
    """IOB2 tags for non-overlapping spans over `length` tokens (earlier spans win)."""
    tags = ["O"] * length
    for span in spans:
        if any(tag != "O" for tag in tags[span.start : span.end]):
            continue
        tags[span.start] = "B-" + span.type
        for index in range(span.start + 1, span.end):
            tags[index] = "I-" + span.type
    return tags


def align_to_marsad(sentence: ConllSentence) -> tuple[list[Token], list[int]]:
    """Tokenises the sentence text with Marsad and ties each token to its file token.

    RETURNS (tuple): the Marsad tokens and, for each, the index of the file token it lies in.
    """
    tokens = tokenize(sentence.text)
    owners: list[int] = []
    offsets = sentence.offsets()
    current = 0
    for token in tokens:
        while offsets[current][1] <= token.start:
            current += 1
        owners.append(current)
    return tokens, owners


def project_tags(sentence: ConllSentence, tokens: Sequence[Token], owners: Sequence[int]) -> list[str]:
    """Carries the file's IOB2 tags onto Marsad tokens.

    A file token split into pieces (`"بدر"` into `"`, `بدر`, `"`) keeps its mention on its
    word pieces; punctuation before the first or after the last word piece of a mention
    is outside it, so that a mention never starts or ends with a bracket or a quote.
    """
    tags = ["O"] * len(tokens)
    for span in iob_spans(sentence.tags):
        inside = [i for i, owner in enumerate(owners) if span.start <= owner < span.end]
        words = [i for i in inside if tokens[i].kind != "punct"]
        if not words:
            continue
        first, last = words[0], words[-1]
        tags[first] = "B-" + span.type
        for index in range(first + 1, last + 1):
            tags[index] = "I-" + span.type
    return tags


def marsad_spans_to_file(
    mentions: Iterable[tuple[int, int, str]], sentence: ConllSentence
) -> list[EntitySpan]:
    """Maps character-span mentions of the sentence text onto the file's token spans.

    A mention covers every file token it overlaps (a mention of `الغبان` inside the file
    token `والغبان` is that token), less a proclitic the file split off and the text
    attached again (`ل فيرجسون` read as `لفيرجسون`: the name is the file's `فيرجسون`),
    but for ف, which FANE splits off names too (`ف ؤاد`; `OUTSIDE_NAMES`). A
    pronoun is not cut off: FANE splits names' last letters as if they were one (`بن ها`,
    Benha; `عبد ه`, Abdo), and its mentions keep them.
    """
    offsets = sentence.offsets()
    tokens, attached = sentence.tokens, sentence.attached
    spans: list[EntitySpan] = []
    for start, end, kind in mentions:
        covered = [i for i, (s, e) in enumerate(offsets) if s < end and start < e]
        while len(covered) > 1 and covered[0] + 1 in attached and tokens[covered[0]] in OUTSIDE_NAMES:
            covered.pop(0)
        if covered:
            spans.append(EntitySpan(covered[0], covered[-1] + 1, kind))
    return spans


# ---------------------------------------------------------------- split clitics

# FANE writes clitics as tokens of their own (`و قال`, `زيارت ها`); raw text never does.
PROCLITICS = frozenset("وفبلكس")
# The split-off proclitics cut off a mention that starts with one (the text read it as
# part of the word): they stand before a name, not in it. In NewsFANE's sentences of
# ANERcorp's training blocks, و stands before a mention 424 times and inside one 4
# (`و ستمنستر`), ل 100 / 2, ك 8 / 1, ب 166 / 8. Not ف, 10 / 7: FANE's tokeniser splits it
# off names that begin with it (`ف ؤاد السنيورة`, `ف رانكلين`, `ف يديل كاسترو`), and of the
# mentions the entity stage starts with a split-off ف there, 7 are names that begin with
# it and the rest mostly فإن read as the particle van (`ف ان`), wrong either way.
OUTSIDE_NAMES = PROCLITICS - {"ف"}
ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ني", "ي", "ك"})
# In FANE's files about 4% of tokens are a lone pronoun after a word; in ANERcorp's and
# AQMAR's, which glue their clitics, under 0.1%.
SPLIT_ENCLITIC_SHARE = 0.01
# The pronouns `attach_split_clitics` joins to the word before: not كما, which NewsFANE
# writes alone as the word 'as' (194 of the 195 whose ANERcorp spelling it aligns with),
# nor a lone ك, which is the proclitic 'as' about as often as the pronoun 'your' (83 / 80),
# and goes the way news writes more often (`كلار ك` -> كلارك, `ك رئيس` -> كرئيس).
ATTACHED_ENCLITICS = ENCLITICS - PROCLITICS - {"كما"}
EITHER_WAY = "ك"


def is_arabic_word(token: str) -> bool:
    return any("\u0621" <= char <= "\u064a" for char in token)


def splits_clitics(sentences: Sequence[ConllSentence]) -> bool:
    """Whether a file writes clitics apart from their words, as FANE does."""
    tokens = sum(len(sentence.tokens) for sentence in sentences)
    lone_pronouns = sum(
        1
        for sentence in sentences
        for before, token in pairwise(sentence.tokens)
        if token in ENCLITICS and is_arabic_word(before)
    )
    return tokens > 0 and lone_pronouns / tokens >= SPLIT_ENCLITIC_SHARE


def attach_split_clitics(sentence: ConllSentence) -> ConllSentence:
    """The sentence with its split clitics written onto their words again (`و قال` ->
    `وقال`), its tokens and tags unchanged, so that the pipeline reads text as it is
    published and its mentions still map onto the file's tokens. A lone proclitic letter
    joins a following word of two letters or more, or another proclitic (`و ب الكويت`;
    `د ب ا`, dpa, stays apart); a pronoun (`ATTACHED_ENCLITICS`) joins the word before
    it, and a lone ك whichever way news writes more often (`_ends_word_before`).
    Spelling follows: ل + ال is written لل, and a ta marbuta before a pronoun is written
    open (`خارجية ه` -> `خارجيته`)."""
    tokens = sentence.tokens
    attached: set[int] = set()
    for index, (before, token) in enumerate(pairwise(tokens), start=1):
        forward = before in PROCLITICS and (len(token) > 1 or token in PROCLITICS) and is_arabic_word(token)
        if forward and before == EITHER_WAY:
            forward = not _ends_word_before(tokens, index - 1)
        if forward or _joins_word_before(tokens, index):
            attached.add(index)
    written = list(tokens)
    for index in sorted(attached):
        if tokens[index - 1] == "ل" and tokens[index].startswith("ال") and len(tokens[index]) > 2:
            written[index] = tokens[index][1:]
        elif tokens[index] in ENCLITICS and written[index - 1].endswith("ة"):
            written[index - 1] = written[index - 1][:-1] + "ت"
    return ConllSentence(tokens, sentence.tags, sentence.document, frozenset(attached), tuple(written))


def _joins_word_before(tokens: Sequence[str], index: int) -> bool:
    """Whether tokens[index] is a pronoun the file split off the word before it."""
    if tokens[index] == EITHER_WAY:
        return _ends_word_before(tokens, index)
    before = tokens[index - 1]
    return tokens[index] in ATTACHED_ENCLITICS and before not in PROCLITICS and is_arabic_word(before)


def _ends_word_before(tokens: Sequence[str], index: int) -> bool:
    """Whether the lone ك at tokens[index] is the pronoun of the word before it rather than
    the preposition of the word after: there is no Arabic word after it, or news writes
    the word before with it more often than the word after (`resources.word_frequencies`)."""
    before = tokens[index - 1] if index > 0 else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    if not is_arabic_word(before) or before in PROCLITICS:
        return False
    if not is_arabic_word(after):
        return True
    word, frequencies = resources.normalizer().word, resources.word_frequencies()
    joined_before = (before[:-1] + "ت" if before.endswith("ة") else before) + EITHER_WAY
    return frequencies.get(word(joined_before), 0) > frequencies.get(word(EITHER_WAY + after), 0)


def write_conll(sentences: Iterable[ConllSentence], path: Path) -> None:
    """Writes `token TAB tag` lines with a blank line after each sentence."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for sentence in sentences:
            out.writelines(
                f"{token}\t{tag}\n" for token, tag in zip(sentence.tokens, sentence.tags, strict=True)
            )
            out.write("\n")
