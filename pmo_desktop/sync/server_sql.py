"""The server side of team sync: the `pmo_sync` schema in a PostgreSQL database.

Clients never touch these tables. They call SECURITY DEFINER functions that check the caller's
membership (role admin/editor/viewer, editors optionally scoped to programmes), stamp every batch with
`session_user` (the authenticated login, whatever the client claims) and merge three-way per field.

- `rows` holds the current value of every synced row by global id (JSON, foreign keys as gids), with
  a tombstone for deleted rows and the sequence number of the batch that last changed it.
- `batches` is the ordered history: sequence numbers are taken under a per-portfolio lock held to
  commit (after the merge, see server_merge_sql), so batches commit in sequence order and a pull
  bounded by the committed head never skips a late commit. A batch id (uuid) is applied once: a retry
  gets the first result back.
- `keys` holds each live row's human keys (project code, RAID ref...) so two copies creating the same
  key offline meet as a conflict; `key_defs` the definitions they were made with, so a table shared
  before its key was understood (allocations' coalesce() index) gets its keys on the next push.
- `conflicts`: one row per field both sides changed, per edit against delete, per duplicate key.
"""

from pmo_desktop.sync.server_admin_sql import ADMIN
from pmo_desktop.sync.server_merge_sql import MERGE
from pmo_desktop.sync.server_round_sql import ROUND

SCHEMA_VERSION = 5

_CORE = r"""
CREATE SCHEMA IF NOT EXISTS pmo_sync;
REVOKE ALL ON SCHEMA pmo_sync FROM PUBLIC;
GRANT USAGE ON SCHEMA pmo_sync TO PUBLIC;

CREATE TABLE IF NOT EXISTS pmo_sync.info (id int PRIMARY KEY CHECK (id = 1), version int NOT NULL);

CREATE TABLE IF NOT EXISTS pmo_sync.portfolios (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    last_seq bigint NOT NULL DEFAULT 0,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());

CREATE TABLE IF NOT EXISTS pmo_sync.members (
    portfolio_id int NOT NULL REFERENCES pmo_sync.portfolios ON DELETE CASCADE,
    login text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    programmes text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (portfolio_id, login));

CREATE TABLE IF NOT EXISTS pmo_sync.rows (
    portfolio_id int NOT NULL REFERENCES pmo_sync.portfolios ON DELETE CASCADE,
    gid uuid NOT NULL,
    tbl text NOT NULL,
    data jsonb NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    programme uuid,
    seq bigint NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (portfolio_id, gid));
CREATE INDEX IF NOT EXISTS rows_seq ON pmo_sync.rows (portfolio_id, seq);

CREATE TABLE IF NOT EXISTS pmo_sync.keys (
    portfolio_id int NOT NULL,
    tbl text NOT NULL,
    key text NOT NULL,
    gid uuid NOT NULL,
    PRIMARY KEY (portfolio_id, tbl, key));
CREATE INDEX IF NOT EXISTS keys_gid ON pmo_sync.keys (portfolio_id, gid);

-- The key definitions `keys` was filled with, per table (see _backfill_keys).
CREATE TABLE IF NOT EXISTS pmo_sync.key_defs (
    portfolio_id int NOT NULL REFERENCES pmo_sync.portfolios ON DELETE CASCADE,
    tbl text NOT NULL,
    defs jsonb NOT NULL,
    PRIMARY KEY (portfolio_id, tbl));

CREATE TABLE IF NOT EXISTS pmo_sync.batches (
    id uuid PRIMARY KEY,
    portfolio_id int NOT NULL REFERENCES pmo_sync.portfolios ON DELETE CASCADE,
    seq bigint NOT NULL,
    author text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    label text,
    n_changes int NOT NULL,
    result jsonb NOT NULL,
    UNIQUE (portfolio_id, seq));

CREATE TABLE IF NOT EXISTS pmo_sync.conflicts (
    id bigserial PRIMARY KEY,
    portfolio_id int NOT NULL REFERENCES pmo_sync.portfolios ON DELETE CASCADE,
    batch uuid NOT NULL,
    gid uuid NOT NULL,
    tbl text NOT NULL,
    col text,
    kind text NOT NULL CHECK (kind IN ('field', 'deleted', 'duplicate', 'refused')),
    base jsonb,
    mine jsonb,
    theirs jsonb,
    theirs_gid uuid,
    row_image jsonb,
    mine_by text NOT NULL,
    mine_at timestamptz NOT NULL DEFAULT now(),
    theirs_by text,
    theirs_at timestamptz,
    resolved_by text,
    resolved_at timestamptz,
    resolution text);
CREATE INDEX IF NOT EXISTS conflicts_open ON pmo_sync.conflicts (portfolio_id) WHERE resolved_at IS NULL;

REVOKE ALL ON ALL TABLES IN SCHEMA pmo_sync FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA pmo_sync FROM PUBLIC;
GRANT SELECT ON pmo_sync.info TO PUBLIC;  -- the schema version, for a client to see it is older

-- The caller's membership; raises when the portfolio or the membership does not exist.
CREATE OR REPLACE FUNCTION pmo_sync._member(pname text, OUT pid int, OUT role text, OUT scope text[])
LANGUAGE plpgsql STABLE SET search_path = pmo_sync, pg_temp AS $f$
BEGIN
    SELECT p.id INTO pid FROM pmo_sync.portfolios p WHERE p.name = pname;
    IF pid IS NULL THEN
        RAISE EXCEPTION 'there is no shared portfolio named "%" in this database', pname USING ERRCODE = 'P0002';
    END IF;
    SELECT m.role, m.programmes INTO role, scope
      FROM pmo_sync.members m WHERE m.portfolio_id = pid AND m.login = session_user;
    IF role IS NULL THEN
        RAISE EXCEPTION 'permission denied: % is not a member of portfolio "%"', session_user, pname
            USING ERRCODE = '42501';
    END IF;
END $f$;

-- The programme a row belongs to: a programme is its own; anything else takes its parents'.
CREATE OR REPLACE FUNCTION pmo_sync._programme(p int, t text, g uuid, d jsonb, fks jsonb) RETURNS uuid
LANGUAGE sql STABLE SET search_path = pmo_sync, pg_temp AS $f$
    SELECT CASE WHEN t = 'programmes' THEN g ELSE (
        SELECT r.programme FROM jsonb_each_text(coalesce(fks, '{}')) f(col, reftbl)
          JOIN pmo_sync.rows r ON r.portfolio_id = p AND r.gid = (d->>f.col)::uuid
         WHERE d->>f.col IS NOT NULL AND r.programme IS NOT NULL LIMIT 1) END
$f$;

-- The first foreign key column whose row is not (or no longer) on the server.
CREATE OR REPLACE FUNCTION pmo_sync._missing_parent(p int, d jsonb, fks jsonb) RETURNS text
LANGUAGE sql STABLE SET search_path = pmo_sync, pg_temp AS $f$
    SELECT f.col FROM jsonb_each_text(coalesce(fks, '{}')) f(col, reftbl)
     WHERE d->>f.col IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM pmo_sync.rows r WHERE r.portfolio_id = p AND r.gid = (d->>f.col)::uuid AND NOT r.deleted)
     LIMIT 1
$f$;

-- A row's human keys as text, one per unique column set without a null in it. A part of a key is a
-- column name, or [name, constant] for a column whose null counts as the constant (SQLite's
-- coalesce(column, constant) index expressions), so such a key always exists.
CREATE OR REPLACE FUNCTION pmo_sync._keys_of(d jsonb, keydefs jsonb) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $f$
    SELECT kd.cols::text || kv.key
      FROM jsonb_array_elements(coalesce(keydefs, '[]')) kd(cols)
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(CASE WHEN jsonb_typeof(x.e) = 'array'
                              THEN CASE WHEN coalesce(d->(x.e->>0), 'null') = 'null' THEN x.e->1 ELSE d->(x.e->>0) END
                              ELSE coalesce(d->(x.e #>> '{}'), 'null') END ORDER BY x.o)::text AS key,
               bool_or(jsonb_typeof(x.e) <> 'array'
                       AND coalesce(d->(x.e #>> '{}'), 'null') = 'null') AS hasnull
          FROM jsonb_array_elements(kd.cols) WITH ORDINALITY x(e, o)) kv
     WHERE NOT kv.hasnull
$f$;

-- Record a conflict; a second one on the same field from the same login updates the first, so one
-- concurrent edit is one conflict however many local steps it took.
CREATE OR REPLACE FUNCTION pmo_sync._conflict(p int, bid uuid, g uuid, t text, c text, k text,
                                              b jsonb, pm jsonb, pt jsonb, tg uuid, img jsonb DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    cid bigint;
    who text;
    whn timestamptz;
BEGIN
    SELECT r.changed_by, r.changed_at INTO who, whn FROM pmo_sync.rows r
     WHERE r.portfolio_id = p AND r.gid = coalesce(tg, g);
    IF c IS NOT NULL AND k = 'field' THEN
        UPDATE pmo_sync.conflicts x SET mine = pm, mine_at = now(), theirs = pt
         WHERE x.portfolio_id = p AND x.gid = g AND x.col = c AND x.kind = 'field' AND x.mine_by = session_user
           AND x.resolved_at IS NULL
        RETURNING x.id INTO cid;
    END IF;
    IF cid IS NULL THEN
        INSERT INTO pmo_sync.conflicts (portfolio_id, batch, gid, tbl, col, kind, base, mine, theirs, theirs_gid,
                                        row_image, mine_by, theirs_by, theirs_at)
        VALUES (p, bid, g, t, c, k, b, pm, pt, tg, img, session_user, who, whn)
        RETURNING id INTO cid;
    END IF;
    RETURN jsonb_build_object('id', cid, 'gid', g, 'tbl', t, 'col', c, 'kind', k);
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.whoami(pname text, OUT login text, OUT role text, OUT programmes text[],
                                           OUT head bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    login := session_user; role := m.role; programmes := m.scope;
    SELECT p.last_seq INTO head FROM pmo_sync.portfolios p WHERE p.id = m.pid;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.pull_rows(pname text, since bigint, upto bigint, extra uuid[])
RETURNS TABLE (gid uuid, tbl text, data jsonb, deleted boolean, changed_by text, changed_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    RETURN QUERY
        SELECT r.gid, r.tbl, r.data, r.deleted, r.changed_by, r.changed_at FROM pmo_sync.rows r
         WHERE r.portfolio_id = m.pid AND r.seq > since AND r.seq <= upto AND NOT (since = 0 AND r.deleted)
        UNION ALL
        SELECT r.gid, r.tbl, r.data, r.deleted, r.changed_by, r.changed_at FROM pmo_sync.rows r
         WHERE r.portfolio_id = m.pid AND r.gid = ANY(extra) AND NOT (r.seq > since AND r.seq <= upto)
        UNION ALL
        SELECT e, NULL, NULL, true, NULL, NULL FROM unnest(extra) e
         WHERE NOT EXISTS (SELECT 1 FROM pmo_sync.rows r WHERE r.portfolio_id = m.pid AND r.gid = e);
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.pull_batches(pname text, since bigint, upto bigint)
RETURNS TABLE (id uuid, seq bigint, author text, at timestamptz, label text, n_changes int)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    RETURN QUERY SELECT b.id, b.seq, b.author, b.at, b.label, b.n_changes FROM pmo_sync.batches b
                  WHERE b.portfolio_id = m.pid AND b.seq > since AND b.seq <= upto ORDER BY b.seq;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.open_conflicts(pname text)
RETURNS TABLE (id bigint, gid uuid, tbl text, col text, kind text, base jsonb, mine jsonb, theirs jsonb,
               theirs_gid uuid, row_image jsonb, mine_by text, mine_at timestamptz, theirs_by text, theirs_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    RETURN QUERY SELECT c.id, c.gid, c.tbl, c.col, c.kind, c.base, c.mine, c.theirs, c.theirs_gid, c.row_image, c.mine_by,
                        c.mine_at, c.theirs_by, c.theirs_at
                   FROM pmo_sync.conflicts c WHERE c.portfolio_id = m.pid AND c.resolved_at IS NULL ORDER BY c.id;
END $f$;

"""

INSTALL = _CORE + MERGE + ADMIN + ROUND
