"""`--engine spark`: the batch run on Apache Spark, from a laptop's cores to a cluster.

The work per article is the local engine's (`process.py`), run inside `mapPartitions`;
what Spark adds is reading and spreading the input, and the dataset-wide steps as Spark
operations, so that nothing has to fit on one machine:

1. Input files are listed through Hadoop's FileSystem (any URI Spark can read: local
   paths, `hdfs://`, `s3a://`, ...). JSON Lines are read with `textFile` as raw bytes (the
   corpus's reader decodes them, as for ingest) and numbered with `zipWithIndex`; Parquet
   with `spark.read.parquet` and its `_metadata` row index.
2. Records are grouped by article identity (`groupByKey` into N partitions by a stable
   hash), which also spreads the work evenly whatever the input's file sizes; the first
   record of each key is analysed, the repeats are rejected.
3. Each partition runs `marsad.service.analyze_many` through `process.analyse_groups`.
   Python workers are reused between tasks (`spark.python.worker.reuse`), so each worker
   process loads the pipeline once (`marsad.resources` caches it per process) and keeps
   it for every later partition it runs.
   Each record comes out as one row with every table nested in it, converted to Spark's
   form once, in the same pass, and cached (memory, then local disk).
4. Near-duplicates: MinHash LSH as Spark SQL expressions (band keys are slices of the
   signature, candidate pairs a self-join on (band, slice), each pair checked with the
   corpus's similarity written as an expression), grouped by connected components
   (iterated smallest-label propagation). Events: merged by key and chained day windows
   with window functions. Rules and ids are those of `dedup.py`, so the output is the
   local engine's, row for row, however the input is partitioned; no Python runs after
   the analysis.
5. Each table is written hash-partitioned and sorted by its key columns (`tables.SORT_KEYS`).
"""

from __future__ import annotations

import os
import sys
import zlib
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from marsad.batch.dedup import EVENT_WINDOW_DAYS, bands
from marsad.batch.io import InputFile, format_of, is_hidden, plain_record
from marsad.batch.process import ARTICLE, REJECTS, Outcome, analyse_groups, parse_record, rejected
from marsad.batch.tables import SCHEMAS, SORT_KEYS, spark_schema
from marsad.corpus.dedup import NUM_PERM, THRESHOLD
from marsad.errors import MarsadError
from marsad.sources.jsonl import FieldMap

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

# Partitions per core when --partitions is not given: enough to even out slow articles.
PARTITIONS_PER_CORE = 4
# The JVM of a local master (driver and executor in one) compiles with C1 only. The JVM's
# work in a batch run is a little per article (rows in, Parquet out) and a lot of code run
# a few times (dozens of query plans, generated code): C2, the optimising compiler, spent
# ~30 CPU-seconds a run recompiling that code, more than it saved, and took those seconds
# from the Python workers' cores (docs/batch.md, "Where the time goes").
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1"


def spark_session(master: str | None = None, *, shuffle_partitions: int | None = None) -> SparkSession:
    """A SparkSession for a batch run; under spark-submit, its master and settings are used."""
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        raise MarsadError("E807") from None
    conf = SparkConf()
    master = master or conf.get("spark.master", "local[*]")
    builder = SparkSession.builder.appName("marsad batch").master(master)
    builder = builder.config("spark.ui.enabled", "false").config("spark.python.worker.reuse", "true")
    if (
        master.startswith("local")
        and not os.environ.get("PYSPARK_PYTHON")
        and not conf.contains("spark.pyspark.python")
    ):
        # Local workers run this interpreter (and so this installation of Marsad); on a cluster,
        # spark.pyspark.python says which Python the executors have (see docs/batch.md).
        os.environ["PYSPARK_PYTHON"] = sys.executable
    if master.startswith("local") and not conf.contains("spark.driver.extraJavaOptions"):
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
    if shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    try:
        return builder.getOrCreate()
    except Exception as error:  # no Java, a bad master URL: one line, not a JVM trace
        raise MarsadError("E809", detail=str(error).strip().splitlines()[0]) from None


def input_files(spark: SparkSession, path: str) -> list[InputFile]:
    """The files of an input (a file or a folder, any Hadoop URI), named as `io.local_input_files` does."""
    jvm = spark.sparkContext._jvm
    root = jvm.org.apache.hadoop.fs.Path(path)
    fs = root.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(root):
        raise MarsadError("E801", source=path)
    qualified = fs.makeQualified(root)
    if fs.getFileStatus(qualified).isFile():
        name = qualified.getName()
        return [InputFile(qualified.toString(), name, format_of(name))]
    prefix = qualified.toString().rstrip("/") + "/"
    found = []
    listing = fs.listFiles(qualified, True)
    while listing.hasNext():
        location = listing.next().getPath().toString()
        relative = location[len(prefix) :]
        if not any(is_hidden(part) for part in relative.split("/")):
            found.append(InputFile(location, relative, format_of(relative)))
    if not found:
        raise MarsadError("E802", source=path)
    return sorted(found, key=lambda item: item.name)


def output_exists(spark: SparkSession, output: str) -> bool:
    """Whether `output` is a folder that already holds something (any Hadoop URI)."""
    path = spark.sparkContext._jvm.org.apache.hadoop.fs.Path(output)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(path):
        return False
    return not fs.getFileStatus(path).isDirectory() or len(fs.listStatus(path)) > 0


def _path_of(uri: str) -> str:
    return unquote(urlparse(uri).path)


def read_records(spark: SparkSession, files: list[InputFile]) -> RDD:
    """`(file, line, payload)` records of every file, as `io.read_local_records` gives them."""
    sc = spark.sparkContext
    parts = []
    for file in (f for f in files if f.format == "jsonl"):
        lines = sc.textFile(file.location, use_unicode=False).zipWithIndex()
        name = file.name
        parts.append(
            lines.filter(lambda item: item[0].strip()).map(lambda item, n=name: (n, item[1] + 1, item[0]))
        )
    parquet = [f for f in files if f.format == "parquet"]
    if parquet:
        from pyspark.sql import functions as F

        names = {_path_of(f.location): f.name for f in parquet}
        frame = spark.read.parquet(*[f.location for f in parquet])
        columns = frame.columns
        frame = frame.select(
            *columns,
            F.col("_metadata.file_path").alias("__file"),
            F.col("_metadata.row_index").alias("__row"),
        )
        parts.append(
            frame.rdd.map(
                lambda row: (
                    names[_path_of(row["__file"])],
                    row["__row"] + 1,
                    plain_record({column: row[column] for column in columns}),
                )
            )
        )
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _stable_partition(key: str) -> int:
    return zlib.crc32(key.encode("utf-8"))


def run_spark(
    spark: SparkSession,
    input_path: str,
    output: str,
    *,
    partitions: int | None = None,
    fields: FieldMap | None = None,
    require_arabic: bool = True,
) -> dict[str, int]:
    """Analyses every article of `input_path` and writes the tables under `output`; returns row counts."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    fields = fields or FieldMap()
    partitions = partitions or PARTITIONS_PER_CORE * spark.sparkContext.defaultParallelism
    parsed = read_records(spark, input_files(spark, input_path)).map(
        lambda record: parse_record(record, fields)
    )
    parse_rejects = parsed.filter(lambda item: item[0] is None).map(lambda item: _wide(rejected(item)))
    analysed = (
        parsed.filter(lambda item: item[0] is not None)
        .map(lambda item: (item[0], item))
        .groupByKey(numPartitions=partitions, partitionFunc=_stable_partition)
        .mapPartitions(lambda groups: map(_wide, analyse_groups(groups, require_arabic=require_arabic)))
    )
    # One row per record, all tables nested in it: converted from Python once, cached in the
    # JVM, and every table and dataset-wide step after this runs without Python.
    wide = spark.createDataFrame(analysed.union(parse_rejects), _wide_schema(), verifySchema=False)
    wide = wide.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        is_article = F.col("kind") == ARTICLE
        (totals,) = wide.agg(
            F.sum(is_article.cast("long")).alias("articles"),
            F.sum((~is_article).cast("long")).alias("rejects"),
            *[F.sum(F.size(table)).alias(table) for table in NESTED_TABLES],
        ).collect()
        counts = {name: int(totals[name] or 0) for name in ("articles", "rejects", *NESTED_TABLES)}
        frames = {
            "articles": wide.where(is_article).select("articles.*"),
            **{table: wide.select(F.explode(table).alias("row")).select("row.*") for table in NESTED_TABLES},
            REJECTS: wide.where(~is_article).select(f"{REJECTS}.*"),
        }
        articles, events, corpus_events = link_dataset(frames["articles"], frames["events"])
        frames.update(articles=articles, events=events, corpus_events=corpus_events.cache())
        counts["corpus_events"] = frames["corpus_events"].count()
        for table, frame in frames.items():
            keys = SORT_KEYS[table]
            sorted_frame = frame.repartition(*keys).sortWithinPartitions(*keys)
            sorted_frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")
    finally:
        spark.catalog.clearCache()
    return {table: counts.get(table, 0) for table in SCHEMAS}


# The per-article tables nested in a wide row as arrays (articles and rejects are structs).
NESTED_TABLES = ("entities", "mentions", "events", "quotes")


def _wide_schema():  # -> StructType
    from pyspark.sql import types as T

    fields = [T.StructField("kind", T.StringType(), False)]
    fields.append(T.StructField("articles", spark_schema(SCHEMAS["articles"]), True))
    for table in NESTED_TABLES:
        fields.append(T.StructField(table, T.ArrayType(spark_schema(SCHEMAS[table])), False))
    fields.append(T.StructField(REJECTS, spark_schema(SCHEMAS[REJECTS]), True))
    return T.StructType(fields)


def _wide(outcome: Outcome) -> tuple:
    """An outcome as one row of `_wide_schema`; nested rows stay dicts, which Spark reads by name."""
    kind, rows = outcome
    article = rows.get("articles")
    reject = rows.get(REJECTS)
    return (
        kind,
        article[0] if article else None,
        *[rows.get(table, []) for table in NESTED_TABLES],
        reject[0] if reject else None,
    )


def frame_of_rows(spark: SparkSession, table: str, rows: list[dict[str, Any]]) -> DataFrame:
    """A DataFrame of one table from row dicts (tests and small inputs)."""
    names = SCHEMAS[table].names
    return spark.createDataFrame([tuple(row[n] for n in names) for row in rows], spark_schema(SCHEMAS[table]))


def link_dataset(articles: DataFrame, events: DataFrame) -> tuple[DataFrame, DataFrame, DataFrame]:
    """Stories on articles, corpus event ids on events, and the corpus events table."""
    stories = find_stories(articles).cache()
    linked = articles.drop("story_id", "duplicate_of", "similarity").join(stories, "article_id")
    linked = linked.select(*SCHEMAS["articles"].names)
    merged = assign_corpus_events(events).select(*SCHEMAS["events"].names)
    corpus = corpus_event_rows(merged, stories.select("article_id", "story_id"))
    return linked, merged, corpus


def _similarity(first: str, second: str) -> Any:
    """`marsad.corpus.dedup.similarity` as a Spark expression: the share of equal 32-bit values."""
    from pyspark.sql import functions as F

    return F.expr(
        f"aggregate(sequence(0, {NUM_PERM - 1}), 0, (n, i) -> n + "
        f"IF(substring({first}, i * 4 + 1, 4) = substring({second}, i * 4 + 1, 4), 1, 0)) / {NUM_PERM}"
    )


def find_stories(articles: DataFrame) -> DataFrame:
    """(article_id, story_id, duplicate_of, similarity) by the rules of `dedup.find_stories`."""
    from pyspark.sql import functions as F

    count, rows = bands()
    width = rows * 4
    signed = articles.select("article_id", "published", "minhash")
    # A signature of an article without shingles is all ones: it has no buckets (dedup.band_keys).
    has_buckets = F.col("minhash").isNotNull() & (F.hex("minhash") != "F" * (NUM_PERM * 8))
    # One node per distinct signature, named by its smallest article id.
    nodes = signed.where(has_buckets).groupBy("minhash").agg(F.min("article_id").alias("node")).cache()
    bucket_keys = F.expr(
        f"transform(sequence(0, {count - 1}), i -> substring(minhash, i * {width} + 1, {width}))"
    )
    buckets = nodes.select("node", "minhash", F.posexplode(bucket_keys).alias("band", "bucket"))
    a, b = buckets.alias("a"), buckets.alias("b")
    candidates = (
        a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.bucket") == F.col("b.bucket")))
        .where(F.col("a.node") < F.col("b.node"))
        .select(F.col("a.node").alias("src"), F.col("b.node").alias("dst"), F.col("a.minhash").alias("sa"),
                F.col("b.minhash").alias("sb"))
        .dropDuplicates(["src", "dst"])
    )  # fmt: skip
    edges = candidates.where(_similarity("sa", "sb") >= F.lit(THRESHOLD)).select("src", "dst").cache()
    labels = _components(edges)
    component = (
        signed.join(nodes, "minhash", "left")
        .join(labels, "node", "left")
        .select(
            "article_id", "published", "minhash", F.coalesce("label", "node", "article_id").alias("component")
        )
    )
    order = F.struct(F.col("published").isNull(), F.coalesce("published", F.lit("")), F.col("article_id"))
    first = component.groupBy("component").agg(F.min(order).alias("first"))
    first = first.select("component", F.col("first.article_id").alias("story_id"))
    first_signature = signed.select(
        F.col("article_id").alias("story_id"), F.col("minhash").alias("story_minhash")
    )
    duplicate = F.col("article_id") != F.col("story_id")
    return (
        component.join(first, "component")
        .join(first_signature, "story_id")
        .select(
            "article_id",
            "story_id",
            F.when(duplicate, F.col("story_id")).alias("duplicate_of"),
            F.when(duplicate, _similarity("minhash", "story_minhash")).alias("similarity"),
        )
    )


def _components(edges: DataFrame) -> DataFrame:
    """(node, label): every node of an edge labelled with the smallest node connected to it.

    Each round gives every node the smallest label among itself and its neighbours; it
    stops when a round changes nothing, after as many rounds as the longest chain of
    near-duplicates (a few, in news). Rounds are checkpointed so the plan stays short.
    """
    from pyspark.sql import functions as F

    both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).cache()
    labels = both.select(F.col("src").alias("node"), F.col("src").alias("label")).distinct().localCheckpoint()
    while True:
        spread = both.join(labels, both.src == labels.node).select(F.col("dst").alias("node"), "label")
        smallest = labels.union(spread).groupBy("node").agg(F.min("label").alias("smallest"))
        updated = (
            smallest.join(labels, "node")
            .select(
                "node", F.col("smallest").alias("label"), (F.col("smallest") != F.col("label")).alias("moved")
            )
            .localCheckpoint()
        )
        if updated.where("moved").isEmpty():
            return updated.drop("moved")
        labels = updated.drop("moved")


def _event_id(*parts: Any) -> Any:
    """`dedup.corpus_event_id` in Spark: "C" + the first 16 hex digits of sha1 of the parts joined by "|"."""
    from pyspark.sql import functions as F

    return F.concat(F.lit("C"), F.substring(F.sha1(F.concat_ws("|", *parts)), 1, 16))


def assign_corpus_events(events: DataFrame) -> DataFrame:
    """Events with `corpus_event_id`, by the rules of `dedup.assign_corpus_events`."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    events = events.drop("corpus_event_id")
    single = events.where(F.col("merge_key").isNull()).withColumn(
        "corpus_event_id", _event_id(F.concat(F.lit("article:"), "article_id"), "event_id")
    )
    undated = events.where(F.col("merge_key").isNotNull() & F.col("day").isNull())
    undated = undated.withColumn("corpus_event_id", _event_id("merge_key"))
    by_day = Window.partitionBy("merge_key").orderBy("day", "article_id", "event_id")
    previous = F.lag("day").over(by_day)
    gap = F.datediff(F.to_date("day"), F.to_date(previous))
    dated = (
        events.where(F.col("merge_key").isNotNull() & F.col("day").isNotNull())
        .withColumn("starts", F.when(previous.isNull() | (gap > EVENT_WINDOW_DAYS), 1).otherwise(0))
        .withColumn(
            "run", F.sum("starts").over(by_day.rowsBetween(Window.unboundedPreceding, Window.currentRow))
        )
        .withColumn("first_day", F.min("day").over(Window.partitionBy("merge_key", "run")))
        .withColumn("corpus_event_id", _event_id("merge_key", "first_day"))
        .drop("starts", "run", "first_day")
    )
    return single.unionByName(undated).unionByName(dated)


def corpus_event_rows(events: DataFrame, story_of: DataFrame) -> DataFrame:
    """The corpus events table, by the rules of `dedup.corpus_event_rows`."""
    from pyspark.sql import functions as F

    place = ("event_type", "negated", "location", "country", "admin1", "lat", "lon")
    source = F.coalesce(F.col("source"), F.concat(F.lit("story:"), F.col("story_id")))
    grouped = (
        events.join(story_of, "article_id")
        .groupBy("corpus_event_id")
        .agg(
            F.min(F.struct("article_id", "event_id", *place)).alias("first"),
            F.min("day").alias("date_first"),
            F.max("day").alias("date_last"),
            F.array_sort(F.array_distinct(F.flatten(F.collect_list("actors")))).alias("actors"),
            F.array_sort(F.array_distinct(F.flatten(F.collect_list("recipients")))).alias("recipients"),
            F.count(F.lit(1)).alias("n_reports"),
            F.countDistinct("article_id").alias("n_articles"),
            F.countDistinct(source).alias("n_sources"),
            F.array_sort(F.collect_set("article_id")).alias("article_ids"),
        )
    )
    columns = {name: F.col(f"first.{name}") for name in place}
    return grouped.select(
        *[columns.get(name, F.col(name)).alias(name) for name in SCHEMAS["corpus_events"].names]
    )
