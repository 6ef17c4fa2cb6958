-- The credentials counter of the SQLite migration 0019: the bearer-token cache of every process
-- is valid while it stands still; any change to a token or a user moves it in that transaction.
INSERT INTO counters (name, value) VALUES ('credentials', 0) ON CONFLICT (name) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION credentials_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO counters (name, value) VALUES ('credentials', 1)
  ON CONFLICT (name) DO UPDATE SET value = counters.value + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER api_tokens_credentials AFTER UPDATE ON api_tokens FOR EACH ROW EXECUTE FUNCTION credentials_moved();
--> statement-breakpoint
CREATE TRIGGER users_credentials AFTER UPDATE ON users FOR EACH ROW EXECUTE FUNCTION credentials_moved();
