-- Triage results imported from a triage output directory (shared/spec/outputs.md).
-- One row in triage_run per import; the newest complete run is the one the server shows.
-- Queue paging is keyset on (run, rank) and on (run, band|site, rank) for filters.

CREATE TABLE triage_run (
  id           INTEGER PRIMARY KEY,
  imported_at  INTEGER NOT NULL,
  source_dir   TEXT NOT NULL,
  status       TEXT NOT NULL,           -- 'importing' | 'complete'
  summary      TEXT,                    -- summary.json as text
  accounts     INTEGER NOT NULL DEFAULT 0,
  persons      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE triage_account (
  run       INTEGER NOT NULL,
  rank      INTEGER NOT NULL,
  site      TEXT NOT NULL,
  account   TEXT NOT NULL,
  username  TEXT,
  person    TEXT NOT NULL,
  score     REAL NOT NULL,
  band      TEXT NOT NULL,
  reasons   TEXT NOT NULL,
  PRIMARY KEY (run, rank)
) WITHOUT ROWID;
CREATE UNIQUE INDEX triage_account_key ON triage_account (run, site, account);
CREATE INDEX triage_account_person ON triage_account (run, person, rank);
CREATE INDEX triage_account_band ON triage_account (run, band, rank);
CREATE INDEX triage_account_site ON triage_account (run, site, rank);

CREATE TABLE triage_person (
  run       INTEGER NOT NULL,
  rank      INTEGER NOT NULL,
  person    TEXT NOT NULL,
  score     REAL NOT NULL,
  band      TEXT NOT NULL,
  accounts  TEXT NOT NULL,              -- site:account|site:account
  reasons   TEXT NOT NULL,
  PRIMARY KEY (run, rank)
) WITHOUT ROWID;
CREATE UNIQUE INDEX triage_person_key ON triage_person (run, person);
CREATE INDEX triage_person_band ON triage_person (run, band, rank);

CREATE TABLE triage_identity (
  run         INTEGER NOT NULL,
  person      TEXT NOT NULL,
  site        TEXT NOT NULL,
  account     TEXT NOT NULL,
  confidence  REAL NOT NULL,
  evidence    TEXT NOT NULL,
  PRIMARY KEY (run, site, account)
) WITHOUT ROWID;
CREATE INDEX triage_identity_person ON triage_identity (run, person);

CREATE TABLE triage_indicator (
  run       INTEGER NOT NULL,
  site      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  item      TEXT NOT NULL,
  account   TEXT NOT NULL,
  category  TEXT NOT NULL,
  start     INTEGER NOT NULL,
  end       INTEGER NOT NULL,
  text      TEXT NOT NULL
);
CREATE INDEX triage_indicator_account ON triage_indicator (run, site, account, category);
CREATE INDEX triage_indicator_item ON triage_indicator (run, site, kind, item);
CREATE INDEX triage_indicator_category ON triage_indicator (run, category);

CREATE TABLE triage_identifier (
  run      INTEGER NOT NULL,
  site     TEXT NOT NULL,
  kind     TEXT NOT NULL,
  item     TEXT NOT NULL,
  account  TEXT NOT NULL,
  type     TEXT NOT NULL,
  value    TEXT NOT NULL,
  valid    INTEGER NOT NULL
);
CREATE INDEX triage_identifier_account ON triage_identifier (run, site, account);
CREATE INDEX triage_identifier_value ON triage_identifier (run, type, value);

CREATE TABLE triage_media (
  run         INTEGER NOT NULL,
  site        TEXT NOT NULL,
  post        TEXT NOT NULL,
  account     TEXT NOT NULL,
  attachment  TEXT NOT NULL,
  status      TEXT NOT NULL,
  source      TEXT,
  category    TEXT,
  distance    INTEGER
);
CREATE INDEX triage_media_account ON triage_media (run, site, account, status);
CREATE INDEX triage_media_status ON triage_media (run, status);

-- explanations.json split per subject: subject_kind 'account' (subject site:account) or 'person'.
CREATE TABLE triage_explanation (
  run           INTEGER NOT NULL,
  subject_kind  TEXT NOT NULL,
  subject       TEXT NOT NULL,
  json          TEXT NOT NULL,
  PRIMARY KEY (run, subject_kind, subject)
) WITHOUT ROWID;
