CREATE TABLE `notice_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`text` text NOT NULL,
	`address` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_objections_case` ON `notice_objections` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `notice_objections_address` ON `notice_objections` (`address`,`created_at`);