CREATE TABLE `issuing_authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_code` text NOT NULL,
	`province` text NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`review_body_zh` text,
	`review_body_en` text,
	`court_zh` text,
	`court_en` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`institution_code`) REFERENCES `institutions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issuing_authorities_place` ON `issuing_authorities` (`institution_code`,`province`,`city`);--> statement-breakpoint
ALTER TABLE `decisions` ADD `prepared_by` integer;--> statement-breakpoint
ALTER TABLE `decisions` ADD `issuer_zh` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `issuer_en` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `remedies` text;