CREATE TABLE `decision_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`reasons` text NOT NULL,
	`amount` real,
	`conditions` text,
	`proposed_by` integer NOT NULL,
	`proposed_at` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`closed_by` integer,
	`closed_at` text,
	`result_id` integer,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_corrections_decision` ON `decision_corrections` (`decision_id`,`status`);