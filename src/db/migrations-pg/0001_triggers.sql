-- The triggers of the SQLite migrations 0001 (audit trail append-only) and 0014 (case_counts
-- follows every write to cases in the same transaction), in PL/pgSQL, under the same names.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- One stage count moves by d: the exact row, any industry, any province, any of both.
CREATE FUNCTION case_counts_move(p text, i text, prog text, st text, d integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO case_counts (province, industry, programme_code, state, n)
  VALUES (p, i, prog, st, d), (p, '*', prog, st, d), ('*', i, prog, st, d), ('*', '*', prog, st, d)
  ON CONFLICT (province, industry, programme_code, state) DO UPDATE SET n = case_counts.n + excluded.n;
$$;
--> statement-breakpoint
CREATE FUNCTION cases_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.submitted_at IS NOT NULL THEN
    PERFORM case_counts_move(OLD.province, OLD.industry, OLD.programme_code, OLD.state, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL THEN
    PERFORM case_counts_move(NEW.province, NEW.industry, NEW.programme_code, NEW.state, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_count_insert AFTER INSERT ON cases
  FOR EACH ROW WHEN (NEW.submitted_at IS NOT NULL) EXECUTE FUNCTION cases_count_change();
--> statement-breakpoint
CREATE TRIGGER cases_count_update AFTER UPDATE OF programme_code, state, province, industry, submitted_at ON cases
  FOR EACH ROW WHEN ((OLD.submitted_at IS NULL) <> (NEW.submitted_at IS NULL)
    OR (NEW.submitted_at IS NOT NULL AND (OLD.state IS DISTINCT FROM NEW.state
      OR OLD.programme_code IS DISTINCT FROM NEW.programme_code
      OR OLD.province IS DISTINCT FROM NEW.province OR OLD.industry IS DISTINCT FROM NEW.industry)))
  EXECUTE FUNCTION cases_count_change();
--> statement-breakpoint
CREATE TRIGGER cases_count_delete AFTER DELETE ON cases
  FOR EACH ROW WHEN (OLD.submitted_at IS NOT NULL) EXECUTE FUNCTION cases_count_change();
