CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_code` text NOT NULL,
	`year` integer NOT NULL,
	`batch` integer NOT NULL,
	`deadline` text NOT NULL,
	`budget` integer NOT NULL,
	`committed` integer DEFAULT 0 NOT NULL,
	`categories` text NOT NULL,
	`status` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`opened_by` integer,
	`opened_at` text,
	`closed_by` integer,
	`closed_at` text,
	FOREIGN KEY (`programme_code`) REFERENCES `programmes`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calls_programme_status` ON `calls` (`programme_code`,`status`);--> statement-breakpoint
ALTER TABLE `cases` ADD `call_id` integer;