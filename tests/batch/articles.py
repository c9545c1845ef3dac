"""A generator of varied Arabic news articles for batch tests, from sentences written for it.

Each article is a headline and six to nine sentences drawn from templates whose slots
(people, places, organisations, numbers, days) are filled at random, so two articles
share few word sequences. `near_duplicates` of them are written the way wire copies and
republished stories differ (a word changed, a sentence added), and `bad_lines` are the
records a real dump holds that must be rejected, not crash a run.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

PEOPLE = ("محمد العلي", "سعاد الحسن", "خالد منصور", "ليلى عبد الله", "يوسف الكردي", "نادية سليمان",
          "عمر الخطيب", "هدى يونس", "سامي الراوي", "رنا الشامي")  # fmt: skip
PLACES = ("بغداد", "عمان", "القاهرة", "بيروت", "تونس", "الخرطوم", "دمشق", "الرباط", "صنعاء", "طرابلس",
          "أربيل", "الموصل", "حلب", "البصرة", "نابلس")  # fmt: skip
ORGS = ("الاتحاد العام للشغل", "الهلال الأحمر", "نقابة المحامين", "منظمة الصحة العالمية", "حزب العدالة",
        "الأمم المتحدة", "جامعة الدول العربية", "غرفة التجارة")  # fmt: skip
DAYS = ("السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو")
SOURCES = ("wire-a", "daily-b", "radio-c", None)

HEADLINES = (
    "{place}: تطورات جديدة في ملف {topic}",
    "{person} يتحدث عن {topic}",
    "{org} تدعو إلى معالجة {topic}",
    "جدل في {place} حول {topic}",
)
TOPICS = ("المياه", "الأسعار", "الانتخابات", "الكهرباء", "الصحة", "التعليم", "الأمن", "الزراعة")
SENTENCES = (
    "أعلن {org} اليوم عن خطة جديدة لدعم المزارعين في {place}.",
    "قال {person} إن الحكومة ستفتح باب الحوار مع النقابات خلال {number} أيام.",
    "اجتمع وزير الخارجية مع نظيره من {place} لبحث ملف المياه والحدود.",
    "شهدت مدينة {place} احتجاجات واسعة على ارتفاع أسعار الخبز والوقود.",
    "أكد {person} أن المفاوضات مع {org} وصلت إلى مرحلة حاسمة.",
    "أفادت مصادر محلية بأن {number} أشخاص أصيبوا في حادث سير قرب {place}.",
    "وقعت {place} و{place2} اتفاقية للتعاون في مجال الطاقة المتجددة.",
    "طالب {org} بالإفراج عن الصحفيين المعتقلين منذ شهر {month}.",
    "هاجم مسلحون نقطة تفتيش في ريف {place} مساء {day}.",
    "أعربت منظمات إنسانية عن قلقها من تدهور الأوضاع الصحية في مخيمات {place}.",
    "يعقد البرلمان جلسة طارئة يوم {day} لمناقشة الموازنة العامة.",
    "انتقد {person} قرار رفع الضرائب على السلع الأساسية في {place}.",
    "وصلت قافلة مساعدات تحمل {number} طنا من الأغذية إلى {place}.",
    "اعتقلت قوات الأمن {number} مشتبها بهم في عملية جرت في {place}.",
    "دعا {person} إلى وقف إطلاق النار فورا وفتح الممرات الإنسانية.",
    "نفى المتحدث باسم {org} الأنباء التي تحدثت عن استقالة رئيسه.",
    "ارتفعت درجات الحرارة في {place} إلى مستويات قياسية هذا الأسبوع.",
    "افتتح {person} معرضا للكتاب يشارك فيه {number} ناشرا من عدة دول.",
    "تستضيف {place} الشهر المقبل قمة إقليمية حول الأمن الغذائي.",
    "حذر خبراء اقتصاديون من تراجع قيمة العملة المحلية أمام الدولار.",
    "أعلنت وزارة الصحة تسجيل {number} إصابة جديدة بالحمى في {place}.",
    "تظاهر مئات الطلاب أمام مبنى الجامعة في {place} للمطالبة بتحسين السكن.",
    "استقبل {person} وفدا من {org} لبحث سبل تعزيز التعاون.",
    "فرضت الحكومة حظر تجول ليليا في {place} بعد اشتباكات عنيفة.",
    "ناقش مجلس الوزراء مشروع قانون جديد لتنظيم الإعلام الرقمي.",
    "قالت {org} في بيان إنها سترسل فريقا لتقصي الحقائق إلى {place}.",
    "انقطعت الكهرباء عن أحياء واسعة في {place} لعدة ساعات يوم {day}.",
    "أشاد {person} بجهود فرق الإنقاذ التي عملت طوال الليل في {place}.",
    "تراجعت صادرات {place} من الفوسفات بنسبة {number} في المئة.",
    "هددت {org} بمقاطعة الانتخابات إذا لم تتم مراجعة القوائم في {place}.",
    "زار {person} مستشفى {place} الجديد واطلع على أقسامه.",
    "أطلقت بلدية {place} حملة لتنظيف الشوارع بمشاركة {number} متطوعا.",
)
# Sentences a republished copy adds at its end.
ADDITIONS = ("وتابع المراسل أن الوضع ما زال غامضا حتى ساعة كتابة هذا الخبر.",
             "وكانت الصحيفة قد نشرت تفاصيل أولية عن الموضوع في عدد سابق.")  # fmt: skip


def _fill(template: str, rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    return template.format(
        person=rng.choice(PEOPLE), place=place, place2=place2, org=rng.choice(ORGS),
        number=rng.randint(2, 90), day=rng.choice(DAYS), month=rng.choice(MONTHS), topic=rng.choice(TOPICS),
    )  # fmt: skip


def article(index: int, rng: random.Random) -> dict[str, str | None]:
    """One article record; its identity is an id, a URL or (every third) only its text."""
    body = " ".join(_fill(template, rng) for template in rng.sample(SENTENCES, rng.randint(6, 9)))
    day = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randint(0, 27))
    record: dict[str, str | None] = {
        "title": _fill(rng.choice(HEADLINES), rng),
        "text": body,
        "published": day.isoformat(),
        "source": rng.choice(SOURCES),
    }
    if index % 3 == 0:
        record["id"] = f"doc-{index:05d}"
    elif index % 3 == 1:
        record["url"] = f"https://news.example/{index}"
    return record


def near_duplicate(original: dict[str, str | None], index: int, rng: random.Random) -> dict[str, str | None]:
    """A wire copy: another outlet's id, one word changed or a sentence added, a day later."""
    copy = dict(original)
    copy.pop("id", None)
    copy["url"] = f"https://copy.example/{index}"
    words = str(copy["text"]).split(" ")
    if index % 2:
        position = rng.randrange(len(words))
        words[position] = "أيضا"
        copy["text"] = " ".join(words)
    else:
        copy["text"] = " ".join(words) + " " + rng.choice(ADDITIONS)
    day = dt.date.fromisoformat(str(original["published"])) + dt.timedelta(days=1)
    copy["published"] = day.isoformat()
    copy["source"] = "copy-desk"
    return copy


BAD_LINES = (
    b'{"title": "\xd8\xae\xd8\xa8\xd8\xb1", "text": ',  # JSON cut off
    b'{"title": "no text field here"}',
    b'{"text": 42}',
    b'{"text": "The minister said on Monday that talks would resume next week in Geneva."}',
    b"[1, 2, 3]",
)
BAD_CODES = ("E106", "E107", "E114", "E111", "E107")


@dataclass
class Dataset:
    """What a written dataset holds: its article records and which copy repeats which original."""

    records: list[dict[str, str | None]]
    copies: list[tuple[int, int]]  # (index of the copy in records, index of its original)
    rejects: list[tuple[str, int, str]]  # (file, line, code) of every record that must be rejected


def write_dataset(folder: Path, *, originals: int, duplicates: int, seed: int = 7) -> Dataset:
    """Writes a JSON Lines dataset across two files (one gzipped) and returns what it holds."""
    rng = random.Random(seed)
    records = [article(i, rng) for i in range(originals)]
    sources = [rng.randrange(originals) for _ in range(duplicates)]
    copies = [near_duplicate(records[source], i, rng) for i, source in enumerate(sources)]
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records + copies]
    repeated = lines[0]  # the same article twice: one is rejected as a repeat
    half = len(lines) // 2
    first = [*lines[:half], b"", *BAD_LINES[:2]]
    second = [*lines[half:], repeated, *BAD_LINES[2:]]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "part-a.jsonl").write_bytes(b"\n".join(first) + b"\n")
    with gzip.open(folder / "part-b.jsonl.gz", "wb") as stream:
        stream.write(b"\n".join(second) + b"\n")
    (folder / "_SUCCESS").write_bytes(b"")
    # Line numbers count the blank line; the repeat of record 0 comes first in part-b's tail.
    first_bad = half + 2
    second_bad = len(lines) - half + 1
    rejects = [("part-a.jsonl", first_bad + i, code) for i, code in enumerate(BAD_CODES[:2])]
    rejects.append(("part-b.jsonl.gz", second_bad, "E805"))
    rejects += [("part-b.jsonl.gz", second_bad + 1 + i, code) for i, code in enumerate(BAD_CODES[2:])]
    pairs = [(originals + i, source) for i, source in enumerate(sources)]
    return Dataset(records + copies, pairs, rejects)
