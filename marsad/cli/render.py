"""The readable Arabic summary `marsad analyze --format text` prints for a person."""

from __future__ import annotations

from marsad.document import Document

_WIDTH = 100


def _clip(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(doc: Document, *, source: str | None = None) -> str:
    lines: list[str] = []
    lines.append(f"■ {doc.headline or _clip(doc.text, 80)}")
    facts = [f"تاريخ النشر: {doc.published or 'غير معروف'}", f"اللغة: {doc.language}"]
    if source:
        facts.insert(0, f"الملف: {source}")
    lines.append("  " + " | ".join(facts))
    counts = [
        ("الجمل", doc.sentences), ("الكيانات", doc.entities), ("التواريخ", doc.times),
        ("الأعداد", doc.quantities), ("الأحداث", doc.events), ("الاقتباسات", doc.quotes),
    ]  # fmt: skip
    lines.append("  " + "  ".join(f"{label}: {len(items)}" for label, items in counts))
    if doc.topic:
        taxonomy = f" | التصنيف: {doc.topic.taxonomy}" if doc.topic.taxonomy else ""
        lines.append(f"  الموضوع: {doc.topic.label}{taxonomy}")
    if doc.keywords:
        labels = (keyword.label or keyword.term for keyword in doc.keywords)
        lines.append("  الكلمات المفتاحية: " + "، ".join(labels))
    if doc.gist:
        lines.append(f"  الخلاصة: {_clip(doc.gist)}")
    if doc.summary:
        lines.append("")
        lines.append("الملخص:")
        lines.extend(f"  • {_clip(s)}" for s in doc.summary)
    if doc.entities:
        lines.append("")
        lines.append("الكيانات:")
        for entity in doc.entities:
            extra = [x for x in (entity.latin, entity.kb, "، ".join(entity.roles)) if x]
            suffix = f"  ({' | '.join(extra)})" if extra else ""
            lines.append(f"  {entity.id} [{entity.type}] {entity.name} ×{len(entity.mentions)}{suffix}")
    if doc.times:
        lines.append("")
        lines.append("التواريخ:")
        lines.extend(f"  {t.text} → {t.value or '؟'} ({t.grain})" for t in doc.times)
    if doc.quantities:
        lines.append("")
        lines.append("الأعداد:")
        for quantity in doc.quantities:
            about = "≈" if quantity.approximate else ""
            kind = f" ({quantity.kind})" if quantity.kind else ""
            lines.append(f"  {quantity.text} → {about}{quantity.value} {quantity.unit or ''}".rstrip() + kind)
    if doc.events:
        names = {e.id: e.name for e in doc.entities}
        lines.append("")
        lines.append("الأحداث:")
        for event in doc.events:
            actors = "، ".join(names.get(a, a) for a in event.actors) or "؟"
            targets = "، ".join(names.get(r, r) for r in event.recipients) or "-"
            where = names.get(event.location or "", "-")
            negation = " (منفي)" if event.negated else ""
            lines.append(
                f"  {event.id} {event.type}{'/' + event.mode if event.mode else ''}{negation}: "
                f"{actors} ← {event.trigger.text} → {targets} | {where} | {event.date or '-'}"
            )
    if doc.quotes:
        names = {e.id: e.name for e in doc.entities}
        lines.append("")
        lines.append("الاقتباسات:")
        for quote in doc.quotes:
            speaker = names.get(quote.speaker or "", "؟")
            kind = "مباشر" if quote.direct else "منقول"
            lines.append(f"  {speaker} ({kind}): {_clip(quote.text, 80)}")
    lines.append("")
    lines.append("الجمل:")
    for number, sentence in enumerate(doc.sentences, 1):
        lines.append(f"  {number:>2}. {_clip(doc.text[sentence.start : sentence.end])}")
    return "\n".join(lines)
