"""The server side of team sync: merging pushed batches (server_sql has the schema and the pulls).

A push merges each batch three-way per field (`_merge`) holding only row locks: the rows a call
changes are locked up front in gid order (two pushes that touch one row queue on it and never
deadlock on each other), and human keys are claimed through the keys table's unique index (two pushes
creating the same key meet there: the later one sees the earlier's key and gets a duplicate conflict).
Only then does `_stamp` take the portfolio's push lock (an advisory lock), give the merged
batches their sequence numbers and hold the lock to commit: batches still commit in sequence order, so
a pull bounded by the committed head never skips a late commit, but the lock is held for a few
statements, not for the merge. A batch id stays locked while it is merged, so a retry arriving while
the first attempt still runs waits for it and gets its result (applied once).

Appended to the one script `install` runs.
"""

MERGE = r"""
-- Claim a row's human keys (waiting for a push that is claiming one of them to finish); returns the
-- gid of another row holding one of them (then nothing is claimed), else takes them, drops stale ones.
CREATE OR REPLACE FUNCTION pmo_sync._claim_keys(p int, t text, g uuid, d jsonb, keydefs jsonb) RETURNS uuid
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    wanted text[];
    took text[];
    other uuid;
BEGIN
    SELECT coalesce(array_agg(kk.key), '{}') INTO wanted FROM pmo_sync._keys_of(d, keydefs) kk(key);
    IF cardinality(wanted) = 0 THEN
        DELETE FROM pmo_sync.keys k WHERE k.portfolio_id = p AND k.gid = g;
        RETURN NULL;
    END IF;
    WITH ins AS (
        INSERT INTO pmo_sync.keys (portfolio_id, tbl, key, gid)
        SELECT p, t, w, g FROM unnest(wanted) w ON CONFLICT DO NOTHING RETURNING key)
    SELECT coalesce(array_agg(ins.key), '{}') INTO took FROM ins;
    SELECT k.gid INTO other FROM pmo_sync.keys k
     WHERE k.portfolio_id = p AND k.tbl = t AND k.key = ANY(wanted) AND k.gid <> g LIMIT 1;
    IF other IS NOT NULL THEN
        DELETE FROM pmo_sync.keys k WHERE k.portfolio_id = p AND k.tbl = t AND k.key = ANY(took);
        RETURN other;
    END IF;
    DELETE FROM pmo_sync.keys k WHERE k.portfolio_id = p AND k.gid = g AND NOT k.key = ANY(wanted);
    RETURN NULL;
END $f$;

-- Keys for every live row of a table whose key definitions the server has not seen: a server shared
-- before a key was understood holds none for that table (allocations shared before their
-- coalesce() index was read), so a duplicate of such a row would pass. Tables keyed since sharing are
-- complete and only have their definitions recorded; a definition that changed is filled in again.
CREATE OR REPLACE FUNCTION pmo_sync._backfill_keys(p int, defs jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    t text;
    d jsonb;
    known jsonb;
BEGIN
    FOR t, d IN SELECT x.key, x.value FROM jsonb_each(coalesce(defs, '{}')) x ORDER BY x.key LOOP
        SELECT k.defs INTO known FROM pmo_sync.key_defs k WHERE k.portfolio_id = p AND k.tbl = t;
        IF known = d THEN
            CONTINUE;
        END IF;
        IF known IS NOT NULL OR NOT EXISTS (SELECT 1 FROM pmo_sync.keys k WHERE k.portfolio_id = p AND k.tbl = t) THEN
            INSERT INTO pmo_sync.keys (portfolio_id, tbl, key, gid)
            SELECT p, t, kk.key, r.gid FROM pmo_sync.rows r CROSS JOIN LATERAL pmo_sync._keys_of(r.data, d) kk(key)
             WHERE r.portfolio_id = p AND r.tbl = t AND NOT r.deleted
            ON CONFLICT DO NOTHING;
        END IF;
        INSERT INTO pmo_sync.key_defs (portfolio_id, tbl, defs) VALUES (p, t, d)
        ON CONFLICT (portfolio_id, tbl) DO UPDATE SET defs = EXCLUDED.defs;
    END LOOP;
END $f$;

-- The caller's membership for a push (a viewer is refused) and, for an editor limited to programmes,
-- those programmes' rows (else NULL).
CREATE OR REPLACE FUNCTION pmo_sync._pusher(pname text, OUT pid int, OUT allowed uuid[])
LANGUAGE plpgsql STABLE SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    IF m.role = 'viewer' THEN
        RAISE EXCEPTION 'permission denied: % is a viewer of portfolio "%" and can only receive changes',
            session_user, pname USING ERRCODE = '42501';
    END IF;
    pid := m.pid;
    IF m.role = 'editor' AND cardinality(m.scope) > 0 THEN
        SELECT coalesce(array_agg(x.gid), '{}') INTO allowed FROM pmo_sync.rows x
         WHERE x.portfolio_id = m.pid AND x.tbl = 'programmes' AND NOT x.deleted AND x.data->>'name' = ANY(m.scope);
    END IF;
END $f$;

-- Lock the rows a list of batches changes, in gid order. (The gids are gathered into an array first: a
-- join over the batches' JSON would carry the whole batch along with every row.)
CREATE OR REPLACE FUNCTION pmo_sync._lock_rows(pid int, batches jsonb) RETURNS void
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE ids uuid[];
BEGIN
    SELECT array_agg(DISTINCT (g #>> '{}')::uuid) INTO ids FROM jsonb_path_query(batches, '$[*].changes[*].gid') g;
    PERFORM 1 FROM pmo_sync.rows x WHERE x.portfolio_id = pid AND x.gid = ANY(ids) ORDER BY x.gid FOR UPDATE OF x;
END $f$;

-- A batch already applied: its result, marked as a repeat (else NULL). The batch id stays locked to
-- commit, so a second attempt running at once waits for the first.
CREATE OR REPLACE FUNCTION pmo_sync._applied(bid uuid) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
BEGIN
    PERFORM pg_advisory_xact_lock(872317, hashtext(bid::text));
    RETURN (SELECT b.result || '{"repeat": true}' FROM pmo_sync.batches b WHERE b.id = bid);
END $f$;

-- Every column that is part of a human key, as 'table.column' (see _keys_of for the definitions).
CREATE OR REPLACE FUNCTION pmo_sync._key_columns(keydefs jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $f$
    SELECT coalesce(array_agg(DISTINCT d.key || '.' || CASE WHEN jsonb_typeof(e.v) = 'array' THEN e.v->>0
                                                            ELSE e.v #>> '{}' END), '{}')
      FROM jsonb_each(coalesce(keydefs, '{}')) d
     CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.value) = 'array' THEN d.value ELSE '[]' END) k(v)
     CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(k.v) = 'array' THEN k.v ELSE '[]' END) e(v)
$f$;

-- Merge one batch: what it applied, its conflicts, and the rows it wrote (sequence -1 until stamped).
CREATE OR REPLACE FUNCTION pmo_sync._merge(pid int, allowed uuid[], bid uuid, label text, changes jsonb, meta jsonb)
RETURNS jsonb
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    r record;
    ch jsonb;
    written uuid[] := '{}';
    found_conflicts jsonb := '[]';
    g uuid;
    t text;
    c text;
    op text;
    cur jsonb;
    newdata jsonb;
    prog uuid;
    other uuid;
    missing text;
    diffcols text[];
    quiet text[] := ARRAY['created_at', 'updated_at'];
    fks jsonb := coalesce(meta->'fks', '{}');
    keydefs jsonb := coalesce(meta->'keys', '{}');
    derived boolean := coalesce((meta->>'derived')::boolean, false);
    applied int := 0;
    keycols text[];
BEGIN

    FOR ch IN SELECT value FROM jsonb_array_elements(changes) LOOP
        g := (ch->>'gid')::uuid;
        t := ch->>'tbl';
        op := ch->>'op';
        c := ch->>'col';
        SELECT * INTO r FROM pmo_sync.rows x WHERE x.portfolio_id = pid AND x.gid = g FOR UPDATE;

        IF op = 'insert' THEN
            newdata := ch->'row';
            prog := pmo_sync._programme(pid, t, g, newdata, fks->t);
            IF allowed IS NOT NULL AND (prog IS NULL OR NOT prog = ANY(allowed)) THEN
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, NULL, 'refused',
                    NULL, newdata, NULL, NULL);
                CONTINUE;
            END IF;
            IF r.gid IS NOT NULL AND NOT r.deleted THEN
                -- Back again (an undo) while someone else had it: each differing field is a conflict.
                FOR c IN SELECT k FROM jsonb_object_keys(newdata) k LOOP
                    IF NOT c = ANY(quiet) AND coalesce(r.data->c, 'null') <> coalesce(newdata->c, 'null') THEN
                        found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, c, 'field',
                            NULL, newdata->c, r.data->c, NULL);
                    END IF;
                END LOOP;
                CONTINUE;
            END IF;
            missing := pmo_sync._missing_parent(pid, newdata, fks->t);
            IF missing IS NOT NULL THEN
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, missing, 'deleted',
                    NULL, newdata, NULL, (newdata->>missing)::uuid);
                CONTINUE;
            END IF;
            other := pmo_sync._claim_keys(pid, t, g, newdata, keydefs->t);
            IF other IS NOT NULL THEN
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, NULL, 'duplicate',
                    NULL, newdata, (SELECT x.data FROM pmo_sync.rows x WHERE x.portfolio_id = pid AND x.gid = other),
                    other);
                CONTINUE;
            END IF;
            INSERT INTO pmo_sync.rows AS x (portfolio_id, gid, tbl, data, deleted, programme, seq, changed_by, changed_at)
            VALUES (pid, g, t, newdata, false, prog, -1, session_user, now())
            ON CONFLICT (portfolio_id, gid) DO UPDATE
               SET data = EXCLUDED.data, deleted = false, programme = EXCLUDED.programme, seq = -1,
                   changed_by = session_user, changed_at = now();
            applied := applied + 1;
            written := written || g;

        ELSIF op = 'update' THEN
            IF r.gid IS NULL OR r.deleted THEN
                IF NOT c = ANY(quiet) AND NOT derived THEN
                    found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, c, 'deleted',
                        ch->'old', ch->'new', NULL, NULL, r.data);
                END IF;
                CONTINUE;
            END IF;
            newdata := jsonb_set(r.data, ARRAY[c], coalesce(ch->'new', 'null'));
            prog := pmo_sync._programme(pid, t, g, newdata, fks->t);
            IF allowed IS NOT NULL AND (r.programme IS NULL OR NOT r.programme = ANY(allowed)
                                        OR prog IS NULL OR NOT prog = ANY(allowed)) THEN
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, c, 'refused',
                    ch->'old', ch->'new', r.data->c, NULL);
                CONTINUE;
            END IF;
            cur := coalesce(r.data->c, 'null');
            IF cur = coalesce(ch->'new', 'null') THEN
                CONTINUE;  -- both sides agree already
            END IF;
            IF NOT (cur = coalesce(ch->'old', 'null') OR c = ANY(quiet)) THEN
                IF derived THEN
                    CONTINUE;  -- a worked-out value someone else has changed since: theirs stands, no conflict
                END IF;
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, c, 'field',
                    ch->'old', ch->'new', cur, NULL);
                CONTINUE;
            END IF;
            IF fks->t ? c THEN
                missing := pmo_sync._missing_parent(pid, newdata, jsonb_build_object(c, fks->t->c));
                IF missing IS NOT NULL THEN
                    found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, c, 'deleted',
                        ch->'old', ch->'new', cur, (newdata->>c)::uuid);
                    CONTINUE;
                END IF;
            END IF;
            -- Only a change to a column of a human key can change the row's keys.
            IF keycols IS NULL THEN
                keycols := pmo_sync._key_columns(keydefs);
            END IF;
            IF (t || '.' || c) = ANY(keycols) THEN
                other := pmo_sync._claim_keys(pid, t, g, newdata, keydefs->t);
                IF other IS NOT NULL THEN
                    found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, c, 'duplicate',
                        ch->'old', ch->'new', cur, other);
                    CONTINUE;
                END IF;
            END IF;
            UPDATE pmo_sync.rows x SET data = newdata, programme = prog, seq = -1, changed_by = session_user,
                   changed_at = now()
             WHERE x.portfolio_id = pid AND x.gid = g;
            applied := applied + 1;
            written := written || g;

        ELSIF op = 'delete' THEN
            IF r.gid IS NULL OR r.deleted THEN
                CONTINUE;
            END IF;
            IF allowed IS NOT NULL AND (r.programme IS NULL OR NOT r.programme = ANY(allowed)) THEN
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, NULL, 'refused',
                    ch->'old', NULL, r.data, NULL);
                CONTINUE;
            END IF;
            SELECT coalesce(array_agg(k), '{}') INTO diffcols FROM jsonb_object_keys(r.data) k
             WHERE NOT k = ANY(quiet) AND coalesce(r.data->k, 'null') <> coalesce(ch->'old'->k, 'null');
            IF cardinality(diffcols) > 0 AND NOT derived THEN
                -- Deleted here, changed there since: the change stands until someone resolves it.
                found_conflicts := found_conflicts || pmo_sync._conflict(pid, bid, g, t, NULL, 'deleted',
                    NULL, NULL, r.data, NULL, ch->'old');
                CONTINUE;
            END IF;
            UPDATE pmo_sync.rows x SET deleted = true, seq = -1, changed_by = session_user, changed_at = now()
             WHERE x.portfolio_id = pid AND x.gid = g;
            DELETE FROM pmo_sync.keys k WHERE k.portfolio_id = pid AND k.gid = g;
            applied := applied + 1;
            written := written || g;
        ELSE
            RAISE EXCEPTION 'unknown change kind %', op USING ERRCODE = '22023';
        END IF;
    END LOOP;

    UPDATE pmo_sync.conflicts x SET resolved_by = session_user, resolved_at = now(), resolution = label
     WHERE x.portfolio_id = pid AND x.resolved_at IS NULL
       AND x.id IN (SELECT (v #>> '{}')::bigint FROM jsonb_array_elements(coalesce(meta->'resolves', '[]')) v);

    RETURN jsonb_build_object('id', bid, 'label', label, 'n', jsonb_array_length(changes), 'applied', applied,
                              'conflicts', found_conflicts, 'gids', to_jsonb(written));
END $f$;

-- Number the merged batches in order under the push lock (held to commit); their results. A row
-- two of them changed takes the later one's number. Set-wise: the lock is held for three statements.
CREATE OR REPLACE FUNCTION pmo_sync._stamp(pid int, merged jsonb) RETURNS jsonb
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    n int := jsonb_array_length(merged);
    s bigint;
    written uuid[];
    last_of jsonb;
    out jsonb;
BEGIN
    IF n = 0 THEN
        RETURN '[]';
    END IF;
    -- Which batch wrote each row last, worked out before the lock is taken.
    SELECT coalesce(array_agg(w.g), '{}'), coalesce(jsonb_object_agg(w.g, w.o), '{}') INTO written, last_of
      FROM (SELECT g.v::uuid AS g, max(x.o) AS o FROM jsonb_array_elements(merged) WITH ORDINALITY x(v, o)
             CROSS JOIN LATERAL jsonb_array_elements_text(x.v->'gids') g(v) GROUP BY 1) w;
    PERFORM pg_advisory_xact_lock(872316, pid);  -- the push lock (also what older servers took)
    UPDATE pmo_sync.portfolios SET last_seq = last_seq + n WHERE id = pid RETURNING last_seq - n INTO s;
    UPDATE pmo_sync.rows r SET seq = s + (last_of->>(r.gid::text))::int
     WHERE r.portfolio_id = pid AND r.gid = ANY(written);
    WITH numbered AS (
        SELECT x.v, s + x.o AS seq, x.o,
               jsonb_build_object('seq', s + x.o, 'applied', x.v->'applied', 'conflicts', x.v->'conflicts') AS done
          FROM jsonb_array_elements(merged) WITH ORDINALITY x(v, o)),
    kept AS (
        INSERT INTO pmo_sync.batches (id, portfolio_id, seq, author, label, n_changes, result)
        SELECT (b.v->>'id')::uuid, pid, b.seq, session_user, b.v->>'label', (b.v->>'n')::int, b.done FROM numbered b)
    SELECT jsonb_agg(b.done ORDER BY b.o) INTO out FROM numbered b;
    RETURN out;
END $f$;

-- Merge a list of batches in order (repeats give their first result); returns (merged, results) where
-- results holds a repeat's result or the index of its entry in merged.
CREATE OR REPLACE FUNCTION pmo_sync._merge_all(pname text, batches jsonb, OUT pid int, OUT merged jsonb,
                                               OUT results jsonb)
LANGUAGE plpgsql SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    allowed uuid[];
    b jsonb;
    done jsonb;
BEGIN
    SELECT * INTO pid, allowed FROM pmo_sync._pusher(pname);
    merged := '[]';
    results := '[]';
    PERFORM pmo_sync._backfill_keys(pid, batches->0->'meta'->'keys');
    PERFORM pmo_sync._lock_rows(pid, batches);
    FOR b IN SELECT value FROM jsonb_array_elements(coalesce(batches, '[]')) LOOP
        done := pmo_sync._applied((b->>'id')::uuid);
        IF done IS NULL THEN
            results := results || jsonb_build_array(jsonb_array_length(merged));
            merged := merged || jsonb_build_array(pmo_sync._merge(pid, allowed, (b->>'id')::uuid, b->>'label',
                                                                  b->'changes', b->'meta'));
        ELSE
            results := results || jsonb_build_array(done);
        END IF;
    END LOOP;
END $f$;

-- The results of _merge_all once stamped: each entry's own result.
CREATE OR REPLACE FUNCTION pmo_sync._results(results jsonb, stamped jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $f$
    SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(r.v) = 'number' THEN stamped->((r.v #>> '{}')::int) ELSE r.v END
                              ORDER BY r.o), '[]')
      FROM jsonb_array_elements(results) WITH ORDINALITY r(v, o)
$f$;

-- Several batches in one call, in order, in the caller's transaction.
CREATE OR REPLACE FUNCTION pmo_sync.push_batches(pname text, batches jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE
    pid int;
    merged jsonb;
    results jsonb;
BEGIN
    SELECT * INTO pid, merged, results FROM pmo_sync._merge_all(pname, batches);
    RETURN pmo_sync._results(results, pmo_sync._stamp(pid, merged));
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.push_batch(pname text, bid uuid, label text, changes jsonb, meta jsonb)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
BEGIN
    RETURN pmo_sync.push_batches(pname, jsonb_build_array(jsonb_build_object(
        'id', bid, 'label', label, 'changes', changes, 'meta', meta)))->0;
END $f$;
"""

