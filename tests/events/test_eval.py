"""`marsad eval events`: the scorer on a tiny gold file with known counts, and its CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli.main import cli
from marsad.document import Entity, Span
from marsad.errors import MarsadError
from marsad.events.stage import EventCoder
from marsad.training.events import GoldArticle, evaluate, name_matches, read_gold
from tests.events.helpers import build_document, city

FIXTURE = Path(__file__).parent / "fixtures" / "tiny_gold.jsonl"
# The entities an entity layer would find in the fixture; set by hand so the counts are known.
ENTITIES = {
    "t1": [
        ("الشرطة المغربية", "ORG"),
        ("الرباط", "GPE", [], city(34.02, -6.84, "MA")),
        ("سعيد علوي", "PERSON"),
    ],
    "t2": [("الجامعة العربية", "ORG"), ("عمان", "GPE", [], city(31.95, 35.93, "JO"))],
}


def test_scores_on_hand_set_entities(coder: EventCoder) -> None:
    def analyse(article: GoldArticle):
        return coder(build_document(article.text, ENTITIES[article.id], published=article.published))

    scores = evaluate(read_gold(FIXTURE), analyse)
    # t1: the arrest and the quote are right. t2: the condemnation and the protest are right,
    # the gold AID event (not in the text's triggers) is missed.
    assert (scores.events.tp, scores.events.system, scores.events.gold) == (3, 3, 4)
    assert scores.events.precision == 1.0 and scores.events.recall == 0.75
    assert (scores.quotes_with_speaker.tp, scores.quotes_with_speaker.gold) == (1, 1)
    assert scores.by_type["AID"].gold == 1 and scores.by_type["AID"].tp == 0
    assert [e["kind"] for e in scores.errors] == ["missed event"]


def test_name_matching_is_word_based() -> None:
    entity = Entity("E1", "PERSON", "مسعود البارزاني", [Span(0, 9, "البارزاني")])
    assert name_matches(entity, "البارزاني") and name_matches(entity, "مسعود البارزاني")
    assert name_matches(entity, "مسعود")  # a gold name inside the entity's name, word for word
    assert not name_matches(entity, "مسعو")
    assert not name_matches(entity, "الغبان")
    assert name_matches(None, None) and not name_matches(None, "أربيل")


def test_bad_gold_line_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص", "events": [{"type": "PRAISE"}]}\n', encoding="utf-8")
    with pytest.raises(MarsadError) as caught:
        read_gold(bad)
    assert caught.value.code == "E501" and "bad.jsonl:1" in str(caught.value)


def test_cli_prints_scores_as_json() -> None:
    result = CliRunner().invoke(cli, ["eval", "events", str(FIXTURE), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["articles"] == 2 and scores["events"]["gold"] == 4 and scores["quotes"]["gold"] == 1


def test_cli_with_gold_entities_scores_the_stage_alone() -> None:
    entities = Path(__file__).parent / "fixtures" / "tiny_entities.tsv"
    result = CliRunner().invoke(
        cli, ["eval", "events", str(FIXTURE), "--gold-entities", str(entities), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    # The same entities as the hand-set test above, so the same counts.
    assert (scores["events"]["tp"], scores["events"]["system"], scores["events"]["gold"]) == (3, 3, 4)
    assert scores["quotes_with_speaker"]["tp"] == 1
