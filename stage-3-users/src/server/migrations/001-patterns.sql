-- The taught patterns. Lengths are checked here too, so no client (or bug) can store what the API
-- would refuse. created_at orders the list; rowid breaks ties within one millisecond.
CREATE TABLE patterns (
  id         TEXT PRIMARY KEY,
  trigger    TEXT NOT NULL CHECK (length(trigger) BETWEEN 1 AND 200),
  response   TEXT NOT NULL CHECK (length(response) BETWEEN 1 AND 1000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
