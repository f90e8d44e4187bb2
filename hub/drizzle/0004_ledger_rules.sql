-- The time-bank ledger is double entry and append-only, enforced by the database itself.
-- 1. Every transfer has at least two entries and they sum to zero: checked per transfer at commit
--    (constraint triggers, deferrable initially deferred), so a transfer is built in several inserts.
CREATE OR REPLACE FUNCTION tb_check_transfer_balanced() RETURNS trigger AS $$
DECLARE
  t uuid;
  n int;
  total bigint;
BEGIN
  IF TG_TABLE_NAME = 'tb_entries' THEN
    t := NEW.transfer_id;
  ELSE
    t := NEW.id;
  END IF;
  SELECT count(*), coalesce(sum(amount_minutes), 0) INTO n, total FROM tb_entries WHERE transfer_id = t;
  IF n < 2 OR total <> 0 THEN
    RAISE EXCEPTION 'time-bank transfer % is unbalanced: % entries summing to % minutes', t, n, total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tb_entries_balanced AFTER INSERT ON tb_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tb_check_transfer_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tb_transfers_balanced AFTER INSERT ON tb_transfers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tb_check_transfer_balanced();
--> statement-breakpoint
-- 2. Nothing is edited or deleted: a mistake is corrected by a reversing transfer.
CREATE OR REPLACE FUNCTION tb_refuse_ledger_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused); post a reversing transfer instead', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tb_entries_append_only BEFORE UPDATE OR DELETE ON tb_entries
  FOR EACH ROW EXECUTE FUNCTION tb_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER tb_transfers_append_only BEFORE UPDATE OR DELETE ON tb_transfers
  FOR EACH ROW EXECUTE FUNCTION tb_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER tb_entries_no_truncate BEFORE TRUNCATE ON tb_entries
  FOR EACH STATEMENT EXECUTE FUNCTION tb_refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER tb_transfers_no_truncate BEFORE TRUNCATE ON tb_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION tb_refuse_ledger_change();
