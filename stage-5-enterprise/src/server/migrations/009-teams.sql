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

-- Emails are not verified at sign-up, so a domain link never joins by itself: opening it mails an
-- email invitation to the account's own address, and opening that mail joins. via_invitation is the
-- domain invitation it was asked through (one pending mail per person and link; revoking the link
-- deletes its pending mails, accepted ones stay as history).
ALTER TABLE invitations
  ADD COLUMN via_invitation uuid REFERENCES invitations (id) ON DELETE SET NULL,
  ADD CONSTRAINT invitations_via_is_for_one_email CHECK (via_invitation IS NULL OR email IS NOT NULL);
CREATE INDEX invitations_by_via ON invitations (via_invitation, email) WHERE via_invitation IS NOT NULL;

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
