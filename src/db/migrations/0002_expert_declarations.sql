CREATE TABLE `expert_declarations` (
	`case_id` integer NOT NULL,
	`expert_id` integer NOT NULL,
	`conflict` integer NOT NULL,
	`note` text,
	`declared_at` text NOT NULL,
	PRIMARY KEY(`case_id`, `expert_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expert_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
