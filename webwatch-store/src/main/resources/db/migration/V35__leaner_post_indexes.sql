-- Post indexes that earn their cost (each is rebuilt after every bulk import into an empty
-- table, which is most of the import's serial tail; docs/store.md "Performance design"):
-- * post_reply_to only holds replies: lookups are `reply_to IN (...)` (DossierQueries.contacts),
--   which implies NOT NULL, so SQLite still uses this partial index.
-- * post_thread (site, thread, created_at) is dropped: no query reads posts by thread.
--   A thread view would add it back in its own migration.
DROP INDEX IF EXISTS post_reply_to;
CREATE INDEX post_reply_to ON post (site, reply_to) WHERE reply_to IS NOT NULL;
DROP INDEX IF EXISTS post_thread;
