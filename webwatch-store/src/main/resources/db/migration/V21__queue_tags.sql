-- Queue filters by indicator code and media status as (run, tag, rank) keys, filled at import:
-- a filtered queue page is then a range scan on the tag (O(log n + page)) instead of a walk
-- over all accounts testing each. tag = 'indicator:<code>' or 'media:<status>'.
CREATE TABLE triage_account_tag (
  run   INTEGER NOT NULL,
  tag   TEXT NOT NULL,
  rank  INTEGER NOT NULL,
  PRIMARY KEY (run, tag, rank)
) WITHOUT ROWID;

CREATE TABLE triage_person_tag (
  run   INTEGER NOT NULL,
  tag   TEXT NOT NULL,
  rank  INTEGER NOT NULL,
  PRIMARY KEY (run, tag, rank)
) WITHOUT ROWID;
