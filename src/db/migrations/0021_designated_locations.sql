CREATE TABLE `designated_locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`province` text NOT NULL,
	`city` text NOT NULL,
	`designated_on` text NOT NULL,
	`ends_on` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`end_recorded_at` text,
	`ended_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `designated_locations_place` ON `designated_locations` (`province`,`city`);