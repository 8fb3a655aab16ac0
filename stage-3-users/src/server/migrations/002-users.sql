-- Accounts. The email is stored lowercased by the app and unique regardless of case. Only the
-- bcrypt hash of the password is kept. session_version is copied into every session token;
-- raising it (on a password reset) makes all older tokens of this user invalid.
CREATE TABLE users (
  id              TEXT PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
  password_hash   TEXT NOT NULL,
  session_version INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Every pattern now belongs to one user. SQLite can only add a nullable column to a table that may
-- have rows; rows from before this migration (if a stage-2 database was opened by stage 3) stay
-- ownerless and are never shown, because every query asks for `user_id = ?`. Bring a stage-2
-- database's patterns in with `pnpm migrate:from-stage-2`, which gives each of them an owner.
ALTER TABLE patterns ADD COLUMN user_id TEXT REFERENCES users (id) ON DELETE CASCADE;
CREATE INDEX patterns_by_user ON patterns (user_id, created_at);

-- Pending password resets: the SHA-256 of the mailed token, never the token itself.
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL -- milliseconds since 1970
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);
