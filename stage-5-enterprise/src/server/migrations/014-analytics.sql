-- Usage analytics: what each chat did, and daily rollups the dashboard reads instead of raw events.
--
-- Each chat's event now says which pattern answered it (pattern_id), or that none did
-- (fell_back), and for those alone the question, normalized and cut to 200 characters
-- (analytics/normalize-question.ts). Privacy: a message a pattern answered is never kept; an
-- unanswered one is, because it is what the organization may want to teach next.
ALTER TABLE usage_events
  ADD COLUMN pattern_id uuid, -- no foreign key: a deleted pattern's past answers still count
  ADD COLUMN fell_back  boolean NOT NULL DEFAULT false,
  ADD COLUMN question   text CHECK (length(question) <= 200),
  ADD CONSTRAINT usage_events_question_only_unanswered CHECK (question IS NULL OR fell_back);

-- The rollups, one row per organization and UTC day (and actor, pattern or question). Each event
-- bumps them in the same statement that inserts it (usage-repo.ts record): always current, no
-- job to run or fall behind, and a dashboard reads ~90 rows a series instead of millions.
-- The event's user or key: NULLS NOT DISTINCT lets one of the two be null in the key.
-- Each key INCLUDEs the counts: a dashboard read is an index-only scan of one organization's
-- days, not a visit to a heap page per row (a day's rows of every organization share pages). The
-- price: a bump rewrites an index entry (no HOT update), one more index write per event.
CREATE TABLE usage_daily (
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  day        date NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('chat', 'teach', 'import', 'api_call')),
  user_id    uuid REFERENCES users (id) ON DELETE CASCADE,
  api_key_id uuid REFERENCES api_keys (id) ON DELETE CASCADE,
  count      integer NOT NULL CHECK (count >= 0),
  fallbacks  integer NOT NULL DEFAULT 0 CHECK (fallbacks >= 0),
  CONSTRAINT usage_daily_key UNIQUE NULLS NOT DISTINCT (org_id, day, kind, user_id, api_key_id) INCLUDE (count, fallbacks)
);

CREATE TABLE pattern_daily (
  org_id     uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  day        date NOT NULL,
  pattern_id uuid NOT NULL,
  count      integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (org_id, day, pattern_id) INCLUDE (count)
);

CREATE TABLE unanswered_daily (
  org_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  day      date NOT NULL,
  question text NOT NULL CHECK (length(question) <= 200),
  count    integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (org_id, day, question) INCLUDE (count)
);

-- Tenant tables, walled like usage_events (006-billing.sql); the platform admin reads them (007).
ALTER TABLE usage_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY usage_daily_current ON usage_daily
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
CREATE POLICY usage_daily_platform_admin ON usage_daily FOR SELECT USING (app_is_platform_admin());
ALTER TABLE pattern_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE pattern_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY pattern_daily_current ON pattern_daily
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());
ALTER TABLE unanswered_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE unanswered_daily FORCE ROW LEVEL SECURITY;
CREATE POLICY unanswered_daily_current ON unanswered_daily
  USING (org_id = app_org_id()) WITH CHECK (org_id = app_org_id());

GRANT SELECT, INSERT, UPDATE (count, fallbacks) ON usage_daily TO journey_app;
GRANT SELECT, INSERT, UPDATE (count) ON pattern_daily TO journey_app;
GRANT SELECT, INSERT, UPDATE (count) ON unanswered_daily TO journey_app;

-- The admin panel's chats per day, across organizations, by day first.
CREATE INDEX usage_daily_by_day ON usage_daily (day, kind);
