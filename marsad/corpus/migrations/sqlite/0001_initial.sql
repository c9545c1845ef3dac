-- Marsad corpus schema, version 1 (SQLite). One row per stored article; every layer of
-- its analysis in its own table so that queries over entities, events and places use
-- indexes; the full Document JSON kept beside them so nothing of the contract is lost.

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    first_article_id INTEGER NOT NULL,
    n_articles INTEGER NOT NULL DEFAULT 0,
    first_published TEXT,
    last_published TEXT
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    external_id TEXT,
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    topic TEXT,
    story_id INTEGER REFERENCES stories(id),
    duplicate_of INTEGER REFERENCES articles(id),
    similarity REAL,
    pipeline TEXT NOT NULL,
    origin TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_topic ON articles(topic);

-- The large parts of an article, apart, so that ranking and filtering read narrow rows.
-- The MinHash signature comes first: ingest reads every signature at start-up.
CREATE TABLE article_contents (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    name_norm TEXT NOT NULL,
    latin TEXT,
    kb TEXT,
    lat REAL,
    lon REAL,
    country TEXT,
    admin1 TEXT,
    geo_kind TEXT,
    geo_source_id TEXT
);
CREATE INDEX entities_name_norm ON entities(name_norm);
CREATE INDEX entities_kb ON entities(kb);

CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    roles TEXT NOT NULL,
    n_mentions INTEGER NOT NULL,
    published TEXT,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset, local_id)
);

CREATE TABLE times (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    grain TEXT NOT NULL,
    PRIMARY KEY (article_id, start_offset, end_offset)
);

CREATE TABLE quantities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT,
    PRIMARY KEY (article_id, start_offset, end_offset)
);

CREATE TABLE quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    speaker_entity_id INTEGER REFERENCES entities(id),
    PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

-- One real-world event, merged from the reports of it in every article.
CREATE TABLE corpus_events (
    id INTEGER PRIMARY KEY,
    signature TEXT NOT NULL,
    type TEXT NOT NULL,
    negated INTEGER NOT NULL,
    date_first TEXT,
    date_last TEXT,
    location_entity_id INTEGER REFERENCES entities(id),
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corpus_events_signature ON corpus_events(signature, date_last);
CREATE INDEX corpus_events_date ON corpus_events(date_first);
CREATE INDEX corpus_events_type_date ON corpus_events(type, date_first);
CREATE INDEX corpus_events_place ON corpus_events(country, admin1);
CREATE INDEX corpus_events_reports ON corpus_events(n_reports DESC, date_first DESC);

CREATE TABLE corpus_event_participants (
    corpus_event_id INTEGER NOT NULL REFERENCES corpus_events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (corpus_event_id, role, entity_id)
);
CREATE INDEX corpus_event_participants_entity ON corpus_event_participants(entity_id, role);

-- One report of an event in one article.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    corpus_event_id INTEGER NOT NULL REFERENCES corpus_events(id),
    type TEXT NOT NULL,
    mode TEXT,
    date TEXT,
    negated INTEGER NOT NULL,
    confidence REAL NOT NULL,
    location_entity_id INTEGER REFERENCES entities(id),
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    UNIQUE (article_id, local_id)
);
CREATE INDEX events_corpus_event ON events(corpus_event_id);
CREATE INDEX events_type ON events(type);

CREATE TABLE event_participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event_id, role, entity_id)
);

-- Search terms (see marsad/corpus/search.py), not surface words; contentless, since the
-- text itself is in articles and snippets are cut from it.
CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 0');
