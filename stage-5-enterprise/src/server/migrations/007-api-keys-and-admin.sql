-- Organization API keys, platform admins, suspension, and support tickets.

-- A key is `jrny_sk_` + 32 random bytes in base62, shown once. Only its SHA-256 is kept: the key
-- is a random secret, not a password, so a fast hash is enough (nobody can guess 2^256 inputs),
-- and unlike encryption there is nothing to decrypt if the database leaks. `prefix` (the first
-- characters) lets a person tell their keys apart.
CREATE TABLE api_keys (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  prefix       text NOT NULL,
  key_hash     text NOT NULL UNIQUE, -- the index every request with a key looks up
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_keys_by_org ON api_keys (org_id, created_at);

CREATE FUNCTION app_key_hash() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.key_hash', true), '') $$;

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY api_keys_current ON api_keys
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
-- Exception: a request with a key does not know its organization yet; db.forApiKey(sha256(key))
-- may read that one key's row, and only it (as invitations_by_token does for invitation tokens).
CREATE POLICY api_keys_by_hash ON api_keys FOR SELECT
  USING (key_hash = app_key_hash());

GRANT SELECT, INSERT ON api_keys TO journey_app;
GRANT UPDATE (last_used_at, revoked_at) ON api_keys TO journey_app;

-- usage_events: who acted, a user or a key.
ALTER TABLE usage_events ADD COLUMN api_key_id uuid REFERENCES api_keys (id) ON DELETE SET NULL;

-- Platform admins: users.is_platform_admin (002-users.sql), set by `pnpm admin:grant` as the
-- database owner. The app may read the flag, never write it (no UPDATE is granted on the column):
-- no route can make anyone an admin.

-- A suspended organization's members see a notice and cannot chat. A comp is a plan given for free.
ALTER TABLE organizations
  ADD COLUMN suspended_at   timestamptz,
  ADD COLUMN suspend_reason text,
  ADD COLUMN comp_reason    text;
GRANT UPDATE (suspended_at, suspend_reason, comp_reason) ON organizations TO journey_app;

-- Billing events, by organization, for the admin panel: stripe_events becomes a tenant table.
-- (Its primary key still sees every id, whatever the policy shows: a replay is found in any org.)
ALTER TABLE stripe_events ADD COLUMN org_id uuid REFERENCES organizations (id) ON DELETE CASCADE;
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY stripe_events_current ON stripe_events
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());

CREATE TABLE support_tickets (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  email      text NOT NULL, -- where the reply goes, kept if the account goes
  message    text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
  status     text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at  timestamptz
);
CREATE INDEX support_tickets_open ON support_tickets (status, created_at);

CREATE TABLE support_replies (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ticket_id  uuid NOT NULL REFERENCES support_tickets (id) ON DELETE CASCADE,
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  admin_id   uuid REFERENCES users (id) ON DELETE SET NULL,
  message    text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE support_tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_tickets FORCE ROW LEVEL SECURITY;
CREATE POLICY support_tickets_current ON support_tickets
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
ALTER TABLE support_replies ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_replies FORCE ROW LEVEL SECURITY;
CREATE POLICY support_replies_current ON support_replies
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
GRANT SELECT, INSERT ON support_tickets, support_replies TO journey_app;
GRANT UPDATE (status, closed_at) ON support_tickets TO journey_app;

-- The platform admin's view: db.forPlatformAdmin(userId) sets app.admin_id, and these policies
-- let every organization's rows through only when the database itself finds that user flagged
-- as a platform admin. A route that forgot its check still shows nothing to anyone else. They
-- only read: an admin's changes (comp, suspend, reply) run inside the organization (db.forOrg).
CREATE FUNCTION app_is_platform_admin() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce((SELECT is_platform_admin FROM users
                          WHERE id = nullif(current_setting('app.admin_id', true), '')::uuid), false) $$;

CREATE POLICY organizations_platform_admin ON organizations FOR SELECT USING (app_is_platform_admin());
CREATE POLICY memberships_platform_admin ON memberships FOR SELECT USING (app_is_platform_admin());
CREATE POLICY patterns_platform_admin ON patterns FOR SELECT USING (app_is_platform_admin());
CREATE POLICY usage_counters_platform_admin ON usage_counters FOR SELECT USING (app_is_platform_admin());
CREATE POLICY usage_events_platform_admin ON usage_events FOR SELECT USING (app_is_platform_admin());
CREATE POLICY subscriptions_platform_admin ON subscriptions FOR SELECT USING (app_is_platform_admin());
CREATE POLICY support_tickets_platform_admin ON support_tickets FOR SELECT USING (app_is_platform_admin());
CREATE POLICY support_replies_platform_admin ON support_replies FOR SELECT USING (app_is_platform_admin());
CREATE POLICY stripe_events_platform_admin ON stripe_events FOR SELECT USING (app_is_platform_admin());
CREATE INDEX usage_events_by_time ON usage_events (created_at); -- the admin panel's chats per day, across organizations
