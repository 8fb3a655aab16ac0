-- Idempotency keys of the public API (/api/v1): a program that retries a POST with the same
-- `Idempotency-Key` gets the first answer again instead of a second pattern.
--
-- One row per organization and key. `fingerprint` is the SHA-256 of the method, path and body:
-- the same key with another request is refused (422). `status` and `body` stay null while the
-- first request runs (a retry meanwhile gets 409), then hold its answer, replayed for 24 hours.
-- Rows older than that are ignored and deleted by the organization's next request with a key (as
-- is a first request unanswered after a minute: the server stopped while running it).
CREATE TABLE idempotency_keys (
  org_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  fingerprint text NOT NULL,
  status      integer CHECK (status BETWEEN 100 AND 599),
  body        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (org_id, created_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_current ON idempotency_keys
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());

GRANT SELECT, INSERT, DELETE ON idempotency_keys TO journey_app;
GRANT UPDATE (status, body) ON idempotency_keys TO journey_app;
