-- Marsad corpus schema, version 2 (SQLite): the analysts' taxonomy label beside the
-- corpus topic label, and each article's weighted keywords, indexed by term for facets.

ALTER TABLE articles ADD COLUMN taxonomy TEXT;
CREATE INDEX articles_taxonomy ON articles(taxonomy);

CREATE TABLE article_keywords (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    term TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (article_id, term)
);
CREATE INDEX article_keywords_term ON article_keywords(term);
