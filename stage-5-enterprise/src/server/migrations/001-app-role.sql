-- The role the app acts as. It owns no table and is no superuser, so row-level security applies to
-- it, and it cannot alter or drop a table or turn RLS off. It cannot log in: the server connects as
-- the owner, who runs these migrations, and then takes this role (db/postgres.ts, db/pglite.ts).
-- A role belongs to the whole server, not to one database: another database of this app on the
-- same server (the tests make many) may have created it already, even at this very moment.
DO $$
BEGIN
  CREATE ROLE journey_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

-- A superuser may take any role; an owner that is not one (a managed server) must be a member.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'journey_app', 'MEMBER') THEN
    EXECUTE format('GRANT journey_app TO %I', current_user);
  END IF;
END $$;

-- Nobody but the owner creates anything (PostgreSQL 15+ already says so; older servers do not).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO journey_app;

-- Who this transaction acts for, as set by db.forOrg / forUser / forInvitation with
-- set_config(…, true): the value ends with the transaction. Unset it is NULL (after a transaction
-- that set it, the same connection reads '' instead: nullif makes both NULL), and a policy that
-- compares with NULL lets no row through.
CREATE FUNCTION app_org_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
CREATE FUNCTION app_invite_token_hash() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.invite_token_hash', true), '') $$;
