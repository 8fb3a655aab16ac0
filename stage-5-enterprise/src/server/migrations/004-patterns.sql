-- The taught patterns, now one set per organization (one brain each), with who taught them.
-- Lengths are checked here too, so no client (or bug) can store what the API would refuse.
-- The list is ordered by (created_at, seq); created_at takes clock_timestamp(), not now(), so that
-- patterns added in one transaction (an import) keep their order; seq (the order rows were
-- written in) settles ties, as a clock may give two rows the same microsecond.
CREATE TABLE patterns (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL, -- the pattern stays when its teacher goes
  trigger    text NOT NULL CHECK (length(trigger) BETWEEN 1 AND 200),
  response   text NOT NULL CHECK (length(response) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX patterns_by_org ON patterns (org_id, created_at, seq);

-- No exception here: patterns are seen and written only inside their organization.
ALTER TABLE patterns ENABLE ROW LEVEL SECURITY;
ALTER TABLE patterns FORCE ROW LEVEL SECURITY;
CREATE POLICY patterns_current ON patterns
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());

GRANT SELECT, INSERT, DELETE ON patterns TO journey_app;
GRANT UPDATE (trigger, response, updated_at) ON patterns TO journey_app;
