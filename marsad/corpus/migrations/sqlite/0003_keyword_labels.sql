-- Marsad corpus schema, version 3: how articles write each keyword (its label), for people
-- to read; facets still group on the normalised term. Older rows show their term.

ALTER TABLE article_keywords ADD COLUMN label TEXT;
