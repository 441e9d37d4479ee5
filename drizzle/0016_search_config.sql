-- Search across everything (ADR 0140): Italian stems and simple prefixes, both without accents.
-- unaccent is a filtering dictionary: it strips accents, then passes the word on.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION tavolo_it (COPY = pg_catalog.italian);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION tavolo_it ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION tavolo_simple (COPY = pg_catalog.simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION tavolo_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
-- One definition of a searchable text's vector, used by every generated search column.
CREATE FUNCTION tavolo_search_vector(body text) RETURNS tsvector
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ select to_tsvector('tavolo_it'::regconfig, coalesce(body, '')) || to_tsvector('tavolo_simple'::regconfig, coalesce(body, '')) $$;
