-- case_counts follows every write to `cases` in the same transaction: the workbench's stage
-- counts then never recount 100,000 cases after an event. Only submitted cases are counted
-- (drafts are visible to their enterprise only). Rows that fall to 0 stay; readers skip them.
CREATE TRIGGER `cases_count_insert` AFTER INSERT ON `cases` WHEN new.submitted_at IS NOT NULL
BEGIN
  INSERT INTO case_counts (programme_code, state, province, industry, n)
  VALUES (new.programme_code, new.state, new.province, new.industry, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_update` AFTER UPDATE OF programme_code, state, province, industry, submitted_at ON `cases`
WHEN (old.submitted_at IS NULL) <> (new.submitted_at IS NULL)
  OR (new.submitted_at IS NOT NULL AND (old.state IS NOT new.state OR old.programme_code IS NOT new.programme_code
    OR old.province IS NOT new.province OR old.industry IS NOT new.industry))
BEGIN
  UPDATE case_counts SET n = n - 1
  WHERE old.submitted_at IS NOT NULL AND programme_code = old.programme_code AND state = old.state
    AND province = old.province AND industry = old.industry;
  INSERT INTO case_counts (programme_code, state, province, industry, n)
  SELECT new.programme_code, new.state, new.province, new.industry, 1 WHERE new.submitted_at IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_count_delete` AFTER DELETE ON `cases` WHEN old.submitted_at IS NOT NULL
BEGIN
  UPDATE case_counts SET n = n - 1
  WHERE programme_code = old.programme_code AND state = old.state AND province = old.province AND industry = old.industry;
END;
--> statement-breakpoint
INSERT INTO case_counts (programme_code, state, province, industry, n)
SELECT programme_code, state, province, industry, count(*) FROM cases WHERE submitted_at IS NOT NULL
GROUP BY programme_code, state, province, industry;
