-- Onboarding after signup: where each person is in the "getting started" guide, kept on the
-- server so that it can be skipped here and resumed there (another browser, another day).
--
-- One row per user, written as they move: the step they are on, whether they skipped or finished
-- the guide, and the API key they made in it (its id, never the key: the key is shown once). The
-- key belongs to an organization, so the row says which. A row that does not exist reads as "not
-- started" (onboarding-repo.ts). Whether a key has been used is not stored here: api_keys.last_used_at
-- already says so, for every instance of the server (the "test connection" step reads it).
CREATE TABLE onboarding (
  user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  step       text NOT NULL CHECK (step IN ('welcome', 'key', 'install', 'test')),
  status     text NOT NULL CHECK (status IN ('active', 'skipped', 'done')),
  org_id     uuid REFERENCES organizations (id) ON DELETE SET NULL,
  key_id     uuid REFERENCES api_keys (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A person's own row, and only it: db.forUser(userId) sets app.user_id.
ALTER TABLE onboarding ENABLE ROW LEVEL SECURITY;
ALTER TABLE onboarding FORCE ROW LEVEL SECURITY;
CREATE POLICY onboarding_mine ON onboarding
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());

GRANT SELECT, INSERT ON onboarding TO journey_app;
GRANT UPDATE (step, status, org_id, key_id, updated_at) ON onboarding TO journey_app;
