-- Organizations (tenants), who belongs to them, and who is invited. Ids are uuids made by the app
-- or by gen_random_uuid(); stage 3's user ids (randomUUID) carry over unchanged.
--
-- Every table here has row-level security, ENABLEd and FORCEd (FORCE: even the owner is filtered,
-- unless it is a superuser). Each policy lets a row through when it belongs to the organization
-- the transaction acts for (app_org_id(), set by db.forOrg). Rows that must be seen from outside
-- one organization have a second, SELECT-only policy, each saying why. Policies of one table are
-- OR-ed together; WITH CHECK applies to the rows written, so nothing is written into another org.

-- plan: 'free' | 'pro' | 'enterprise' (DESIGN.md). Billing (a later migration) adds the
-- subscription it comes from.
CREATE TABLE organizations (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
  plan       text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_by_org ON memberships (org_id, created_at);

-- Only the SHA-256 of the mailed or copied token is kept. accepted_at is set once: accepting is
-- `UPDATE … WHERE accepted_at IS NULL AND expires_at > now()`, which one of two racing accepts wins.
CREATE TABLE invitations (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id      uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email       text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  role        text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  accepted_at timestamptz,
  invited_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_by_org ON invitations (org_id, created_at);

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY organizations_current ON organizations
  USING (id = app_org_id()) WITH CHECK (id = app_org_id());
-- Exception: the organization switcher lists the user's organizations (db.forUser), found through
-- their own memberships (which memberships_mine lets through).
CREATE POLICY organizations_mine ON organizations FOR SELECT
  USING (id IN (SELECT org_id FROM memberships WHERE user_id = app_user_id()));

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY memberships_current ON memberships
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
-- Exception: a user's own memberships in every organization (db.forUser): which organizations they
-- may switch to, and with what role. Read-only: joining or leaving one happens inside it (forOrg).
CREATE POLICY memberships_mine ON memberships FOR SELECT
  USING (user_id = app_user_id());

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY invitations_current ON invitations
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
-- Exception: whoever holds an invitation's token is not a member yet, so cannot act for its
-- organization; db.forInvitation(sha256(token)) lets them read that one invitation, and only it.
-- Accepting it (marking it and adding the membership) then happens in forOrg(its org_id).
CREATE POLICY invitations_by_token ON invitations FOR SELECT
  USING (token_hash = app_invite_token_hash());

-- The app reads and writes these rows but cannot change an id or move a row to another
-- organization: UPDATE is granted on the columns that may change, and on nothing else.
GRANT SELECT, INSERT, DELETE ON organizations, memberships, invitations TO journey_app;
GRANT UPDATE (name, slug, plan) ON organizations TO journey_app;
GRANT UPDATE (role) ON memberships TO journey_app;
GRANT UPDATE (accepted_at) ON invitations TO journey_app;
