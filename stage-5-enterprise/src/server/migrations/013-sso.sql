-- Single sign-on (OpenID Connect): one configuration per organization, and the logins in flight.

-- The client secret is stored encrypted (AES-256-GCM, sso/secret-box.ts): unlike an API key it
-- must be read back, to send to the provider, so a hash would not do. The key stays outside the
-- database (SSO_ENCRYPTION_KEY), so a leaked dump alone does not give the secret away.
-- One email domain belongs to at most one organization (UNIQUE sees every row, whatever RLS shows).
CREATE TABLE sso_configs (
  org_id                  uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  issuer                  text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
  client_id               text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
  client_secret_encrypted text NOT NULL,
  email_domain            text NOT NULL UNIQUE CHECK (email_domain = lower(email_domain) AND length(email_domain) BETWEEN 3 AND 253),
  sso_required            boolean NOT NULL DEFAULT false,
  -- Who joins just in time gets this role; never owner (an identity provider should not mint owners).
  default_role            text NOT NULL DEFAULT 'member' CHECK (default_role IN ('admin', 'member')),
  updated_by              uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION app_sso_domain() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.sso_domain', true), '') $$;

ALTER TABLE sso_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_configs FORCE ROW LEVEL SECURITY;
CREATE POLICY sso_configs_current ON sso_configs
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
-- Exception: someone signing in is in no organization yet; db.forSsoDomain(domain) may read the
-- one configuration of their email's domain, and only it (as api_keys_by_hash does for keys).
CREATE POLICY sso_configs_by_domain ON sso_configs FOR SELECT
  USING (email_domain = app_sso_domain());

GRANT SELECT, INSERT, DELETE ON sso_configs TO journey_app;
GRANT UPDATE (issuer, client_id, client_secret_encrypted, email_domain, sso_required, default_role, updated_by, updated_at)
  ON sso_configs TO journey_app;

-- A login between "go to your provider" and its callback: what the callback must check (the
-- nonce, the PKCE verifier), found by the SHA-256 of its state. Consumed by DELETE … RETURNING,
-- so a replayed callback finds nothing; a login not finished in 10 minutes is dead.
CREATE TABLE sso_logins (
  state_hash    text PRIMARY KEY,
  org_id        uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sso_logins_by_org ON sso_logins (org_id, expires_at);

CREATE FUNCTION app_sso_state_hash() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.sso_state_hash', true), '') $$;

ALTER TABLE sso_logins ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_logins FORCE ROW LEVEL SECURITY;
CREATE POLICY sso_logins_current ON sso_logins
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
-- Exception: the callback knows only its state; db.forSsoState(sha256(state)) may read and
-- delete that one login, and only it.
CREATE POLICY sso_logins_by_state_read ON sso_logins FOR SELECT USING (state_hash = app_sso_state_hash());
CREATE POLICY sso_logins_by_state_use ON sso_logins FOR DELETE USING (state_hash = app_sso_state_hash());
GRANT SELECT, INSERT, DELETE ON sso_logins TO journey_app;

-- An account made by single sign-on has no password: its provider vouches for it.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
