-- Dossier reads without whole-table scans (docs/store.md, "Dossier reads").
-- Decisions about a subject are looked up by subject (decision_subject) OR by the second account
-- of a link: the OR half needs its own index, else every dossier view scans all decisions.
CREATE INDEX decision_other ON decision (other, id);
