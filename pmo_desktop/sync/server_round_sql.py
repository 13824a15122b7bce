"""The server side of team sync, third part: one call per sync round, and a clone read as a stream.

- `push_and_pull` sends every unsent batch and receives everything since the copy's position in one
  round trip. It reads the committed head and the rows and batches up to it first (batches commit in
  sequence order under the push lock, so nothing below the head is missing), then merges the batches
  in order (as `push_batches` does), then reads the rows just pushed as the server now has them (a
  change kept as a conflict returns to the server's value) and the open conflicts, and only then
  numbers the batches: the push lock is held from there to commit, never while rows are merged or
  gathered. The copy's new
  position is that head: its own batches come back once at the next sync, as no changes.
- `open_clone` opens a cursor over one table's live rows, each column as text, for a new copy to fetch
  in chunks and insert as they are (a cursor opened by a SECURITY DEFINER function keeps the rights it
  was opened with); nothing is gathered in the server's memory first, and no row is JSON on arrival.

Appended to the one script `install` runs.
"""

ROUND = r"""
-- The answer is json text, not jsonb: a round returns a few hundred rows of others' changes, which
-- json_agg writes out as they are stored, where jsonb_agg rebuilds every value (twice the server's
-- time for the round). Everything in it but the batches' numbers is gathered before the push lock is
-- taken, so the lock is held for the numbering and the commit only.
DROP FUNCTION IF EXISTS pmo_sync.push_and_pull(text, jsonb, bigint, uuid[]);
CREATE FUNCTION pmo_sync.push_and_pull(pname text, batches jsonb, since bigint, extra uuid[])
RETURNS json
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    m record;
    pid int;
    merged jsonb;
    results jsonb := '[]';
    head bigint;
    rows_out json[];
    batches_out json;
    conflicts_out json;
    rows_json json;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    -- What others committed up to the head, read before pushing: the push lock is not held meanwhile.
    SELECT p.last_seq INTO head FROM pmo_sync.portfolios p WHERE p.id = m.pid;
    SELECT coalesce(array_agg(json_build_array(r.gid, r.tbl, r.data, r.deleted, r.changed_by)), '{}') INTO rows_out
      FROM pmo_sync.rows r
     WHERE r.portfolio_id = m.pid AND r.seq > since AND r.seq <= head AND NOT (since = 0 AND r.deleted)
       AND NOT r.gid = ANY(extra);
    SELECT coalesce(json_agg(json_build_array(x.id, x.seq, x.author, x.label) ORDER BY x.seq), '[]')
      INTO batches_out
      FROM pmo_sync.batches x WHERE x.portfolio_id = m.pid AND x.seq > since AND x.seq <= head;
    IF jsonb_array_length(coalesce(batches, '[]')) > 0 THEN
        SELECT * INTO pid, merged, results FROM pmo_sync._merge_all(pname, batches);
    END IF;
    -- The rows just pushed as the server now has them (a change kept as a conflict comes back).
    SELECT rows_out || coalesce(array_agg(json_build_array(e.g, r.tbl, r.data, coalesce(r.deleted, true),
                                                           r.changed_by)), '{}')
      INTO rows_out
      FROM unnest(extra) e(g) LEFT JOIN pmo_sync.rows r ON r.portfolio_id = m.pid AND r.gid = e.g;
    rows_json := array_to_json(rows_out);
    SELECT coalesce(json_agg(json_build_array(c.id, c.gid, c.tbl, c.col, c.kind, c.base, c.mine, c.theirs,
                                              c.theirs_gid, c.row_image, c.mine_by, c.mine_at, c.theirs_by,
                                              c.theirs_at) ORDER BY c.id), '[]')
      INTO conflicts_out
      FROM pmo_sync.conflicts c WHERE c.portfolio_id = m.pid AND c.resolved_at IS NULL;
    -- Numbered last, holding the push lock only from here to commit.
    RETURN json_build_object('login', session_user, 'role', m.role, 'head', head,
                             'results', CASE WHEN pid IS NULL THEN '[]'::jsonb
                                             ELSE pmo_sync._results(results, pmo_sync._stamp(pid, merged)) END,
                             'rows', rows_json, 'batches', batches_out, 'conflicts', conflicts_out);
END $f$;

-- The order rows were first created on the server (a new copy numbers its rows in that order).
ALTER TABLE pmo_sync.rows ADD COLUMN IF NOT EXISTS ord bigserial;
CREATE INDEX IF NOT EXISTS rows_tbl ON pmo_sync.rows (portfolio_id, tbl, ord);

-- One table's live rows for a new copy, in the order they were created, each column as text
-- (JSON text for `raw` ones).
CREATE OR REPLACE FUNCTION pmo_sync.open_clone(pname text, upto bigint, t text, cols text[], raw text[],
                                               cur refcursor) RETURNS refcursor
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    OPEN cur NO SCROLL FOR EXECUTE format(
        'SELECT r.gid::text%s FROM pmo_sync.rows r WHERE r.portfolio_id = $1 AND r.tbl = $2 AND r.seq <= $3 '
        'AND NOT r.deleted ORDER BY r.ord',
        (SELECT coalesce(string_agg(CASE WHEN x.c = ANY(raw) THEN format(', (r.data->%L)::text', x.c)
                                         ELSE format(', r.data->>%L', x.c) END, '' ORDER BY x.o), '')
           FROM unnest(cols) WITH ORDINALITY x(c, o)))
        USING m.pid, t, upto;
    RETURN cur;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.count_rows(pname text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    RETURN (SELECT count(*) FROM pmo_sync.rows r WHERE r.portfolio_id = m.pid AND NOT r.deleted);
END $f$;

REVOKE ALL ON FUNCTION pmo_sync.push_and_pull(text, jsonb, bigint, uuid[]), pmo_sync.open_clone(text, bigint, text, text[], text[], refcursor),
    pmo_sync.count_rows(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pmo_sync.push_and_pull(text, jsonb, bigint, uuid[]), pmo_sync.open_clone(text, bigint, text, text[], text[], refcursor),
    pmo_sync.count_rows(text) TO PUBLIC;
"""
