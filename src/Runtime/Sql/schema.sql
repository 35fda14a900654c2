-- ClaimLang dataset, SQLite form, version 1.
--
-- The one definition of the database layout: `claimc build --emit sqlite` creates its database by running
-- this script, and ClaimLang.Runtime reads databases laid out by it. docs/dataset.md describes every column.
--
-- Conventions
-- * Every top-level table has `ordinal`: the 0-based position of the row in the matching dataset.json
--   array, so that readers can restore the dataset's order (ORDER BY ordinal).
-- * List-valued fields live in child tables with a 0-based `position`.
-- * Booleans are INTEGER 0/1. Calendar days are TEXT 'YYYY-MM-DD'. Absent values are NULL.
-- * `location_file/line/column` say where the declaration is written (NULL when unknown).
-- * Only long-supported SQLite syntax is used (no STRICT tables, no ORDER BY inside aggregates), so that
--   older sqlite3 tools can still open the file.
-- * Foreign keys that may point forward in insertion order are DEFERRABLE INITIALLY DEFERRED; a writer
--   inserts everything inside one transaction with `PRAGMA foreign_keys = ON`.

CREATE TABLE dataset_info (
    format  TEXT    NOT NULL,              -- always 'claimlang-dataset'
    version INTEGER NOT NULL               -- 1
);

CREATE TABLE sources (
    id                    TEXT    NOT NULL PRIMARY KEY,
    ordinal               INTEGER NOT NULL UNIQUE,
    title                 TEXT    NOT NULL,
    published_edtf        TEXT,
    published_start       TEXT,
    published_end         TEXT,
    published_uncertain   INTEGER CHECK (published_uncertain IN (0, 1)),
    published_approximate INTEGER CHECK (published_approximate IN (0, 1)),
    author                TEXT,
    publisher             TEXT,
    url                   TEXT,
    reliability           TEXT    CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    kind                  TEXT,
    lang                  TEXT,
    document              TEXT,
    doc                   TEXT,
    location_file         TEXT,
    location_line         INTEGER,
    location_column       INTEGER
);

CREATE TABLE actors (
    id              TEXT    NOT NULL PRIMARY KEY,
    ordinal         INTEGER NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    kind            TEXT,
    part_of         TEXT    REFERENCES actors (id) DEFERRABLE INITIALLY DEFERRED,
    doc             TEXT,
    location_file   TEXT,
    location_line   INTEGER,
    location_column INTEGER
);

CREATE TABLE actor_aliases (
    actor_id TEXT    NOT NULL REFERENCES actors (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    alias    TEXT    NOT NULL,
    PRIMARY KEY (actor_id, position)
);

CREATE TABLE places (
    id              TEXT    NOT NULL PRIMARY KEY,
    ordinal         INTEGER NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    in_place        TEXT    REFERENCES places (id) DEFERRABLE INITIALLY DEFERRED,
    lat             REAL,
    lon             REAL,
    doc             TEXT,
    location_file   TEXT,
    location_line   INTEGER,
    location_column INTEGER
);

CREATE TABLE predicates (
    name            TEXT    NOT NULL PRIMARY KEY,
    ordinal         INTEGER NOT NULL UNIQUE,
    declared        INTEGER NOT NULL CHECK (declared IN (0, 1)),
    description     TEXT,
    doc             TEXT,
    location_file   TEXT,
    location_line   INTEGER,
    location_column INTEGER
);

CREATE TABLE predicate_params (
    predicate TEXT    NOT NULL REFERENCES predicates (name) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    type      TEXT    NOT NULL CHECK (type IN ('actor', 'place', 'date', 'number', 'text', 'claim')),
    PRIMARY KEY (predicate, position),
    UNIQUE (predicate, name)
);

CREATE TABLE hypotheses (
    id              TEXT    NOT NULL PRIMARY KEY,
    ordinal         INTEGER NOT NULL UNIQUE,
    statement       TEXT    NOT NULL,
    doc             TEXT,
    location_file   TEXT,
    location_line   INTEGER,
    location_column INTEGER
);

CREATE TABLE claims (
    id               TEXT    NOT NULL PRIMARY KEY,
    ordinal          INTEGER NOT NULL UNIQUE,
    label            TEXT    UNIQUE,
    subject          TEXT    NOT NULL,     -- an actor id or a place id
    predicate        TEXT    NOT NULL REFERENCES predicates (name) DEFERRABLE INITIALLY DEFERRED,
    date_edtf        TEXT,
    date_start       TEXT,
    date_end         TEXT,
    date_uncertain   INTEGER CHECK (date_uncertain IN (0, 1)),
    date_approximate INTEGER CHECK (date_approximate IN (0, 1)),
    confidence       TEXT    CHECK (confidence IN ('low', 'moderate', 'high')),
    credibility      INTEGER CHECK (credibility BETWEEN 1 AND 6),
    at_place         TEXT    REFERENCES places (id) DEFERRABLE INITIALLY DEFERRED,
    supersedes       TEXT    REFERENCES claims (id) DEFERRABLE INITIALLY DEFERRED,
    superseded_by    TEXT    REFERENCES claims (id) DEFERRABLE INITIALLY DEFERRED,
    quote            TEXT,
    note             TEXT,
    doc              TEXT,
    location_file    TEXT,
    location_line    INTEGER,
    location_column  INTEGER
);

CREATE TABLE claim_sources (
    claim_id  TEXT    NOT NULL REFERENCES claims (id) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    source_id TEXT    NOT NULL REFERENCES sources (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (claim_id, position),
    UNIQUE (claim_id, source_id)
);

CREATE TABLE claim_args (
    claim_id         TEXT    NOT NULL REFERENCES claims (id) DEFERRABLE INITIALLY DEFERRED,
    position         INTEGER NOT NULL,
    name             TEXT    NOT NULL,     -- the parameter name, or '1', '2', … for an unnamed positional argument
    type             TEXT    NOT NULL CHECK (type IN ('actor', 'place', 'date', 'number', 'text', 'claim', 'name')),
    value            TEXT    NOT NULL,     -- the id, the text, the number as written in dataset.json, or the EDTF text
    value_number     REAL,                 -- number arguments only
    value_start      TEXT,                 -- date arguments only
    value_end        TEXT,                 -- date arguments only
    PRIMARY KEY (claim_id, position),
    UNIQUE (claim_id, name)
);

CREATE TABLE claim_tags (
    claim_id TEXT    NOT NULL REFERENCES claims (id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    tag      TEXT    NOT NULL,
    PRIMARY KEY (claim_id, position)
);

-- Links between declarations that hold lists of ids:
--   source  cites        source
--   claim   contradicts  claim | hypothesis | source   (claim-to-claim rows exist in both directions)
--   claim   supports     claim | hypothesis | source
-- `position` is the 0-based position of to_id in the from-side list of dataset.json.
-- to_id points into the table named by to_kind, so it has no foreign key.
CREATE TABLE relations (
    from_kind TEXT    NOT NULL CHECK (from_kind IN ('source', 'claim')),
    from_id   TEXT    NOT NULL,
    relation  TEXT    NOT NULL CHECK (relation IN ('cites', 'contradicts', 'supports')),
    to_kind   TEXT    NOT NULL CHECK (to_kind IN ('source', 'claim', 'hypothesis')),
    to_id     TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (from_id, relation, to_id),
    UNIQUE (from_id, relation, position)
);

CREATE INDEX actors_part_of        ON actors (part_of);
CREATE INDEX places_in_place       ON places (in_place);
CREATE INDEX claims_subject        ON claims (subject);
CREATE INDEX claims_predicate      ON claims (predicate);
CREATE INDEX claims_date           ON claims (date_start, date_end);
CREATE INDEX claims_at_place       ON claims (at_place);
CREATE INDEX claims_supersedes     ON claims (supersedes);
CREATE INDEX claim_sources_source  ON claim_sources (source_id);
CREATE INDEX claim_args_value      ON claim_args (type, value);
CREATE INDEX claim_tags_tag        ON claim_tags (tag);
CREATE INDEX relations_to          ON relations (to_id, relation);

-- One row per claim with the fields most queries need, in timeline order (earliest day first, undated
-- last, then by id). `sources` and `tags` are comma-separated in their written order; `best_reliability`
-- is the best grade among the claim's sources (A best; NULL when none is rated); `confidence_rank` is
-- 1 (low), 2 (moderate) or 3 (high), for comparisons such as confidence_rank >= 2.
CREATE VIEW claim_overview AS
SELECT
    c.id,
    c.label,
    c.subject,
    COALESCE(sa.name, sp.name) AS subject_name,
    c.predicate,
    c.date_edtf,
    c.date_start,
    c.date_end,
    c.confidence,
    CASE c.confidence WHEN 'low' THEN 1 WHEN 'moderate' THEN 2 WHEN 'high' THEN 3 END AS confidence_rank,
    c.credibility,
    c.at_place,
    ap.name AS at_name,
    (SELECT group_concat(source_id, ',')
       FROM (SELECT cs.source_id FROM claim_sources cs WHERE cs.claim_id = c.id ORDER BY cs.position)) AS sources,
    (SELECT min(s.reliability)
       FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
      WHERE cs.claim_id = c.id) AS best_reliability,
    (SELECT group_concat(tag, ',')
       FROM (SELECT t.tag FROM claim_tags t WHERE t.claim_id = c.id ORDER BY t.position)) AS tags,
    c.supersedes,
    c.superseded_by,
    c.superseded_by IS NOT NULL AS superseded,
    EXISTS (SELECT 1 FROM relations r
             WHERE r.from_id = c.id AND r.relation = 'contradicts' AND r.to_kind IN ('claim', 'source')) AS contradicted,
    c.quote,
    c.note,
    c.location_file,
    c.location_line
FROM claims c
LEFT JOIN actors sa ON sa.id = c.subject
LEFT JOIN places sp ON sp.id = c.subject
LEFT JOIN places ap ON ap.id = c.at_place
ORDER BY COALESCE(c.date_start, c.date_end) IS NULL, COALESCE(c.date_start, c.date_end), c.id;
