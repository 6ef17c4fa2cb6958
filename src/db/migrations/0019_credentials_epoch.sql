-- Bearer tokens are looked up in a per-process cache (src/domain/auth/api-tokens.ts) that is valid
-- while the counter 'credentials' stands still. Any change to a token (a revocation) or to a user
-- (disabled, role, institution, name, password) moves it in the same transaction, whichever
-- server process made the change, so every process's cache is dropped at its next lookup.
-- Tokens and users are never deleted (revoked, disabled; the audit trail names users).
INSERT INTO `counters` (`name`, `value`) VALUES ('credentials', 0) ON CONFLICT(`name`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_credentials` AFTER UPDATE ON `api_tokens`
BEGIN
  INSERT INTO counters (name, value) VALUES ('credentials', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `users_credentials` AFTER UPDATE ON `users`
BEGIN
  INSERT INTO counters (name, value) VALUES ('credentials', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1;
END;
