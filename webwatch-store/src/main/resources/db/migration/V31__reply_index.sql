-- Replies to an account's posts (dossier contacts and ego network) without a full scan.
CREATE INDEX post_reply_to ON post (site, reply_to);
