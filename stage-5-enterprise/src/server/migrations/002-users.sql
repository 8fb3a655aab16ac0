-- Accounts, as in stage 3. The email is stored lowercased (the CHECK refuses anything else), so
-- UNIQUE means unique regardless of case. Only the bcrypt hash of the password is kept.
-- session_version is copied into every session token; raising it ends all older sessions.
-- An account is no tenant's row (signing in finds it by email before any organization is known),
-- so this table has no row-level security; who sees whose email is the members page's query.
CREATE TABLE users (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email             text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  password_hash     text NOT NULL,
  session_version   integer NOT NULL DEFAULT 0,
  is_platform_admin boolean NOT NULL DEFAULT false, -- /admin; set only by `pnpm admin:grant` (see 007)
  created_at        timestamptz NOT NULL DEFAULT now()
);

-- Pending password resets: the SHA-256 of the mailed token, never the token itself.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- Session tokens ended before their time (logout), by their id (the JWT's `jti`), kept until the
-- token would have expired anyway (its `exp`). "Sign out everywhere" raises session_version instead.
CREATE TABLE revoked_sessions (
  token_id   text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_sessions_by_expiry ON revoked_sessions (expires_at);

-- The app may change a password and end sessions, not make itself a platform admin.
GRANT SELECT, INSERT ON users TO journey_app;
GRANT UPDATE (password_hash, session_version) ON users TO journey_app;
GRANT SELECT, INSERT, DELETE ON password_resets, revoked_sessions TO journey_app;
