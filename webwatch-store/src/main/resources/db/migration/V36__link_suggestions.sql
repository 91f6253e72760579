-- Suggested links of a triage run (link-suggestions.csv): pairs of accounts of two persons that
-- the weak-pair model holds more likely than not but did not merge, for an analyst to confirm or
-- reject. best_rank = the better persons.csv rank of the two persons (filled after import), so
-- the review list starts with the suggestions that touch the highest-risk persons.
CREATE TABLE triage_suggestion (
  run         INTEGER NOT NULL,
  site_a      TEXT NOT NULL,
  account_a   TEXT NOT NULL,
  person_a    TEXT NOT NULL,
  site_b      TEXT NOT NULL,
  account_b   TEXT NOT NULL,
  person_b    TEXT NOT NULL,
  confidence  REAL NOT NULL,
  method      TEXT NOT NULL,
  version     TEXT NOT NULL,
  evidence    TEXT NOT NULL,
  best_rank   INTEGER,
  PRIMARY KEY (run, site_a, account_a, site_b, account_b)
) WITHOUT ROWID;
CREATE INDEX triage_suggestion_order ON triage_suggestion (run, best_rank, confidence DESC);
