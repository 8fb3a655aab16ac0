-- Engines that catch up instead of rebuilding. Each pattern row keeps the organization's patterns
-- version its last write committed as (011). An instance whose engine is at version v reads only
-- the rows written after v, and the ids of all rows (to forget the deleted ones), instead of every
-- pattern and a new engine (patterns-service.ts). Rows from before this migration have version 0:
-- every engine already holds them.
ALTER TABLE patterns ADD COLUMN version bigint NOT NULL DEFAULT 0;
CREATE INDEX patterns_by_version ON patterns (org_id, version);
GRANT UPDATE (version) ON patterns TO journey_app;
