-- Import bookkeeping (docs/store.md). A capture's rows are written in ONE transaction together
-- with its `capture` row (status 'complete'); `indexed` turns 1 only after the Lucene commit
-- that holds the capture's documents, so a crash between the two commits is repaired on the
-- next import by re-indexing the capture's rows.
ALTER TABLE capture ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;

-- Accepted and rejected records per data file of each capture (as named inside the capture).
CREATE TABLE capture_file (
  capture   TEXT NOT NULL,
  file      TEXT NOT NULL,
  accepted  INTEGER NOT NULL,
  rejected  INTEGER NOT NULL,
  PRIMARY KEY (capture, file)
);

-- Non-fatal notes of each import (unknown files ignored, dangling references kept).
CREATE TABLE capture_warning (
  capture  TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  message  TEXT NOT NULL,
  PRIMARY KEY (capture, seq)
);
