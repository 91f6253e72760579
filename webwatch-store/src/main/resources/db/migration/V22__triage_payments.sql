-- Chain payments between forum accounts of a triage run (payments.csv, written by
-- `triage --chain`); absent when the run had no chain data.
CREATE TABLE triage_payment (
  run           INTEGER NOT NULL REFERENCES triage_run (id),
  from_site     TEXT NOT NULL,
  from_account  TEXT NOT NULL,
  to_site       TEXT NOT NULL,
  to_account    TEXT NOT NULL,
  txid          TEXT NOT NULL,
  time          TEXT NOT NULL,
  amount_sat    INTEGER NOT NULL,
  evidence      TEXT NOT NULL
);
CREATE INDEX triage_payment_from ON triage_payment (run, from_site, from_account);
CREATE INDEX triage_payment_to ON triage_payment (run, to_site, to_account);
