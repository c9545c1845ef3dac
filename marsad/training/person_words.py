"""Builds the table of words that name a person wherever they stand (`person_words.tsv`).

News names a person in full once (`دونالد ترامب`) and by the family name after that, and
a headline often by the family name alone (`ترامب يهدد ...`). A tagger trained on older
corpora has never seen most of today's names, and an article that never gives the full
name leaves coreference nothing to propagate. So the whole entity stage (tagger, rules,
coreference) is run over the ANT training articles (unlabelled news of 2018; the
development split is left out) and, for every word without the article, its occurrences
are counted and how many of them lie inside a person's mention. A word seen at least
MIN_OCCURRENCES times and inside a person's mention in at least MIN_PERSON_SHARE of them
is a person's name in this news: `marsad.entities.rules.person_words` then makes it a
person where the tagger left it untagged.

It reads what the installed package ships (the NER models and the rules' tables), so
run it after `marsad train ner`; the rule that reads the table is off while it counts.
The output is deterministic: the articles in file order, rows sorted by word.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from marsad import resources
from marsad.document import Document
from marsad.entities.mentions import bare_key, has_article, word_key
from marsad.entities.stage import EntityStage
from marsad.pipeline import DEFAULT_STAGES, Pipeline
from marsad.training import ANT_TRAIN

ENTITY_STAGE = "marsad.entities.v1"
MIN_OCCURRENCES = 20
MIN_PERSON_SHARE = 0.8
HEADER = """\
# Words that name a person in Arabic news wherever they stand: built by
# `marsad train person-words` (marsad/training/person_words.py) from what the entity
# stage finds in the ANT training articles; a word seen at least {occurrences} times and
# inside a person's mention in at least {share:.0%} of them.
# word <TAB> occurrences inside a person's mention <TAB> occurrences
"""


def count_person_words(corpus: Path, log: Callable[[str], None]) -> tuple[Counter[str], Counter[str]]:
    """RETURNS (tuple[Counter, Counter]): each article-less word's occurrences inside a
    person's mention, and all its occurrences. An occurrence right after a kunya or the
    first half of a compound name (`عبد ربه`, `أبو مازن`) does not count as inside: the
    word names nobody alone (`دعا ربه`, "his Lord")."""
    text_layer = Pipeline(DEFAULT_STAGES[: DEFAULT_STAGES.index(ENTITY_STAGE)])
    lexicons = resources.entity_lexicons()
    halves = lexicons.kunya | lexicons.compound
    # Counted without the table's own rule, so that a rebuild does not feed on itself.
    entities = EntityStage(lexicons=replace(lexicons, person_words=frozenset()))
    inside: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            doc = entities(
                text_layer(Document.from_parts(record.get("text") or "", title=record.get("title")))
            )
            people = sorted((m.start, m.end) for e in doc.entities if e.type == "PERSON" for m in e.mentions)
            for index, token in enumerate(doc.tokens):
                if token.kind != "arabic" or has_article(token):
                    continue
                key = word_key(token)
                seen[key] += 1
                second_half = index > 0 and bare_key(doc.tokens[index - 1]) in halves
                if not second_half and any(
                    start <= token.start and token.end <= end for start, end in people
                ):
                    inside[key] += 1
            if number % 2000 == 0:
                log(f"{number} articles")
    return inside, seen


def build_person_words(
    data_dir: Path,
    out: Path,
    log: Callable[[str], None],
    min_occurrences: int = MIN_OCCURRENCES,
    min_share: float = MIN_PERSON_SHARE,
) -> int:
    """Writes the table to `out`; RETURNS (int): the number of words kept."""
    inside, seen = count_person_words(data_dir / ANT_TRAIN, log)
    kept = sorted(
        word for word, count in seen.items() if count >= min_occurrences and inside[word] >= min_share * count
    )
    rows = "".join(f"{word}\t{inside[word]}\t{seen[word]}\n" for word in kept)
    out.write_text(HEADER.format(occurrences=min_occurrences, share=min_share) + rows, encoding="utf-8")
    return len(kept)
