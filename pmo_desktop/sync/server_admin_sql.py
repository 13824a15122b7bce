"""The server side of team sync, second part: sharing a portfolio, its members, and the grants.

Appended to server_sql's schema and merge functions to make the one script `install` runs.
"""

ADMIN = r"""-- Sharing: a new portfolio with the caller as its admin, then its rows in bulk as batch 1.
CREATE OR REPLACE FUNCTION pmo_sync.create_shared(pname text, bid uuid, label text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE pid int;
BEGIN
    IF EXISTS (SELECT 1 FROM pmo_sync.portfolios WHERE name = pname) THEN
        RAISE EXCEPTION 'a portfolio named "%" is already shared in this database; choose another --name', pname
            USING ERRCODE = '23505';
    END IF;
    INSERT INTO pmo_sync.portfolios (name, last_seq, created_by) VALUES (pname, 1, session_user) RETURNING id INTO pid;
    INSERT INTO pmo_sync.members (portfolio_id, login, role) VALUES (pid, session_user, 'admin');
    INSERT INTO pmo_sync.batches (id, portfolio_id, seq, author, label, n_changes, result)
    VALUES (bid, pid, 1, session_user, label, 0, '{"seq": 1, "applied": 0, "conflicts": []}');
    RETURN 1;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.share_rows(pname text, items jsonb, meta jsonb) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record; n int;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    IF m.role <> 'admin' OR (SELECT last_seq FROM pmo_sync.portfolios WHERE id = m.pid) <> 1 THEN
        RAISE EXCEPTION 'permission denied: rows are uploaded in bulk only when a portfolio is first shared'
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO pmo_sync.rows (portfolio_id, gid, tbl, data, programme, seq, changed_by)
    SELECT m.pid, x.gid, x.tbl, x.data, x.programme, 1, session_user
      FROM jsonb_to_recordset(items) x(gid uuid, tbl text, data jsonb, programme uuid);
    GET DIAGNOSTICS n = ROW_COUNT;
    INSERT INTO pmo_sync.keys (portfolio_id, tbl, key, gid)
    SELECT m.pid, x.tbl, kk.key, x.gid FROM jsonb_to_recordset(items) x(gid uuid, tbl text, data jsonb)
     CROSS JOIN LATERAL pmo_sync._keys_of(x.data, meta->'keys'->x.tbl) kk(key)
    ON CONFLICT DO NOTHING;
    INSERT INTO pmo_sync.key_defs (portfolio_id, tbl, defs)
    SELECT m.pid, d.key, d.value FROM jsonb_each(coalesce(meta->'keys', '{}')) d
    ON CONFLICT (portfolio_id, tbl) DO UPDATE SET defs = EXCLUDED.defs;
    UPDATE pmo_sync.batches SET n_changes = n_changes + n WHERE portfolio_id = m.pid AND seq = 1;
    RETURN n;
END $f$;

-- Members: admins only. A member is an existing PostgreSQL login role.
CREATE OR REPLACE FUNCTION pmo_sync._admin(pname text) RETURNS int
LANGUAGE plpgsql STABLE SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    IF m.role <> 'admin' THEN
        RAISE EXCEPTION 'permission denied: only an admin of portfolio "%" can change its members', pname
            USING ERRCODE = '42501';
    END IF;
    RETURN m.pid;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.set_member(pname text, who text, newrole text, progs text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE pid int;
BEGIN
    pid := pmo_sync._admin(pname);
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = who AND rolcanlogin) THEN
        RAISE EXCEPTION 'there is no database login named "%"; ask the database administrator to create it', who
            USING ERRCODE = '42704';
    END IF;
    IF newrole NOT IN ('admin', 'editor', 'viewer') THEN
        RAISE EXCEPTION 'a role is admin, editor or viewer, not "%"', newrole USING ERRCODE = '22023';
    END IF;
    INSERT INTO pmo_sync.members (portfolio_id, login, role, programmes)
    VALUES (pid, who, newrole, coalesce(progs, '{}'))
    ON CONFLICT (portfolio_id, login) DO UPDATE SET role = EXCLUDED.role, programmes = EXCLUDED.programmes;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.remove_member(pname text, who text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE pid int;
BEGIN
    pid := pmo_sync._admin(pname);
    IF who = session_user THEN
        RAISE EXCEPTION 'an admin cannot remove themselves; another admin can' USING ERRCODE = '22023';
    END IF;
    DELETE FROM pmo_sync.members x WHERE x.portfolio_id = pid AND x.login = who;
    IF NOT FOUND THEN
        RAISE EXCEPTION '% is not a member of portfolio "%"', who, pname USING ERRCODE = 'P0002';
    END IF;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.list_members(pname text)
RETURNS TABLE (login text, role text, programmes text[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
DECLARE m record;
BEGIN
    SELECT * INTO m FROM pmo_sync._member(pname);
    RETURN QUERY SELECT x.login, x.role, x.programmes FROM pmo_sync.members x
                  WHERE x.portfolio_id = m.pid ORDER BY x.login;
END $f$;

CREATE OR REPLACE FUNCTION pmo_sync.my_portfolios() RETURNS TABLE (name text, role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pmo_sync, pg_temp AS $f$
    SELECT p.name, m.role FROM pmo_sync.portfolios p JOIN pmo_sync.members m ON m.portfolio_id = p.id
     WHERE m.login = session_user ORDER BY p.name
$f$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA pmo_sync FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pmo_sync.push_batch(text, uuid, text, jsonb, jsonb), pmo_sync.whoami(text),
    pmo_sync.push_batches(text, jsonb),
    pmo_sync.pull_rows(text, bigint, bigint, uuid[]), pmo_sync.pull_batches(text, bigint, bigint),
    pmo_sync.open_conflicts(text), pmo_sync.set_member(text, text, text, text[]),
    pmo_sync.remove_member(text, text), pmo_sync.list_members(text), pmo_sync.my_portfolios() TO PUBLIC;
INSERT INTO pmo_sync.info (id, version) VALUES (1, %(version)s)
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
"""
