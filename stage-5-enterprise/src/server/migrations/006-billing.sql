-- Plans, usage and billing (DESIGN.md: free, pro, enterprise; 402 plan_limit).
--
-- organizations.plan stays the plan paid for. Whether it is paid up lives beside it: a failed
-- payment makes the organization past_due (a banner), and after a grace period its limits fall
-- back to free ones (src/server/billing/plans.ts) until a payment succeeds.
ALTER TABLE organizations
  ADD COLUMN billing_status text NOT NULL DEFAULT 'active' CHECK (billing_status IN ('active', 'past_due')),
  ADD COLUMN past_due_since timestamptz;
GRANT UPDATE (billing_status, past_due_since) ON organizations TO journey_app;

-- What the organization did, one row per action, with its tokens (llm-core's countTokens): the
-- record behind every figure. Limits never count these rows; they read usage_counters.
CREATE TABLE usage_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id    uuid REFERENCES users (id) ON DELETE SET NULL,
  kind       text NOT NULL CHECK (kind IN ('chat', 'teach', 'import', 'api_call')),
  tokens     integer NOT NULL DEFAULT 0 CHECK (tokens >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_events_by_org ON usage_events (org_id, created_at);

-- One row per organization, month and kind: a limit check is one row, not a count over events.
-- Bumping it is `INSERT … ON CONFLICT DO UPDATE … WHERE count < limit`: the row lock makes
-- parallel requests take turns, so exactly as many pass as the limit allows.
CREATE TABLE usage_counters (
  org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  period date NOT NULL, -- the first day of the month (UTC)
  kind   text NOT NULL CHECK (kind IN ('chat', 'teach', 'import', 'api_call')),
  count  integer NOT NULL CHECK (count >= 0),
  tokens bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, period, kind)
);

-- The organization's Stripe customer and subscription, as last read from Stripe. Events can come
-- late and out of order, so none is applied as it says: each makes the app read the subscription
-- back from Stripe, under the organization's lock (billing/billing-service.ts).
CREATE TABLE subscriptions (
  org_id                 uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  stripe_customer_id     text UNIQUE,
  stripe_subscription_id text UNIQUE,
  status                 text,
  plan                   text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
  current_period_end     timestamptz,
  updated_at             timestamptz NOT NULL DEFAULT now()
);

-- Tenant tables, walled like patterns (004-patterns.sql): no exception.
ALTER TABLE usage_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_events FORCE ROW LEVEL SECURITY;
CREATE POLICY usage_events_current ON usage_events
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
ALTER TABLE usage_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY usage_counters_current ON usage_counters
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
ALTER TABLE subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY subscriptions_current ON subscriptions
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());

GRANT SELECT, INSERT ON usage_events TO journey_app;
GRANT SELECT, INSERT, UPDATE (count, tokens) ON usage_counters TO journey_app;
GRANT SELECT, INSERT ON subscriptions TO journey_app;
GRANT UPDATE (stripe_customer_id, stripe_subscription_id, status, plan, current_period_end, updated_at) ON subscriptions TO journey_app;

-- Stripe events already handled, by their id: Stripe delivers at least once, so a replay (or two
-- deliveries at once) must change nothing. Not a tenant table: an event arrives before we know
-- its organization.
CREATE TABLE stripe_events (
  id          text PRIMARY KEY,
  type        text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON stripe_events TO journey_app;
