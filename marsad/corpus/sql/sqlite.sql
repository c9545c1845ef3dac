-- Every statement the SQLite store runs, by name (see marsad/corpus/store.py, which
-- loads them). Parameters are named (:name). Fragments named filter_* are joined into
-- the statement that has a /*FILTERS*/ marker, each as "AND <fragment>".

-- name: known_keys
SELECT key FROM articles WHERE key IN (SELECT value FROM json_each(:keys))

-- name: insert_article
INSERT INTO articles (key, external_id, url, source, title, published, language, topic, pipeline, origin,
                      ingested_at)
VALUES (:key, :external_id, :url, :source, :title, :published, :language, :topic,
        :pipeline, :origin, :ingested_at)
ON CONFLICT (key) DO NOTHING
RETURNING id

-- name: insert_article_content
INSERT INTO article_contents (article_id, minhash, text, analysis)
VALUES (:id, :minhash, :text, :analysis)

-- name: story_of_article
SELECT story_id FROM articles WHERE id = :id

-- name: insert_story
INSERT INTO stories (first_article_id, n_articles, first_published, last_published)
VALUES (:article_id, 0, :published, :published)
RETURNING id

-- name: join_story
UPDATE stories SET n_articles = n_articles + 1,
    first_published = COALESCE(min(first_published, :published), first_published, :published),
    last_published = COALESCE(max(last_published, :published), last_published, :published)
WHERE id = :story_id

-- name: set_article_story
UPDATE articles SET story_id = :story_id, duplicate_of = :duplicate_of, similarity = :similarity
WHERE id = :id

-- name: insert_search
INSERT INTO article_search (rowid, title, body) VALUES (:id, :title, :body)

-- name: upsert_entity
INSERT INTO entities (key, type, name, name_norm, latin, kb, lat, lon, country, admin1, geo_kind, geo_source_id)
VALUES (:key, :type, :name, :name_norm, :latin, :kb, :lat, :lon, :country, :admin1, :geo_kind, :geo_source_id)
ON CONFLICT (key) DO UPDATE SET
    latin = COALESCE(entities.latin, excluded.latin),
    lat = COALESCE(entities.lat, excluded.lat),
    lon = COALESCE(entities.lon, excluded.lon),
    country = COALESCE(entities.country, excluded.country),
    admin1 = COALESCE(entities.admin1, excluded.admin1),
    geo_kind = COALESCE(entities.geo_kind, excluded.geo_kind),
    geo_source_id = COALESCE(entities.geo_source_id, excluded.geo_source_id)
RETURNING id

-- name: insert_article_entity
INSERT INTO article_entities (article_id, local_id, entity_id, roles, n_mentions, published)
VALUES (:article_id, :local_id, :entity_id, :roles, :n_mentions, :published)

-- name: insert_mention
INSERT OR IGNORE INTO mentions (article_id, local_id, start_offset, end_offset, text)
VALUES (:article_id, :local_id, :start, :end, :text)

-- name: insert_time
INSERT OR IGNORE INTO times (article_id, start_offset, end_offset, text, value, grain)
VALUES (:article_id, :start, :end, :text, :value, :grain)

-- name: insert_quantity
INSERT OR IGNORE INTO quantities (article_id, start_offset, end_offset, text, value, unit)
VALUES (:article_id, :start, :end, :text, :value, :unit)

-- name: insert_quote
INSERT OR IGNORE INTO quotes (article_id, start_offset, end_offset, text, direct, speaker_entity_id)
VALUES (:article_id, :start, :end, :text, :direct, :speaker_entity_id)

-- name: find_corpus_event
SELECT id FROM corpus_events
WHERE signature = :signature
  AND ((:day IS NULL AND date_first IS NULL) OR (date_last >= :low AND date_first <= :high))
ORDER BY id LIMIT 1

-- name: insert_corpus_event
INSERT INTO corpus_events (signature, type, negated, date_first, date_last, location_entity_id,
                           country, admin1, lat, lon)
VALUES (:signature, :type, :negated, :day, :day, :location_entity_id, :country, :admin1, :lat, :lon)
RETURNING id

-- name: insert_corpus_event_participant
INSERT OR IGNORE INTO corpus_event_participants (corpus_event_id, role, entity_id)
VALUES (:corpus_event_id, :role, :entity_id)

-- name: widen_corpus_event
UPDATE corpus_events SET
    date_first = COALESCE(min(date_first, :day), date_first, :day),
    date_last = COALESCE(max(date_last, :day), date_last, :day)
WHERE id = :id

-- name: insert_event
INSERT INTO events (article_id, local_id, corpus_event_id, type, mode, date, negated, confidence,
                    location_entity_id, trigger_start, trigger_end, trigger_text, sentence_start, sentence_end)
VALUES (:article_id, :local_id, :corpus_event_id, :type, :mode, :date, :negated, :confidence,
        :location_entity_id, :trigger_start, :trigger_end, :trigger_text, :sentence_start, :sentence_end)
RETURNING id

-- name: insert_event_participant
INSERT OR IGNORE INTO event_participants (event_id, role, entity_id) VALUES (:event_id, :role, :entity_id)

-- name: count_corpus_event_reports
UPDATE corpus_events SET
    n_reports = (SELECT COUNT(*) FROM events WHERE corpus_event_id = :id),
    n_articles = (SELECT COUNT(DISTINCT article_id) FROM events WHERE corpus_event_id = :id),
    n_sources = (SELECT COUNT(DISTINCT COALESCE(a.source, 'story:' || a.story_id))
                 FROM events e JOIN articles a ON a.id = e.article_id WHERE e.corpus_event_id = :id)
WHERE id = :id

-- name: signatures
SELECT article_id, minhash FROM article_contents WHERE minhash IS NOT NULL ORDER BY article_id

-- name: article
SELECT a.id, a.key, a.external_id, a.url, a.source, a.title, c.text, a.published, a.language, a.topic,
       a.story_id, a.duplicate_of, a.similarity, c.analysis, a.pipeline, a.origin, a.ingested_at
FROM articles a JOIN article_contents c ON c.article_id = a.id
WHERE a.id = :id

-- name: article_texts
SELECT article_id, text FROM article_contents WHERE article_id IN (SELECT value FROM json_each(:ids))

-- name: story_sizes
SELECT id, n_articles FROM stories WHERE id IN (SELECT value FROM json_each(:ids))

-- name: search
SELECT a.id, a.title, a.published, a.source, a.url, a.story_id, r.score
FROM (SELECT rowid AS id, -bm25(article_search, 3.0, 1.0) AS score
      FROM article_search WHERE article_search MATCH :match
      ORDER BY bm25(article_search, 3.0, 1.0) LIMIT :limit) AS r
JOIN articles a ON a.id = r.id
ORDER BY r.score DESC, a.id

-- name: search_filtered
SELECT a.id, a.title, a.published, a.source, a.url, a.story_id, -bm25(article_search, 3.0, 1.0) AS score
FROM article_search JOIN articles a ON a.id = article_search.rowid
WHERE article_search MATCH :match /*FILTERS*/
ORDER BY bm25(article_search, 3.0, 1.0), a.id
LIMIT :limit

-- name: filter_since
a.published >= :since

-- name: filter_until
a.published <= :until

-- name: filter_topic
(a.topic = :topic OR a.taxonomy = :topic)

-- name: filter_entity
a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN (
    SELECT id FROM entities WHERE name_norm = :entity OR kb = :entity_raw OR lower(latin) = :entity_lower
        OR name_norm LIKE :entity_suffix))

-- name: filter_place
a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN (
    SELECT id FROM entities WHERE type IN ('GPE', 'LOC', 'FAC')
        AND (name_norm = :place OR kb = :place_raw OR lower(latin) = :place_lower OR country = :place_raw)))

-- name: filter_type
a.id IN (SELECT ev.article_id FROM events ev WHERE ev.type = :type)

-- name: corpus_events
SELECT ce.id, ce.type, ce.negated, ce.date_first, ce.date_last, loc.name, ce.country, ce.admin1,
       ce.lat, ce.lon, ce.n_reports, ce.n_articles, ce.n_sources
FROM corpus_events ce LEFT JOIN entities loc ON loc.id = ce.location_entity_id
WHERE 1 = 1 /*FILTERS*/
ORDER BY /*ORDER*/
LIMIT :limit OFFSET :offset

-- name: order_date
ce.date_first DESC, ce.id DESC

-- name: order_reports
ce.n_reports DESC, ce.date_first DESC, ce.id DESC

-- name: filter_event_type
ce.type = :type

-- name: filter_event_negated
ce.negated = 0

-- name: filter_event_since
ce.date_last >= :since

-- name: filter_event_until
ce.date_first <= :until

-- name: filter_event_country
ce.country = :country

-- name: filter_event_admin1
ce.admin1 = :admin1

-- name: filter_event_min_reports
ce.n_reports >= :min_reports

-- name: filter_event_actor
ce.id IN (SELECT p.corpus_event_id FROM corpus_event_participants p WHERE p.role = 'actor'
          AND p.entity_id IN (SELECT id FROM entities WHERE name_norm = :actor OR kb = :actor_raw
              OR lower(latin) = :actor_lower OR name_norm LIKE :actor_suffix))

-- name: filter_event_recipient
ce.id IN (SELECT p.corpus_event_id FROM corpus_event_participants p WHERE p.role = 'recipient'
          AND p.entity_id IN (SELECT id FROM entities WHERE name_norm = :recipient OR kb = :recipient_raw
              OR lower(latin) = :recipient_lower OR name_norm LIKE :recipient_suffix))

-- name: corpus_event_participants
SELECT p.corpus_event_id, p.role, en.name, en.type, en.kb, en.latin
FROM corpus_event_participants p JOIN entities en ON en.id = p.entity_id
WHERE p.corpus_event_id IN (SELECT value FROM json_each(:ids))
ORDER BY p.corpus_event_id, p.role, en.name

-- name: corpus_event_reports
-- The first :per_event reports of each event, oldest first (all of them when it is null); the
-- article texts are read for those rows only.
SELECT r.corpus_event_id, r.article_id, a.title, a.source, a.url, a.published, r.date, r.mode, r.trigger_text,
       substr(c.text, r.sentence_start + 1, r.sentence_end - r.sentence_start)
FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.corpus_event_id ORDER BY a.published, e.article_id, e.id) AS rank
      FROM events e JOIN articles a ON a.id = e.article_id
      WHERE e.corpus_event_id IN (SELECT value FROM json_each(:ids))) r
JOIN articles a ON a.id = r.article_id JOIN article_contents c ON c.article_id = r.article_id
WHERE :per_event IS NULL OR r.rank <= :per_event
ORDER BY r.corpus_event_id, r.rank

-- name: find_entities
SELECT en.id, en.key, en.type, en.name, en.latin, en.kb, en.country, en.admin1, en.lat, en.lon,
       (SELECT COUNT(*) FROM article_entities ae WHERE ae.entity_id = en.id) AS n_articles
FROM entities en
WHERE en.name_norm = :name OR en.kb = :name_raw OR lower(en.latin) = :name_lower OR en.name_norm LIKE :name_suffix
ORDER BY n_articles DESC, en.id
LIMIT 20

-- name: entity_months
SELECT substr(published, 1, 7) AS month, COUNT(*), SUM(n_mentions)
FROM article_entities WHERE entity_id = :id
GROUP BY month ORDER BY month

-- name: entity_roles
SELECT roles, COUNT(*) FROM article_entities WHERE entity_id = :id GROUP BY roles

-- name: entity_cooccurring
SELECT en.name, en.type, en.kb, COUNT(*) AS n
FROM article_entities x
JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
JOIN entities en ON en.id = y.entity_id
WHERE x.entity_id = :id
GROUP BY en.id, en.name, en.type, en.kb
ORDER BY n DESC, en.name
LIMIT :limit

-- name: entity_event_roles
SELECT p.role, ce.type, COUNT(*), SUM(ce.n_reports)
FROM corpus_event_participants p JOIN corpus_events ce ON ce.id = p.corpus_event_id
WHERE p.entity_id = :id AND ce.negated = 0
GROUP BY p.role, ce.type
ORDER BY p.role, COUNT(*) DESC, ce.type

-- name: entity_quotes
SELECT COUNT(*) FROM quotes WHERE speaker_entity_id = :id

-- name: stats_articles
SELECT COUNT(*), MIN(published), MAX(published), COUNT(DISTINCT source), COUNT(DISTINCT story_id)
FROM articles

-- name: stats_counts
SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM corpus_events),
       (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM quotes),
       (SELECT COUNT(*) FROM times), (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL)

-- name: stats_event_types
SELECT type, COUNT(*), SUM(n_reports) FROM corpus_events WHERE negated = 0 GROUP BY type ORDER BY COUNT(*) DESC, type

-- name: stats_sources
SELECT source, COUNT(*) FROM articles GROUP BY source ORDER BY COUNT(*) DESC, source NULLS LAST LIMIT 20

-- name: table_counts
SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM article_search),
       (SELECT COUNT(*) FROM article_contents),
       (SELECT COUNT(*) FROM stories), (SELECT COALESCE(SUM(n_articles), 0) FROM stories),
       (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM article_entities),
       (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM corpus_events),
       (SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM times), (SELECT COUNT(*) FROM quantities)

-- name: set_article_taxonomy
UPDATE articles SET taxonomy = :taxonomy WHERE id = :id

-- name: insert_keyword
INSERT INTO article_keywords (article_id, term, label, weight) VALUES (:article_id, :term, :label, :weight)
ON CONFLICT (article_id, term) DO NOTHING

-- name: keyword_facet
-- The terms most articles among `ids` have as keywords; ties go to the heavier total weight.
-- A term's label is any one of its articles' spellings (they differ in hamza or ta marbuta only).
SELECT term, COALESCE(MIN(label), term), COUNT(*) AS n, SUM(weight) AS total FROM article_keywords
WHERE article_id IN (SELECT value FROM json_each(:ids))
GROUP BY term ORDER BY n DESC, total DESC, term LIMIT :limit
