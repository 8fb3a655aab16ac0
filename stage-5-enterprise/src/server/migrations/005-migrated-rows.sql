-- A ledger of rows brought in from an earlier stage's database (`migrate:from-stage-3`), by their
-- id there, as in stage 3. A second run finds them here and skips them, even those deleted since,
-- so running the upgrade twice changes nothing.
CREATE TABLE migrated_rows (
  source      text NOT NULL, -- where the row came from, e.g. 'stage-3/patterns'
  source_id   text NOT NULL,
  target_id   text NOT NULL,
  migrated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, source_id)
);
GRANT SELECT, INSERT ON migrated_rows TO journey_app;

-- Later migrations add usage counts and subscriptions (billing) and API keys. A tenant table
-- follows 004-patterns.sql: an org_id column, ENABLE and FORCE ROW LEVEL SECURITY, a policy on
-- app_org_id() with the same WITH CHECK, and grants to journey_app of only what the app needs.
