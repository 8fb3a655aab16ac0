-- The audit trail: who did what to whom, from where, in which organization. Append-only for the
-- app (journey_app may INSERT and SELECT, never UPDATE or DELETE), and tamper-evident: each chain's
-- entries are linked by SHA-256 (audit/audit-hash.ts), so a row changed or removed by someone who
-- could (the owner, a superuser, a restored backup) shows up in `pnpm audit:verify`.
--
-- One chain per organization, plus the 'platform' chain for what happens in no organization
-- (logins, logouts, password resets: they belong to a person, who may be in several organizations,
-- and a login failure for an unknown email belongs to nobody). Only the platform admin reads those.
-- org_id has no foreign key on purpose: an organization's trail outlives the organization.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- insertion order: the pages' cursor
  chain        text NOT NULL,        -- org_id as text, or 'platform'
  seq          bigint NOT NULL,      -- 1, 2, 3… within the chain: a gap is a removed row
  org_id       uuid,
  at           timestamptz NOT NULL,
  action       text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_.]+$'),
  actor_type   text NOT NULL CHECK (actor_type IN ('user', 'key', 'admin', 'system')),
  actor_id     text,
  actor_label  text NOT NULL,
  target_type  text,
  target_id    text,
  target_label text,
  ip           text,
  user_agent   text,
  request_id   text,
  summary      jsonb NOT NULL DEFAULT '{}' CHECK (length(summary::text) <= 2000),
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  UNIQUE (chain, seq),
  CHECK ((org_id IS NULL) = (chain = 'platform'))
);
CREATE INDEX audit_log_by_org ON audit_log (org_id, id);

-- Each chain's head: its last seq and hash. Appending locks this row (INSERT … ON CONFLICT DO
-- UPDATE), so two entries for one organization at once wait in line instead of both linking to the
-- same predecessor (a fork). The anchor is where the kept part of the chain starts after pruning
-- (audit:prune, run as the owner): the seq and hash of the last pruned entry.
CREATE TABLE audit_chain_heads (
  chain       text PRIMARY KEY,
  seq         bigint NOT NULL DEFAULT 0,
  hash        text NOT NULL DEFAULT repeat('0', 64),
  anchor_seq  bigint NOT NULL DEFAULT 0,
  anchor_hash text NOT NULL DEFAULT repeat('0', 64)
);

-- The chain this transaction may write: its organization's, or 'platform' outside any.
CREATE FUNCTION app_audit_chain() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT coalesce(app_org_id()::text, 'platform') $$;

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_write ON audit_log FOR INSERT WITH CHECK (chain = app_audit_chain());
CREATE POLICY audit_log_current ON audit_log FOR SELECT USING (org_id = app_org_id());
CREATE POLICY audit_log_platform_admin ON audit_log FOR SELECT USING (app_is_platform_admin());

ALTER TABLE audit_chain_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_chain_heads_current ON audit_chain_heads
  USING (chain = app_audit_chain()) WITH CHECK (chain = app_audit_chain());

-- Append-only: no UPDATE, no DELETE on entries. The head moves forward (seq, hash); its anchor
-- only moves with the owner's pruning.
GRANT SELECT, INSERT ON audit_log TO journey_app;
GRANT SELECT, INSERT ON audit_chain_heads TO journey_app;
GRANT UPDATE (seq, hash) ON audit_chain_heads TO journey_app;
