"""The topic stage on short articles written for these tests: ANT label and taxonomy."""

from __future__ import annotations

import numpy as np
import pytest

from marsad import analyze
from marsad.document import Document
from marsad.errors import MarsadError
from marsad.pipeline import Pipeline
from marsad.topics.classifier import MODEL_ARRAYS, TopicClassifier, save
from marsad.topics.features import FeatureExtractor
from marsad.topics.stage import TopicModel

FOOTBALL = (
    "الهلال يهزم النصر بثلاثية في الدوري",
    "فاز فريق الهلال على ضيفه النصر بثلاثة أهداف مقابل هدف في مباراة مثيرة ضمن الدوري السعودي لكرة القدم، "
    "وسجل المهاجم هدفين في الشوط الثاني، وقال المدرب بعد المباراة إن اللاعبين قدموا أداء رائعا أمام الجماهير.",
)
RATE_DECISION = (
    "البنك المركزي يرفع أسعار الفائدة",
    "قرر البنك المركزي المصري رفع أسعار الفائدة بمقدار نصف نقطة مئوية لمواجهة ارتفاع معدلات التضخم، "
    "وقالت لجنة السياسة النقدية إن القرار يهدف إلى استقرار سعر صرف الجنيه أمام الدولار وجذب الاستثمارات الأجنبية.",
)
AIR_STRIKE = (
    "قتلى في غارات جوية على ريف إدلب",
    "شنت طائرات حربية غارات جوية على مواقع لمسلحين في ريف إدلب شمال غربي سوريا، ما أسفر عن مقتل عشرة مقاتلين "
    "وإصابة آخرين، وقال الجيش في بيان إن القصف استهدف مخازن أسلحة وذخيرة.",
)
VACCINATION = (
    "وزارة الصحة تطلق حملة تطعيم ضد شلل الأطفال",
    "أطلقت وزارة الصحة حملة وطنية للتطعيم ضد شلل الأطفال تستهدف مليوني طفل في جميع المحافظات، وقال وزير الصحة "
    "إن الفرق الطبية ستزور المدارس والمراكز الصحية لتقديم اللقاح مجانا، داعيا الأسر إلى التعاون مع فرق التطعيم.",
)


def topic_of(article: tuple[str, str]) -> dict:
    title, body = article
    return analyze(body, title=title).topic.to_dict()


def test_football_match_is_sport():
    topic = topic_of(FOOTBALL)
    assert (topic["label"], topic["taxonomy"]) == ("sport", "sport")


def test_central_bank_rate_decision_is_economy():
    topic = topic_of(RATE_DECISION)
    assert (topic["label"], topic["taxonomy"]) == ("economy", "economy")


def test_air_strike_is_security():
    topic = topic_of(AIR_STRIKE)
    assert topic["label"] in {"middleEast", "internationalNews"}
    assert topic["taxonomy"] == "security"
    assert topic["taxonomy_scores"]["security"] > topic["taxonomy_scores"]["politics"]


def test_vaccination_campaign_is_health():
    topic = topic_of(VACCINATION)
    assert topic["taxonomy"] == "health"


def test_scores_are_probabilities_over_every_label():
    topic = topic_of(FOOTBALL)
    assert set(topic["scores"]) == {
        "internationalNews",
        "middleEast",
        "sport",
        "economy",
        "technology",
        "culture",
    }
    assert sum(topic["scores"].values()) == pytest.approx(1.0, abs=1e-3)
    assert set(topic["taxonomy_scores"]) == {
        "politics", "security", "economy", "sport", "technology", "culture", "health", "society",
    }  # fmt: skip
    assert sum(topic["taxonomy_scores"].values()) == pytest.approx(1.0, abs=1e-3)
    assert topic["scores"][topic["label"]] == max(topic["scores"].values())


def test_a_freshly_loaded_model_gives_the_same_topic():
    title, body = AIR_STRIKE
    doc = analyze(body, title=title)
    assert TopicModel.load()(doc) == doc.topic


def test_empty_document_has_no_topic():
    doc = Pipeline(["marsad.text.v1", "marsad.topics.v1"])(Document.from_parts(""))
    assert doc.topic is None


def test_stage_runs_without_the_events_stage():
    title, body = FOOTBALL
    doc = Pipeline(["marsad.text.v1", "marsad.topics.v1"])(Document.from_parts(body, title=title))
    assert doc.topic is not None and doc.topic.label == "sport"


def test_analyze_output_validates_against_the_schema(document_validator):
    title, body = VACCINATION
    document = analyze(body, title=title).to_dict()
    document_validator.validate(document)
    assert document["topic"]["taxonomy"] == "health"


def test_export_is_byte_identical_and_round_trips(tmp_path):
    arrays = {
        "labels": np.frombuffer(b"a\nb", dtype=np.uint8),
        "columns": np.array([0, 1], dtype=np.int16),
        "vocabulary": np.frombuffer("هدف\nc:ه".encode(), dtype=np.uint8),
        "blocks": np.array([0, 1], dtype=np.uint8),
        "idf": np.array([1.5, 2.0], dtype=np.float32),
        "weights": np.array([[1.0, -1.0], [-0.5, 0.5]], dtype=np.float16),
        "bias": np.array([0.1, -0.1], dtype=np.float32),
        "temperature": np.array(2.0, dtype=np.float32),
    }
    assert set(arrays) == set(MODEL_ARRAYS)
    save(tmp_path / "one.npz", arrays)
    save(tmp_path / "two.npz", arrays)
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()
    model = TopicClassifier.load(tmp_path / "one.npz")
    assert model.labels == ("a", "b")
    # One known feature, counted twice: tf-idf normalised to 1, margins = weights row + bias.
    assert model.margins(["هدف", "هدف", "unknown"]).tolist() == pytest.approx([1.1, -1.1])
    probabilities = model.probabilities(model.margins(["هدف"]))
    assert probabilities.sum() == pytest.approx(1.0)
    assert probabilities[0] == pytest.approx(1 / (1 + np.exp(-4.4)), rel=1e-5)


def test_a_label_with_several_columns_scores_its_best_column(tmp_path):
    """A label split into classes in training (one per site) keeps the best class's margin."""
    arrays = {
        "labels": np.frombuffer(b"a\nb", dtype=np.uint8),
        "columns": np.array([0, 1, 1], dtype=np.int16),
        "vocabulary": np.frombuffer("هدف\nمرمى".encode(), dtype=np.uint8),
        "blocks": np.array([0, 0], dtype=np.uint8),
        "idf": np.array([1.0, 1.0], dtype=np.float32),
        "weights": np.array([[0.5, 1.0, -1.0], [0.0, -1.0, 2.0]], dtype=np.float16),
        "bias": np.array([0.0, 0.25, -0.25], dtype=np.float32),
        "temperature": np.array(1.0, dtype=np.float32),
    }
    save(tmp_path / "split.npz", arrays)
    model = TopicClassifier.load(tmp_path / "split.npz")
    # "هدف" alone: columns 0.5 | 1.25, -1.25 -> a 0.5, b 1.25 (its first column).
    assert model.margins(["هدف"]).tolist() == pytest.approx([0.5, 1.25])
    # "مرمى" alone: columns 0.0 | -0.75, 1.75 -> b takes its second column.
    assert model.margins(["مرمى"]).tolist() == pytest.approx([0.0, 1.75])
    assert model.margins([]).tolist() == pytest.approx([0.0, 0.25])
    arrays["columns"] = np.array([1, 0, 1], dtype=np.int16)  # not grouped by label
    save(tmp_path / "ungrouped.npz", arrays)
    with pytest.raises(MarsadError) as ungrouped:
        TopicClassifier.load(tmp_path / "ungrouped.npz")
    assert ungrouped.value.code == "E961"


def test_each_feature_block_is_normalised_on_its_own(tmp_path):
    """Word features and n-grams each count as a unit vector: two SVMs summed, as trained."""
    arrays = {
        "labels": np.frombuffer(b"a\nb", dtype=np.uint8),
        "columns": np.array([0, 1], dtype=np.int16),
        "vocabulary": np.frombuffer("هدف\nمرمى\nc: ه".encode(), dtype=np.uint8),
        "blocks": np.array([0, 0, 1], dtype=np.uint8),
        "idf": np.array([3.0, 4.0, 2.0], dtype=np.float32),
        "weights": np.array([[1.0, 0.0], [0.0, 1.0], [0.5, -0.5]], dtype=np.float16),
        "bias": np.array([0.0, 0.0], dtype=np.float32),
        "temperature": np.array(1.0, dtype=np.float32),
    }
    save(tmp_path / "blocks.npz", arrays)
    model = TopicClassifier.load(tmp_path / "blocks.npz")
    # Words (3, 4) -> (0.6, 0.8); the n-gram alone -> 1, whatever its idf.
    assert model.margins(["هدف", "مرمى", "c: ه"]).tolist() == pytest.approx([1.1, 0.3])
    assert model.margins(["c: ه"]).tolist() == pytest.approx([0.5, -0.5])


def test_run_time_rows_are_the_training_features():
    """The stage's fast path (cached n-gram rows) counts exactly the features training saw."""
    title, body = RATE_DECISION
    doc = analyze(body, title=title)
    model = TopicModel.load().classifier
    end = len(title)
    expected = sorted(model.index[f] for f in FeatureExtractor()(doc.tokens, end) if f in model.index)
    assert sorted(model.rows(doc.tokens, end)) == expected
    assert sorted(model.rows(doc.tokens, end)) == expected  # again, from the cache
    assert len(expected) > 500


def test_missing_or_broken_model_is_a_coded_error(tmp_path):
    with pytest.raises(MarsadError) as missing:
        TopicClassifier.load(tmp_path / "absent.npz")
    assert missing.value.code == "E960" and "marsad train topics" in str(missing.value)
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip archive")
    with pytest.raises(MarsadError) as unreadable:
        TopicClassifier.load(broken)
    assert unreadable.value.code == "E961"


def _stacked_arrays() -> dict[str, np.ndarray]:
    """Two labels, one column each, two blocks (one word, one n-gram) and a stacker with two
    hidden units: unit 0 reads the word block's column 0, unit 1 the n-gram block's column 1."""
    return {
        "labels": np.frombuffer(b"a\nb", dtype=np.uint8),
        "columns": np.array([0, 1], dtype=np.int16),
        "vocabulary": np.frombuffer("هدف\nc: ه".encode(), dtype=np.uint8),
        "blocks": np.array([0, 1], dtype=np.uint8),
        "idf": np.array([1.0, 1.0], dtype=np.float32),
        "weights": np.array([[1.0, -1.0], [-0.5, 0.5]], dtype=np.float16),
        # One bias row per block: the inputs are (block 0: col 0, col 1; block 1: col 0, col 1).
        "bias": np.array([[0.25, 0.0], [0.0, -0.25]], dtype=np.float32),
        "temperature": np.array(1.0, dtype=np.float32),
        "stack_hidden_weights": np.array([[1, 0], [0, 0], [0, 0], [0, 2]], dtype=np.float32),
        "stack_hidden_bias": np.array([0.0, 0.0], dtype=np.float32),
        "stack_output_weights": np.array([[1, 0], [0, 1]], dtype=np.float32),
        "stack_output_bias": np.array([0.0, 0.5], dtype=np.float32),
    }


def test_a_stacker_reads_each_blocks_margins_apart(tmp_path):
    """With a stacker the label logits come from the blocks' column margins side by side."""
    save(tmp_path / "stacked.npz", _stacked_arrays())
    model = TopicClassifier.load(tmp_path / "stacked.npz")
    assert model.stacker is not None
    # "هدف" alone: block 0 margins (1.25, -1), block 1 (0, -0.25) -> hidden (1.25, 0) -> (1.25, 0.5).
    assert model.margins(["هدف"]).tolist() == pytest.approx([1.25, 0.5])
    # The n-gram alone: block 0 (0.25, 0), block 1 (-0.5, 0.25) -> hidden (0.25, 0.5) -> (0.25, 1.0).
    assert model.margins(["c: ه"]).tolist() == pytest.approx([0.25, 1.0])
    # Nothing known: the biases alone -> hidden (0.25, 0) (the rectifier cuts -0.5) -> (0.25, 0.5).
    assert model.margins(["unknown"]).tolist() == pytest.approx([0.25, 0.5])


def test_a_stacker_that_does_not_fit_the_model_is_a_coded_error(tmp_path):
    arrays = _stacked_arrays()
    arrays["stack_hidden_weights"] = np.ones((3, 2), dtype=np.float32)  # 2 blocks x 2 columns = 4 inputs
    save(tmp_path / "misfit.npz", arrays)
    with pytest.raises(MarsadError) as misfit:
        TopicClassifier.load(tmp_path / "misfit.npz")
    assert misfit.value.code == "E961"
