"""Ingest: exact counts, idempotent re-runs, rejects with their reasons, kill -9 and resume."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from marsad.corpus import open_store
from marsad.corpus.ingest import IngestOptions, ingest
from marsad.corpus.store import Store
from marsad.sources.jsonl import FieldMap
from tests.corpus.conftest import FIXTURES, both_backends

ROOT = Path(__file__).resolve().parents[2]
DUMP_FIELDS = FieldMap.parse(
    ["text=content", "title=headline", "published=date", "source=outlet", "id=docid", "url=link"]
)

PLACES = ("بغداد", "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "حلب", "حمص", "دمشق", "صيدا", "طرابلس")
BODIES = ("وزارة الصحة", "وزارة التربية", "مجلس المحافظة", "الدفاع المدني", "وزارة الزراعة", "البلدية")
PLANS = ("مشروعا لتأهيل الطرق", "خطة لتحسين الخدمات", "حملة توعية صحية", "برنامجا لدعم الأسر", "مدرسة جديدة")


def synthetic_articles(count: int) -> list[dict[str, str]]:
    """Distinct short Arabic articles made from a few sentences we wrote, varied by number."""
    articles = []
    for i in range(count):
        place, body, plan = PLACES[i % len(PLACES)], BODIES[i % len(BODIES)], PLANS[i % len(PLANS)]
        text = (
            f"أعلنت {body} في {place} عن {plan} بكلفة {i * 7 + 3} مليون دينار. "
            f"وقال مسؤول إن العمل سيبدأ خلال {i % 9 + 2} أيام ويشمل {i * 3 + 1} حيا. "
            f"وأضاف أن عدد المستفيدين يبلغ {i * 1000 + 17} شخصا في المرحلة الأولى."
        )
        articles.append(
            {
                "id": f"syn-{i}",
                "title": f"{body} في {place}: {plan} رقم {i}",
                "text": text,
                "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            }
        )
    return articles


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def run(paths: list[Path], store: Store, tmp_path: Path, **options: object) -> object:
    settings = {"workers": 1, "rejects_path": tmp_path / "rejects.jsonl", **options}
    return ingest(paths, store, IngestOptions(**settings))  # type: ignore[arg-type]


@both_backends
def test_ingest_stores_every_input_kind_once_and_a_rerun_adds_nothing(store, tmp_path: Path) -> None:
    summary = run([FIXTURES], store, tmp_path, fields=DUMP_FIELDS)
    # 4 article files + 4 dump lines + 2 RSS items + 1 Atom entry
    assert (summary.read, summary.stored, summary.rejected, summary.already_stored) == (11, 11, 0, 0)
    assert summary.near_duplicates == 1  # the two wire copies in dump.jsonl
    counts = store.table_counts()
    assert (counts.articles, counts.search_rows, counts.stories, counts.story_members) == (11, 11, 10, 11)
    again = run([FIXTURES], store, tmp_path, fields=DUMP_FIELDS)
    assert (again.read, again.stored, again.already_stored, again.rejected) == (11, 0, 11, 0)
    assert store.table_counts() == counts
    copy = store.article(store.known_keys(["id:w2"]) and _id_of(store, "id:w2"))
    assert copy["duplicate_of"] == _id_of(store, "id:w1") and copy["source"] == "صحيفة الخبر الثانية"
    feed_item = store.article(_id_of(store, "id:rss-1"))
    assert feed_item["published"] == "2024-06-04" and feed_item["url"] == "https://example.org/rss/1"
    assert feed_item["text"].startswith("وصول قافلة مساعدات إلى ريف حلب\nوصلت قافلة")


def _id_of(store: Store, key: str) -> int:
    from marsad.corpus.queries import search

    for hit in search(store, "في", limit=100, collapse=False):
        if store.article(hit["article_id"])["key"] == key:
            return hit["article_id"]
    raise AssertionError(key)


@both_backends
def test_the_same_article_twice_in_one_input_is_stored_once(store, tmp_path: Path) -> None:
    records = synthetic_articles(3)
    plain = [{"title": r["title"], "text": r["text"]} for r in records]  # no id: keyed by text
    path = write_jsonl(tmp_path / "twice.jsonl", plain + plain[:2])
    gz = tmp_path / "again.jsonl.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    summary = run([path, gz], store, tmp_path)
    assert (summary.read, summary.stored, summary.already_stored) == (10, 3, 7)
    assert store.table_counts().articles == 3


def test_bad_records_are_rejected_with_file_line_and_reason(tmp_path: Path) -> None:
    good = synthetic_articles(2)
    lines = [
        json.dumps(good[0], ensure_ascii=False).encode(),
        b'{"text": "\xd9\x86\xd8\xb5 \xd9\x86\xd8\xa7\xd9\x82\xd8\xb5',  # malformed JSON
        b'{"text": "\x00\x01\x02\x03 binary"}',
        b'{"title": "", "text": ""}',
        b'{"text": "' + bytes(range(0x80, 0xA0)) * 3 + b'"}',  # no encoding makes sense of it
        b'{"text": "' + "ن".encode() * (6 * 1024 * 1024) + b'"}',  # over 10 MB
        json.dumps(
            {"title": "Rain in the north", "text": "Heavy rain closed several roads on Monday."}
        ).encode(),
        b"[1, 2, 3]",
        json.dumps({"text": "خبر قصير عن الطقس.", "published": "غدا"}, ensure_ascii=False).encode(),
        json.dumps(good[1], ensure_ascii=False).encode(),
    ]
    dump = tmp_path / "in" / "mixed.jsonl"
    dump.parent.mkdir()
    dump.write_bytes(b"\n".join(lines) + b"\n")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "in" / "broken.txt.gz").write_bytes(gzip.compress("نص عربي قصير".encode())[:-6])
    rejects = tmp_path / "rejects.jsonl"
    with open_store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        summary = ingest([tmp_path / "in"], store, IngestOptions(workers=1, rejects_path=rejects))
        assert store.table_counts().articles == 2
    assert (summary.read, summary.stored, summary.rejected) == (13, 2, 11)
    found = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    where = {(Path(r["file"]).name, r["line"]): r["code"] for r in found}
    assert where == {
        ("broken.txt.gz", None): "E606",
        ("empty.txt", None): "E103",
        ("image.bin", None): "E104",
        ("mixed.jsonl", 2): "E106",
        ("mixed.jsonl", 3): "E104",
        ("mixed.jsonl", 4): "E110",
        ("mixed.jsonl", 5): "E105",
        ("mixed.jsonl", 6): "E109",
        ("mixed.jsonl", 7): "E111",
        ("mixed.jsonl", 8): "E107",
        ("mixed.jsonl", 9): "E112",
    }
    assert all(r["reason"] for r in found)
    assert sum(summary.reasons.values()) == 11


KILLER = textwrap.dedent("""
    import os, signal, sys
    from marsad.corpus import open_store
    from marsad.corpus.ingest import IngestOptions, ingest
    from marsad.corpus.store import SqlStore

    url, path, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
    original = SqlStore.add_article
    written = 0

    def add_then_die(self, record, duplicate_of=None):
        global written
        result = original(self, record, duplicate_of)
        written += 1
        if written == kill_at:  # in the middle of a batch's transaction
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    SqlStore.add_article = add_then_die
    ingest([path], open_store(url), IngestOptions(workers=1, batch_size=8, rejects_path=None))
""")


def assert_whole(store: Store, articles: int) -> None:
    counts = store.table_counts()
    assert (counts.articles, counts.search_rows, counts.contents, counts.story_members) == (articles,) * 4


@both_backends
def test_a_run_killed_mid_transaction_resumes_to_exact_counts(store_url: str, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "many.jsonl", synthetic_articles(60))
    killed = subprocess.run([sys.executable, "-c", KILLER, store_url, str(path), "20"], cwd=ROOT, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    with open_store(store_url) as store:
        assert_whole(store, 16)  # two batches of 8 committed; the third died half-written
        summary = run([path], store, tmp_path)
        assert (summary.stored, summary.already_stored) == (44, 16)
        assert_whole(store, 60)
        assert run([path], store, tmp_path).stored == 0
        assert_whole(store, 60)


def test_the_cli_killed_at_a_random_moment_resumes_to_exact_counts(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "many.jsonl", synthetic_articles(150))
    url = f"sqlite:///{tmp_path / 'c.db'}"
    command = [
        sys.executable,
        "-c",
        "from marsad.cli import main; main()",
        "ingest",
        str(path),
        "--db",
        url,
        "--workers",
        "2",
        "--no-progress",
        "--rejects",
        str(tmp_path / "r.jsonl"),
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open_store(url) as store:
        while process.poll() is None and store.table_counts().articles < 20:
            pass
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        partial = store.table_counts().articles
        assert 20 <= partial < 150
        assert_whole(store, partial)
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    with open_store(url) as store:
        assert_whole(store, 150)
