"""The `marsad.summary.v1` stage in the default pipeline, and `marsad eval summary`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad import analyze
from marsad.cli.main import cli
from marsad.errors import MarsadError
from marsad.pipeline import DEFAULT_STAGES
from marsad.training.summary_eval import is_lead_reference, normalized_tokens, rouge_scorer

BODY = (
    "أعلنت وزارة الصحة في الأردن افتتاح مستشفى جديد في مدينة الزرقاء يضم ثلاثمائة سرير لخدمة سكان المحافظة. "
    "وقال الوزير إن المستشفى سيستقبل المرضى ابتداء من الشهر المقبل بعد تجهيز أقسامه كلها."
)
LEAD = BODY[: BODY.index(" وقال")]


def test_the_stage_runs_after_events_and_fills_the_contract(document_validator) -> None:
    assert DEFAULT_STAGES.index("marsad.summary.v1") > DEFAULT_STAGES.index("marsad.events.v1")
    doc = analyze(BODY, title="مستشفى جديد في الزرقاء")
    assert doc.summary == [LEAD]
    assert [k.term for k in doc.keywords[:3]] == ["زرقاء", "مستشفي", "سرير"] and len(doc.keywords) == 10
    assert list(document_validator.iter_errors(doc.to_dict())) == []


def test_the_seed_article(seed_article: Path) -> None:
    headline, body = seed_article.read_text(encoding="utf-8").strip().split("\n", 1)
    doc = analyze(body, title=headline)
    assert doc.summary == [body.strip().split("\n")[0].split("..")[0] + ".."]
    assert doc.gist == "مسعود البارزاني — مباحثات مع محمد سالم الغبان — أربيل"
    assert {"مسعود البارزاني", "محمد سالم الغبان"} <= {k.term for k in doc.keywords[:3]}


def test_lead_references_are_told_apart() -> None:
    body = "دبي (وكالات) – " + BODY
    assert is_lead_reference(LEAD, body)
    assert is_lead_reference(BODY[:60], body)  # a truncated abstract
    assert not is_lead_reference("افتتاح مستشفى كبير في الزرقاء بثلاثمائة سرير.", body)
    assert normalized_tokens("أكد الوزير ٢٠١٨") == ["اكد", "الوزير", "2018"]


def test_eval_summary_prints_rouge_for_the_system_and_the_leads(tmp_path: Path) -> None:
    pytest.importorskip("rouge_score")
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "title": "مستشفى جديد في الزرقاء",
            "text": BODY,
            "abstract": "مستشفى جديد بثلاثمائة سرير في الزرقاء.",
        },
        {"title": "مستشفى", "text": BODY, "abstract": LEAD},
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "summary", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["articles"], scores["skipped_lead_references"]) == (1, 1)
    # The reference has 6 tokens; the summary (the lead, 17 tokens) holds مستشفى جديد في
    # ... الزرقاء in that order (بثلاثمائة is not ثلاثمائة): the longest common subsequence is 4.
    marsad = scores["scores"]["marsad"]["rougeL"]
    assert (round(marsad["precision"], 4), round(marsad["recall"], 4)) == (round(4 / 17, 4), round(4 / 6, 4))
    lead3 = scores["scores"]["lead-3"]["rouge1"]
    assert lead3["recall"] == 5 / 6  # every reference token but بثلاثمائة
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "summary", str(bad)])
    assert isinstance(result.exception, MarsadError) and result.exception.code == "E951"
    assert str(result.exception).startswith(f"{bad}: line 1: Expecting property name")


def test_eval_summary_without_rouge_score_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rouge_score.rouge_scorer", None)  # import fails
    with pytest.raises(MarsadError) as raised:
        rouge_scorer()
    assert raised.value.code == "E950" and "pip install 'marsad[train]'" in str(raised.value)
