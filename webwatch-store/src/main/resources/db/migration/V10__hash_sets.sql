-- Known-material hash sets (shared/spec/capture-format.md, "Hash sets"). Hashes only, never media.
-- Matching happens in memory (org.webwatch.media.KnownMedia); these tables keep the sets between
-- runs. A set is replaced inside one transaction, so a failed import leaves the old one intact.
-- Timestamps are Unix epoch milliseconds (UTC).

CREATE TABLE hash_set (
  name           TEXT PRIMARY KEY,
  source         TEXT NOT NULL,
  format         TEXT NOT NULL,          -- 'VICS' | 'CSV' | 'LIST'
  version        TEXT,                   -- e.g. VICS '2.0'
  profile        TEXT,                   -- e.g. VICS 'US', ICSE, or the list's hash type
  negative       INTEGER NOT NULL DEFAULT 0,
  pdq_threshold  INTEGER NOT NULL,
  imported_at    INTEGER NOT NULL,
  entries        INTEGER NOT NULL,
  rejected       INTEGER NOT NULL,
  file_path      TEXT
);

CREATE TABLE hash_entry (
  set_name  TEXT NOT NULL REFERENCES hash_set(name) ON DELETE CASCADE,
  entry_id  TEXT NOT NULL,
  md5       TEXT,
  sha1      TEXT,
  sha256    TEXT,
  pdq       TEXT,
  photodna  TEXT,
  category  TEXT,                        -- 'scheme:code', e.g. 'vic-us:1', 'uk:A', 'ncmec:B2'
  series    TEXT,
  source    TEXT
);

CREATE INDEX hash_entry_set ON hash_entry(set_name);
