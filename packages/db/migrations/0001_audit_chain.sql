-- Hash chain and immutability for the audit trail.
CREATE SEQUENCE IF NOT EXISTS audit_log_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_row_hash(r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    r.seq::text,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(r.request_id, ''),
    coalesce(r.actor_account_id::text, ''),
    coalesce(r.actor_person_id::text, ''),
    coalesce(r.actor_role, ''),
    r.action,
    r.record_type,
    coalesce(r.record_id, ''),
    coalesce(r.purpose, ''),
    coalesce(r.details::text, ''),
    r.prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- One writer at a time until commit, so sequence order is chain order.
  PERFORM pg_advisory_xact_lock(7426001);
  NEW.seq := nextval('audit_log_seq');
  NEW.prev_hash := coalesce(
    (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1),
    repeat('0', 64));
  NEW.hash := audit_row_hash(NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
