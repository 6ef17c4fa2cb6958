CREATE TABLE `evaluation_weights` (
	`indicator` text PRIMARY KEY NOT NULL,
	`weight` real NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
