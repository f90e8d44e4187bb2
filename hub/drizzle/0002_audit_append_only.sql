-- The alert audit log is append-only: a mistake is corrected by a new entry, never by rewriting history.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'alert_actions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER alert_actions_append_only BEFORE UPDATE OR DELETE ON alert_actions
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
