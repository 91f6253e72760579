-- Capture records as read from captures (shared/spec/capture-format.md).
-- Keys are the capture's own ids as text; the global key of a record is (site, id).
-- `extra` keeps unknown fields as a JSON object text. Timestamps are Unix epoch milliseconds (UTC).
-- `capture` names the capture (manifest id) that last wrote the row; re-importing the same
-- capture is idempotent (INSERT OR REPLACE on the natural key inside one transaction per batch).

CREATE TABLE capture (
  id            TEXT PRIMARY KEY,
  version       INTEGER NOT NULL,
  collected_at  INTEGER,
  collector     TEXT,
  notes         TEXT,
  source_path   TEXT,
  status        TEXT NOT NULL,          -- 'importing' | 'complete'
  records       INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  started_at    INTEGER NOT NULL,
  finished_at   INTEGER,
  extra         TEXT
);

CREATE TABLE site (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  url       TEXT,
  software  TEXT,
  capture   TEXT NOT NULL,
  extra     TEXT
);

CREATE TABLE board (
  site      TEXT NOT NULL,
  id        TEXT NOT NULL,
  name      TEXT,
  parent    TEXT,
  capture   TEXT NOT NULL,
  extra     TEXT,
  PRIMARY KEY (site, id)
);

CREATE TABLE thread (
  site        TEXT NOT NULL,
  id          TEXT NOT NULL,
  board       TEXT,
  title       TEXT,
  author      TEXT,
  created_at  INTEGER,
  capture     TEXT NOT NULL,
  extra       TEXT,
  PRIMARY KEY (site, id)
);

CREATE TABLE account (
  site           TEXT NOT NULL,
  id             TEXT NOT NULL,
  username       TEXT NOT NULL,
  registered_at  INTEGER,
  role           TEXT,
  signature      TEXT,
  profile        TEXT,                  -- JSON object of key -> string
  capture        TEXT NOT NULL,
  extra          TEXT,
  PRIMARY KEY (site, id)
);

CREATE TABLE post (
  site        TEXT NOT NULL,
  id          TEXT NOT NULL,
  thread      TEXT,
  author      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  text        TEXT NOT NULL,
  reply_to    TEXT,
  quotes      TEXT,                     -- JSON array of post ids
  capture     TEXT NOT NULL,
  extra       TEXT,
  PRIMARY KEY (site, id)
);
CREATE INDEX post_author ON post (site, author, created_at);
CREATE INDEX post_thread ON post (site, thread, created_at);

CREATE TABLE message (
  site        TEXT NOT NULL,
  id          TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  text        TEXT NOT NULL,
  subject     TEXT,
  recipients  TEXT NOT NULL,            -- JSON array of account ids
  capture     TEXT NOT NULL,
  extra       TEXT,
  PRIMARY KEY (site, id)
);
CREATE INDEX message_author ON message (site, author, created_at);

-- Attachments of posts (item_kind='post') and messages (item_kind='message'): hashes only.
CREATE TABLE attachment (
  site         TEXT NOT NULL,
  id           TEXT NOT NULL,
  item_kind    TEXT NOT NULL,
  item         TEXT NOT NULL,
  account      TEXT NOT NULL,
  name         TEXT,
  mime         TEXT,
  size         INTEGER,
  md5          TEXT,
  sha1         TEXT,
  sha256       TEXT,
  pdq          TEXT,
  pdq_quality  INTEGER,
  pdq_policy   TEXT,
  photodna     TEXT,
  capture      TEXT NOT NULL,
  extra        TEXT,
  PRIMARY KEY (site, id)
);
CREATE INDEX attachment_item ON attachment (site, item_kind, item);
CREATE INDEX attachment_account ON attachment (site, account);

-- Every rejected record of every import, located.
CREATE TABLE rejected_record (
  capture  TEXT NOT NULL,
  file     TEXT NOT NULL,
  line     INTEGER NOT NULL,
  field    TEXT NOT NULL,
  problem  TEXT NOT NULL,
  PRIMARY KEY (capture, file, line, field)
);
