-- A ledger of rows brought in from an earlier stage's database (`migrate:from-stage-2`), by their
-- id there. A second run finds them here and skips them, even those deleted since, so running the
-- upgrade twice changes nothing. Stage 3 → 4 and SQLite → PostgreSQL keep the same ledger.
CREATE TABLE migrated_rows (
  source      TEXT NOT NULL, -- where the row came from, e.g. 'stage-2/patterns'
  source_id   TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  migrated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (source, source_id)
);
