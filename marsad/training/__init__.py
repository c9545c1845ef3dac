"""Building the artefacts the pipeline loads: lexicons and models, from `../shared/data`."""

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

# The ANT news corpus, relative to the data folder: its training split feeds the word
# frequencies, the NER word clusters, the keyword weights and the topic classifier; the
# topic classifier is tuned on its dev split.
ANT_TRAIN = Path("topics") / "ant-v2.1-train.jsonl.gz"
ANT_DEV = Path("topics") / "ant-v2.1-dev.jsonl.gz"


def ant_articles(corpus: Path) -> Iterator[str]:
    """Each ANT article's title and text, one string, in file order (what the NER word
    vectors and the network's pretraining read)."""
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield "\n".join(record.get(field) or "" for field in ("title", "text"))


def write_npz(path: Path, arrays: dict) -> None:  # type: ignore[type-arg]
    """Writes numpy arrays as a compressed `.npz` whose bytes depend on the arrays only.

    `numpy.savez_compressed` stamps each member with the current time; a fixed stamp makes
    a retrained model byte-identical to the shipped one.
    """
    import zipfile

    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as member:
                np.lib.format.write_array(member, np.asarray(array), allow_pickle=False)
