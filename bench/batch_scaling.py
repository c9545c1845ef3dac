"""Batch throughput: Spark local[1] against local[2], and the per-core rate against ingest.

Samples articles of 300-500 words from the ANT corpus (../shared/data/topics, read-only;
nothing of it is written into the repository, the sample lives in a temporary folder),
then runs `marsad batch --engine spark` on them with local[1] and with local[2], each in
a fresh process (a SparkSession's master cannot change), and `marsad ingest` with one
worker into a temporary SQLite store. Prints articles/s for each, the local[2]/local[1]
ratio (target >= 1.7) and Spark's per-core rate against ingest's (target within 20%).
The machine's load average is printed before and after: on a shared machine, wall-clock
figures taken under load say more about the neighbours than about Marsad, so each run
also reports articles per CPU-second of its whole process tree (the per-core rate).

    .venv/bin/python bench/batch_scaling.py [--articles 5000] [--partitions 8] [--no-ingest]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Figures show as they come: a run takes many minutes.
print = functools.partial(print, flush=True)
ROOT = Path(__file__).resolve().parent.parent
TOPICS = ROOT.parent / "shared" / "data" / "topics"


def sample_articles(count: int, min_words: int, max_words: int, seed: int) -> list[dict[str, str | None]]:
    """Articles of min_words..max_words words, shuffled with `seed` (as bench/ingest.py samples)."""
    records = []
    for name in ("ant-v2.1-train.jsonl.gz", "ant-v2.1-dev.jsonl.gz"):
        with gzip.open(TOPICS / name, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if min_words <= len(row["text"].split()) <= max_words:
                    records.append({
                        "id": f"ant:{row['docno']}", "title": row["title"], "text": row["text"],
                        "published": row.get("time") or None, "source": row.get("src"), "url": row.get("url"),
                    })  # fmt: skip
    random.Random(seed).shuffle(records)
    return records[:count]


def tree_cpu_seconds(pid: int, command: str | None = None) -> float:
    """CPU time (user + system) of a process and all its descendants, living and reaped;
    with `command`, of the processes of that name only (`java`: the JVM)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, queue = 0, [pid]
    while queue:
        current = queue.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            fields = stat[stat.rfind(")") + 2 :].split()
            if command is None or stat[stat.find("(") + 1 : stat.rfind(")")] == command:
                total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
            for task in Path(f"/proc/{current}/task").iterdir():
                queue.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return total / ticks


def run_spark_once(master: str, input_path: str, output: str, partitions: int) -> dict[str, float]:
    """One batch run in this process: session start-up and the run itself, timed apart.

    Besides wall time, the CPU time of the whole process tree (driver, JVM, Python workers)
    during the run: articles per CPU-second is the per-core rate whatever else the machine
    was running, which a shared machine's wall times cannot give. `jvm_cpu_s` is the JVM's
    share of it (the rest is the Python workers' and the driver's), `cores` the CPU time
    over the wall time.
    """
    from marsad.batch.spark import run_spark, spark_session

    started = time.monotonic()
    spark = spark_session(master, shuffle_partitions=partitions)
    spark.sparkContext.setLogLevel("ERROR")
    session_seconds = time.monotonic() - started
    started, cpu, jvm = time.monotonic(), tree_cpu_seconds(os.getpid()), tree_cpu_seconds(os.getpid(), "java")
    rows = run_spark(spark, input_path, output, partitions=partitions)
    seconds, cpu = time.monotonic() - started, tree_cpu_seconds(os.getpid()) - cpu
    jvm = tree_cpu_seconds(os.getpid(), "java") - jvm
    spark.stop()
    return {"master": master, "session_s": round(session_seconds, 2), "run_s": round(seconds, 2),
            "cpu_s": round(cpu, 1), "jvm_cpu_s": round(jvm, 1), "cores": round(cpu / seconds, 2),
            "articles": rows["articles"], "rejects": rows["rejects"],
            "articles_per_s": round(rows["articles"] / seconds, 2),
            "articles_per_cpu_s": round(rows["articles"] / cpu, 2)}  # fmt: skip


def spark_in_child(master: str, input_path: str, output: str, partitions: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", master, input_path, output, str(partitions)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def ingest_once(input_path: str, folder: Path) -> dict[str, float]:
    from marsad.corpus import open_store
    from marsad.corpus.ingest import IngestOptions, ingest

    with open_store(f"sqlite:///{folder / 'ingest.db'}") as store:
        cpu = tree_cpu_seconds(os.getpid())
        summary = ingest([input_path], store, IngestOptions(workers=1, rejects_path=None))
        cpu = tree_cpu_seconds(os.getpid()) - cpu
    return {"workers": 1, "run_s": round(summary.seconds, 2), "cpu_s": round(cpu, 1),
            "articles": summary.stored, "articles_per_s": round(summary.stored / summary.seconds, 2),
            "articles_per_cpu_s": round(summary.stored / cpu, 2)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--min-words", type=int, default=300)
    parser.add_argument("--max-words", type=int, default=500)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-ingest", action="store_true", help="Skip the ingest comparison.")
    parser.add_argument(
        "--child", nargs=4, metavar=("MASTER", "INPUT", "OUTPUT", "PARTITIONS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        master, input_path, output, partitions = args.child
        print(json.dumps(run_spark_once(master, input_path, output, int(partitions))))
        return
    if not TOPICS.is_dir():
        sys.exit(f"needs the ANT corpus at {TOPICS} (../shared/data/topics)")
    from marsad.pipeline import DEFAULT_STAGES

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
          f"load average before: {os.getloadavg()}")  # fmt: skip
    print(f"pipeline: {', '.join(DEFAULT_STAGES)}")
    records = sample_articles(args.articles, args.min_words, args.max_words, args.seed)
    with tempfile.TemporaryDirectory(prefix="marsad-batch-bench-") as tmp:
        folder = Path(tmp)
        input_path = folder / "articles.jsonl"
        input_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        words = sum(len(str(r["text"]).split()) for r in records) / len(records)
        print(f"input: {len(records)} ANT articles, {words:.0f} words on average")
        one = spark_in_child("local[1]", str(input_path), str(folder / "out1"), args.partitions)
        print("spark local[1]:", json.dumps(one))
        two = spark_in_child("local[2]", str(input_path), str(folder / "out2"), args.partitions)
        print("spark local[2]:", json.dumps(two))
        speed_up = two["articles_per_s"] / one["articles_per_s"]
        print(f"speed-up local[2] / local[1], wall time: {speed_up:.2f} (target >= 1.7)")
        efficiency = two["articles_per_cpu_s"] / one["articles_per_cpu_s"]
        print(f"articles per CPU-second, local[2] / local[1]: {efficiency:.2f} (1.0: no cost to parallelism)")
        if not args.no_ingest:
            single = ingest_once(str(input_path), folder)
            print("ingest --workers 1:", json.dumps(single))
            ratio = one["articles_per_s"] / single["articles_per_s"]
            print(
                f"per-core rate, spark local[1] / ingest --workers 1, wall: {ratio:.2f} (target 0.8 .. 1.2)"
            )
            ratio = one["articles_per_cpu_s"] / single["articles_per_cpu_s"]
            print(f"per-core rate, spark local[1] / ingest --workers 1, CPU time: {ratio:.2f}")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
