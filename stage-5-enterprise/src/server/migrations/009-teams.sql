-- Stage 5 teams: the viewer role, ownership offered and accepted in two steps, invitations sent
-- again, and invitation links for an email domain.

-- viewer: below member; chats and reads patterns, nothing else (src/server/roles.ts).
ALTER TABLE memberships DROP CONSTRAINT memberships_role_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('owner', 'admin', 'member', 'viewer'));
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('owner', 'admin', 'member', 'viewer'));

-- An invitation is for one email (used once), or for everyone whose email is on one domain (used
-- by each of them until it expires or is revoked; accepted_at stays null). Never both.
ALTER TABLE invitations ALTER COLUMN email DROP NOT NULL;
ALTER TABLE invitations
  ADD COLUMN domain text CHECK (domain = lower(domain) AND length(domain) BETWEEN 3 AND 253),
  ADD CONSTRAINT invitations_email_or_domain CHECK ((email IS NULL) <> (domain IS NULL));

-- Resending gives the invitation a new token (the old link dies) and a new expiry; sent_at is
-- when it was last mailed, which throttles the next resend.
ALTER TABLE invitations ADD COLUMN sent_at timestamptz NOT NULL DEFAULT now();
GRANT UPDATE (token_hash, expires_at, sent_at) ON invitations TO journey_app;

-- At most one pending offer per organization (its primary key). The offer is a row until it is
-- accepted, declined, cancelled or replaced once expired: then the row is deleted; roles change
-- only on acceptance. The recipient is a member, so they read it inside the organization (forOrg).
CREATE TABLE ownership_transfers (
  org_id     uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  from_user  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  to_user    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (from_user <> to_user)
);

ALTER TABLE ownership_transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE ownership_transfers FORCE ROW LEVEL SECURITY;
CREATE POLICY ownership_transfers_current ON ownership_transfers
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
-- Made, then deleted: never updated.
GRANT SELECT, INSERT, DELETE ON ownership_transfers TO journey_app;
