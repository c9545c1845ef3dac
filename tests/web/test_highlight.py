"""Highlighted article text: exact markup, overlapping layers, and escaping."""

from __future__ import annotations

from marsad.web.charts import monthly, timeline
from marsad.web.highlight import Mark, entity_href, marks_from_document, render_marked, render_snippet


def test_layers_nest_in_a_fixed_order() -> None:
    text = 'قال الوزير "نرفض التهديد" أمس'
    marks = [
        Mark(4, 10, "entity", "hl ent ent-PERSON", href=entity_href("الوزير"), title="شخص"),
        Mark(11, 25, "quote", "hl quote"),
        Mark(17, 24, "trigger", "hl trig ev-REJECT"),
        Mark(26, 29, "time", "hl time", title="2024-03-04"),
    ]
    assert str(render_marked(text, marks)) == (
        'قال <a class="hl ent ent-PERSON" href="/entities/%D8%A7%D9%84%D9%88%D8%B2%D9%8A%D8%B1" title="شخص">'
        'الوزير</a> <span class="hl quote">&#34;نرفض </span>'
        '<span class="hl quote"><span class="hl trig ev-REJECT">التهديد</span></span>'
        '<span class="hl quote">&#34;</span> <span class="hl time" title="2024-03-04">أمس</span>'
    )


def test_markup_is_built_from_escaped_pieces() -> None:
    text = '<script>alert(1)</script> و"بغداد"'
    html = str(render_marked(text, [Mark(0, 8, "entity", "hl ent", href="/x?a=1&b=<2>", title='"t"')]))
    assert html.startswith(
        '<a class="hl ent" href="/x?a=1&amp;b=&lt;2&gt;" title="&#34;t&#34;">&lt;script&gt;</a>'
    )
    assert "<script>" not in html and "&lt;/script&gt;" in html


def test_spans_outside_the_text_are_ignored() -> None:
    assert str(render_marked("نص", [Mark(1, 9, "entity", "hl"), Mark(2, 1, "time", "hl")])) == "نص"


def test_marks_from_the_document_contract() -> None:
    document = {
        "entities": [{"id": "T1", "type": "GPE", "name": "درعا", "latin": "Daraa",
                      "mentions": [{"start": 0, "end": 4, "text": "درعا"}]}],
        "times": [{"start": 5, "end": 8, "text": "أمس", "value": "2024-03-04", "grain": "day"}],
        "events": [{"id": "V1", "type": "ASSAULT", "trigger": {"start": 9, "end": 12, "text": "قصف"}}],
        "quotes": [],
    }  # fmt: skip
    marks = marks_from_document(document)
    assert [(m.layer, m.start, m.end) for m in marks] == [
        ("entity", 0, 4),
        ("time", 5, 8),
        ("trigger", 9, 12),
    ]
    assert marks[0].title == "كيان جغرافي سياسي: درعا (Daraa)"
    html = str(render_marked("درعا أمس قصف", marks))
    assert html == (
        '<a class="hl ent ent-GPE" href="/entities/%D8%AF%D8%B1%D8%B9%D8%A7" '
        'title="كيان جغرافي سياسي: درعا (Daraa)">درعا</a> '
        '<span class="hl time" title="2024-03-04">أمس</span> '
        '<span class="hl trig ev-ASSAULT" title="ASSAULT">قصف</span>'
    )


def test_snippet_marks() -> None:
    assert (
        str(render_snippet("في <b>تونس</b>", [(6, 10)]))
        == 'في &lt;b&gt;<mark class="match">تونس</mark>&lt;/b&gt;'
    )


def test_timeline_stacks_days_by_type() -> None:
    chart = timeline(
        [("2024-03-01", "ASSAULT", 2), ("2024-03-01", "PROTEST", 1),
         ("2024-03-03", "ASSAULT", 1), ("bad", "X", 9)],
        width=300, height=134, top=10, bottom=24,
    )  # fmt: skip
    assert (chart.first_day, chart.last_day, chart.max_count) == ("2024-03-01", "2024-03-03", 3)
    assert [(b.label, b.x, b.height) for b in chart.bars] == [
        ("2024-03-01 · ASSAULT: 2", 0.5, 66.67), ("2024-03-01 · PROTEST: 1", 0.5, 33.33),
        ("2024-03-03 · ASSAULT: 1", 56.5, 33.33),
    ]  # fmt: skip
    assert chart.bars[0].y == 10 + 100 - 66.67 and chart.bars[1].y == 10.0
    assert chart.legend == [("ASSAULT", "#e41a1c", 3), ("PROTEST", "#984ea3", 1)]
    assert timeline([]).bars == []


def test_monthly_bars() -> None:
    chart = monthly([{"month": "2024-02", "articles": 1}, {"month": "2024-01", "articles": 4}], width=200)
    assert [(b.label, b.x) for b in chart.bars] == [("2024-01: 4", 1.0), ("2024-02: 1", 29.0)]
