-- case_counts also keeps each stage's count for any province ('*') and any industry ('*'), so
-- every stage-count question of the workbench reads one row per stage. The triggers succeed
-- those of 0007: an insert or a state change now moves four rows (exact, any industry, any
-- province, any of both); still only when a counted column changes.
DROP TRIGGER IF EXISTS `cases_count_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `cases_count_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `cases_count_delete`;
--> statement-breakpoint
CREATE TRIGGER `cases_count_insert` AFTER INSERT ON `cases` WHEN new.submitted_at IS NOT NULL
BEGIN
  INSERT INTO case_counts (province, industry, programme_code, state, n)
  SELECT new.province, new.industry, new.programme_code, new.state, 1 WHERE 1
  UNION ALL SELECT new.province, '*', new.programme_code, new.state, 1 WHERE 1
  UNION ALL SELECT '*', new.industry, new.programme_code, new.state, 1 WHERE 1
  UNION ALL SELECT '*', '*', new.programme_code, new.state, 1 WHERE 1
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_update` AFTER UPDATE OF programme_code, state, province, industry, submitted_at ON `cases`
WHEN (old.submitted_at IS NULL) <> (new.submitted_at IS NULL)
  OR (new.submitted_at IS NOT NULL AND (old.state IS NOT new.state OR old.programme_code IS NOT new.programme_code
    OR old.province IS NOT new.province OR old.industry IS NOT new.industry))
BEGIN
  UPDATE case_counts SET n = n - 1
  WHERE old.submitted_at IS NOT NULL AND province IN (old.province, '*') AND industry IN (old.industry, '*')
    AND programme_code = old.programme_code AND state = old.state;
  INSERT INTO case_counts (province, industry, programme_code, state, n)
  SELECT new.province, new.industry, new.programme_code, new.state, 1 WHERE new.submitted_at IS NOT NULL
  UNION ALL SELECT new.province, '*', new.programme_code, new.state, 1 WHERE new.submitted_at IS NOT NULL
  UNION ALL SELECT '*', new.industry, new.programme_code, new.state, 1 WHERE new.submitted_at IS NOT NULL
  UNION ALL SELECT '*', '*', new.programme_code, new.state, 1 WHERE new.submitted_at IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_delete` AFTER DELETE ON `cases` WHEN old.submitted_at IS NOT NULL
BEGIN
  UPDATE case_counts SET n = n - 1
  WHERE province IN (old.province, '*') AND industry IN (old.industry, '*') AND programme_code = old.programme_code AND state = old.state;
END;
--> statement-breakpoint
DELETE FROM case_counts;
--> statement-breakpoint
INSERT INTO case_counts (province, industry, programme_code, state, n)
SELECT province, industry, programme_code, state, count(*) FROM cases WHERE submitted_at IS NOT NULL GROUP BY 1, 2, 3, 4
UNION ALL SELECT province, '*', programme_code, state, count(*) FROM cases WHERE submitted_at IS NOT NULL GROUP BY 1, 3, 4
UNION ALL SELECT '*', industry, programme_code, state, count(*) FROM cases WHERE submitted_at IS NOT NULL GROUP BY 2, 3, 4
UNION ALL SELECT '*', '*', programme_code, state, count(*) FROM cases WHERE submitted_at IS NOT NULL GROUP BY 3, 4;
