-- Engine freshness across instances. Each instance keeps every organization's engine in memory;
-- this counter says which version of the organization's patterns an engine must hold. Every
-- pattern write (teach, edit, delete, import) bumps it in the write's own transaction, and every
-- chat reads it in its own: an instance whose engine is older rebuilds it before answering, so it
-- never answers from patterns another instance has since changed (patterns-service.ts).
ALTER TABLE organizations ADD COLUMN patterns_version bigint NOT NULL DEFAULT 0;
GRANT UPDATE (patterns_version) ON organizations TO journey_app;
