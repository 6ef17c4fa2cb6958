-- Statistics read what each case contributes from `figures` (written by the engine with every
-- snapshot, as the case's programme computes it), no longer from fields of the snapshot: the
-- covering index holds the figures text instead of one expression per context field, so a new
-- programme or a new kind of figure needs no new index. Rows written before this migration get
-- their figures at the next start (src/domain/setup/case-figures.ts).
DROP INDEX IF EXISTS `cases_stats`;
--> statement-breakpoint
CREATE INDEX `cases_stats` ON `cases` (
  `submitted_at`, `programme_code`, `industry`, `province`, `enterprise_id`, `state`, `figures`
) WHERE `submitted_at` IS NOT NULL;
