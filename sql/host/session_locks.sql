-- Run by the embedded database's host when it opens PGlite (src/db/host/): PGlite is one session
-- for every client, so the host keeps each client's session advisory locks itself, in a table of
-- this session, and rewrites the clients' pg_try_advisory_lock(…) into these functions with the
-- client's number first (src/db/host/rewrite.ts). A client's locks go when it disconnects.
CREATE TEMP TABLE shipdesk_lock_table (
  client int NOT NULL,
  classid int NOT NULL,
  objid int NOT NULL,
  shared boolean NOT NULL,
  held int NOT NULL,
  PRIMARY KEY (client, classid, objid, shared)
);

CREATE FUNCTION pg_temp.shipdesk_try_lock(c int, k1 int, k2 int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_temp.shipdesk_lock_table l WHERE l.classid = k1 AND l.objid = k2 AND l.client <> c) THEN
    RETURN false;
  END IF;
  INSERT INTO pg_temp.shipdesk_lock_table AS l VALUES (c, k1, k2, false, 1)
    ON CONFLICT (client, classid, objid, shared) DO UPDATE SET held = l.held + 1;
  RETURN true;
END $$;

CREATE FUNCTION pg_temp.shipdesk_try_lock_shared(c int, k1 int, k2 int) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_temp.shipdesk_lock_table l
             WHERE l.classid = k1 AND l.objid = k2 AND l.client <> c AND NOT l.shared) THEN
    RETURN false;
  END IF;
  INSERT INTO pg_temp.shipdesk_lock_table AS l VALUES (c, k1, k2, true, 1)
    ON CONFLICT (client, classid, objid, shared) DO UPDATE SET held = l.held + 1;
  RETURN true;
END $$;

-- One session cannot wait for another inside PGlite: a lock that is taken is an error at once.
CREATE FUNCTION pg_temp.shipdesk_lock(c int, k1 int, k2 int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_temp.shipdesk_try_lock(c, k1, k2) THEN
    RAISE EXCEPTION 'advisory lock (%, %) is held by another shipdesk', k1, k2 USING ERRCODE = '55P03';
  END IF;
END $$;

CREATE FUNCTION pg_temp.shipdesk_lock_shared(c int, k1 int, k2 int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_temp.shipdesk_try_lock_shared(c, k1, k2) THEN
    RAISE EXCEPTION 'advisory lock (%, %) is held by another shipdesk', k1, k2 USING ERRCODE = '55P03';
  END IF;
END $$;

CREATE FUNCTION pg_temp.shipdesk_release(c int, k1 int, k2 int, s boolean) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  left_held int;
BEGIN
  UPDATE pg_temp.shipdesk_lock_table l SET held = l.held - 1
  WHERE l.client = c AND l.classid = k1 AND l.objid = k2 AND l.shared = s
  RETURNING l.held INTO left_held;
  IF left_held IS NULL THEN
    RETURN false;
  END IF;
  DELETE FROM pg_temp.shipdesk_lock_table l WHERE l.client = c AND l.classid = k1 AND l.objid = k2 AND l.shared = s AND l.held <= 0;
  RETURN true;
END $$;

CREATE FUNCTION pg_temp.shipdesk_unlock(c int, k1 int, k2 int) RETURNS boolean LANGUAGE sql AS $$
  SELECT pg_temp.shipdesk_release(c, k1, k2, false)
$$;

CREATE FUNCTION pg_temp.shipdesk_unlock_shared(c int, k1 int, k2 int) RETURNS boolean LANGUAGE sql AS $$
  SELECT pg_temp.shipdesk_release(c, k1, k2, true)
$$;

CREATE FUNCTION pg_temp.shipdesk_unlock_all(c int) RETURNS void LANGUAGE sql AS $$
  DELETE FROM pg_temp.shipdesk_lock_table WHERE client = c
$$;

-- What a client reads as pg_locks: the advisory locks of every client, in pg_locks' columns.
CREATE TEMP VIEW shipdesk_locks AS
SELECT 'advisory'::text AS locktype, d.oid AS database, l.classid::oid AS classid, l.objid::oid AS objid,
       2::smallint AS objsubid, CASE WHEN l.shared THEN 'ShareLock' ELSE 'ExclusiveLock' END AS mode,
       true AS granted, l.client AS pid
FROM pg_temp.shipdesk_lock_table l CROSS JOIN pg_database d
WHERE d.datname = current_database();

-- A client gone: its locks and its prepared statements (named h<client>_… by the host).
CREATE FUNCTION pg_temp.shipdesk_forget_client(c int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  DELETE FROM pg_temp.shipdesk_lock_table WHERE client = c;
  FOR statement IN SELECT name FROM pg_prepared_statements WHERE left(name, length('h' || c || '_')) = 'h' || c || '_' LOOP
    EXECUTE format('DEALLOCATE %I', statement);
  END LOOP;
END $$;
