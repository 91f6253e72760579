-- Users, API tokens, sessions, the hash-chained audit log and casework (watchlist, notes,
-- decisions). Secrets are never stored: passwords as Argon2id PHC strings, tokens and session
-- ids as SHA-256 hex.

CREATE TABLE app_user (
  name           TEXT PRIMARY KEY,
  role           TEXT NOT NULL,         -- admin | investigator | viewer
  password_hash  TEXT NOT NULL,
  disabled       INTEGER NOT NULL DEFAULT 0,
  created_at     INTEGER NOT NULL,
  failed_logins  INTEGER NOT NULL DEFAULT 0,
  locked_until   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE api_token (
  token_hash  TEXT PRIMARY KEY,
  user_name   TEXT NOT NULL REFERENCES app_user (name),
  created_at  INTEGER NOT NULL,
  revoked     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE user_session (
  id_hash     TEXT PRIMARY KEY,
  user_name   TEXT NOT NULL REFERENCES app_user (name),
  csrf        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  last_seen   INTEGER NOT NULL
);

-- Append-only; seq 1..n; hash = SHA-256 over canonical fields + prev_hash (org.webwatch.casework.AuditChain).
CREATE TABLE audit_log (
  seq        INTEGER NOT NULL UNIQUE,
  time       INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  target     TEXT NOT NULL,
  detail     TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log (action, seq);

-- The head (last seq and hash) so that a deleted tail is detected.
CREATE TABLE audit_head (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL
);

CREATE TABLE watchlist (
  subject_kind  TEXT NOT NULL,          -- person | account
  subject       TEXT NOT NULL,
  added_by      TEXT NOT NULL,
  added_at      INTEGER NOT NULL,
  reason        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (subject_kind, subject)
);

CREATE TABLE note (
  id            INTEGER PRIMARY KEY,
  subject_kind  TEXT NOT NULL,
  subject       TEXT NOT NULL,
  author        TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  text          TEXT NOT NULL
);
CREATE INDEX note_subject ON note (subject_kind, subject, created_at);

-- Decisions are appended, never updated: the newest per subject is in force.
CREATE TABLE decision (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,            -- referred | dismissed | link-confirmed | link-rejected
  subject     TEXT NOT NULL,            -- person id, or first account (site:account) of a link
  other       TEXT NOT NULL DEFAULT '', -- second account of a link
  reason      TEXT NOT NULL DEFAULT '',
  actor       TEXT NOT NULL,
  decided_at  INTEGER NOT NULL
);
CREATE INDEX decision_subject ON decision (subject, other, id);
