-- Session tokens ended before their time (logout), by their id (the JWT's `jti`). A row is needed
-- only until the token would have expired anyway; older rows are deleted as new ones come in.
-- ("Sign out everywhere" and a password reset raise users.session_version instead.)
CREATE TABLE revoked_sessions (
  token_id   TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL -- seconds since 1970, the token's own `exp`
);
CREATE INDEX revoked_sessions_by_expiry ON revoked_sessions (expires_at);
