-- The SQLite functions that the domain's SQL uses, with SQLite's meaning, so that one text of
-- each query serves both engines (src/db/pg-sql.ts translates only parameters and a few words).
-- '$.a.b[2]' → '{a,b,2}'
CREATE FUNCTION sqlite_json_path(path text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN p = '' THEN '{}'::text[] ELSE string_to_array(p, '.') END
  FROM (SELECT regexp_replace(regexp_replace(path, '^\$\.?', ''), '\[(\d+)\]', '.\1', 'g') AS p) s
$$;
--> statement-breakpoint
-- On a text column (figures): the number at the path, as SQLite gives it to sums and comparisons.
CREATE FUNCTION json_extract(doc text, path text) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE jsonb_typeof(v) WHEN 'number' THEN (v #>> '{}')::double precision
                              WHEN 'boolean' THEN CASE WHEN v = 'true'::jsonb THEN 1 ELSE 0 END END
  FROM (SELECT doc::jsonb #> sqlite_json_path(path) AS v) s
$$;
--> statement-breakpoint
-- On a value of json_each: the JSON value, compared with a parameter as JSON.
CREATE FUNCTION json_extract(doc jsonb, path text) RETURNS jsonb LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT doc #> sqlite_json_path(path)
$$;
--> statement-breakpoint
CREATE FUNCTION json_each(doc text, path text) RETURNS TABLE (key text, value jsonb) LANGUAGE sql IMMUTABLE AS $$
  SELECT e.key, e.value FROM jsonb_each(CASE WHEN jsonb_typeof(doc::jsonb #> sqlite_json_path(path)) = 'object'
                                          THEN doc::jsonb #> sqlite_json_path(path) ELSE '{}'::jsonb END) e
  UNION ALL
  SELECT (a.i - 1)::text, a.v FROM jsonb_array_elements(CASE WHEN jsonb_typeof(doc::jsonb #> sqlite_json_path(path)) = 'array'
                                                          THEN doc::jsonb #> sqlite_json_path(path) ELSE '[]'::jsonb END)
    WITH ORDINALITY a(v, i)
$$;
--> statement-breakpoint
CREATE FUNCTION julianday(t text) RETURNS double precision LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT extract(epoch FROM t::timestamptz)::double precision / 86400 + 2440587.5
$$;
--> statement-breakpoint
CREATE FUNCTION strftime(fmt text, t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT to_char(t::timestamptz AT TIME ZONE 'UTC',
    replace(replace(replace(replace(replace(replace(fmt, '%Y', 'YYYY'), '%m', 'MM'), '%d', 'DD'), '%H', 'HH24'), '%M', 'MI'), '%S', 'SS'))
$$;
--> statement-breakpoint
-- SQLite keeps booleans as 0 and 1, and the domain's SQL compares them so (conflict = 1).
CREATE FUNCTION sqlite_bool_eq(a boolean, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a = (b <> 0) $$;
--> statement-breakpoint
CREATE FUNCTION sqlite_bool_ne(a boolean, b integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a <> (b <> 0) $$;
--> statement-breakpoint
CREATE OPERATOR = (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = sqlite_bool_eq);
--> statement-breakpoint
CREATE OPERATOR <> (LEFTARG = boolean, RIGHTARG = integer, FUNCTION = sqlite_bool_ne);
