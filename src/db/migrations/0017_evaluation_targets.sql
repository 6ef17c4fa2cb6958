CREATE TABLE `evaluation_targets` (
	`location` text NOT NULL,
	`year` integer NOT NULL,
	`indicator` text NOT NULL,
	`target` real NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	PRIMARY KEY(`location`, `year`, `indicator`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
