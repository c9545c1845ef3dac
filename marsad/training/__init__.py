"""Building the artefacts the pipeline loads: lexicons and models, from `../shared/data`."""

from pathlib import Path

# The ANT news corpus, relative to the data folder: its training split feeds the word
# frequencies, the NER word clusters, the keyword weights and the topic classifier; the
# topic classifier is tuned on its dev split.
ANT_TRAIN = Path("topics") / "ant-v2.1-train.jsonl.gz"
ANT_DEV = Path("topics") / "ant-v2.1-dev.jsonl.gz"
