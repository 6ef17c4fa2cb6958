CREATE TABLE `case_counts` (
	`programme_code` text NOT NULL,
	`state` text NOT NULL,
	`province` text NOT NULL,
	`industry` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`programme_code`, `state`, `province`, `industry`)
);
