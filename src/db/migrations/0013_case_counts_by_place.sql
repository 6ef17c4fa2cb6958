PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_case_counts` (
	`programme_code` text NOT NULL,
	`state` text NOT NULL,
	`province` text NOT NULL,
	`industry` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`province`, `industry`, `programme_code`, `state`)
);
--> statement-breakpoint
INSERT INTO `__new_case_counts`("programme_code", "state", "province", "industry", "n") SELECT "programme_code", "state", "province", "industry", "n" FROM `case_counts`;--> statement-breakpoint
DROP TABLE `case_counts`;--> statement-breakpoint
ALTER TABLE `__new_case_counts` RENAME TO `case_counts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;