-- Performance (issue 5): hand-written comments and function around what drizzle-kit generated
-- for src/db/schema.ts.
--
-- verbatim_after_limit: an identity function the planner is told is expensive. A page query
-- sorts its candidate rows and keeps the first few (ORDER BY ... LIMIT); PostgreSQL evaluates a
-- select list before the sort unless an expression in it is expensive, in which case it waits
-- for the LIMIT. Wrapping a row's JSON in it builds JSON for the 21 rows of a page instead of
-- the 8,859 events that overlap a month (44 ms -> 18 ms). plpgsql, because a SQL function
-- would be inlined and its cost forgotten.
CREATE FUNCTION verbatim_after_limit(value jsonb) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000
  AS $$ BEGIN RETURN value; END $$;--> statement-breakpoint

-- Name search: the name and aliases trigram GIN indexes give way to one GiST index per table on
-- name and aliases together, which also returns rows nearest first (`<<->`), so a search for a
-- common name reads the best few rows instead of every row that resembles it (28 ms -> 8 ms
-- over 50,000 speakers).
DROP INDEX "organizations_name_trgm_idx";--> statement-breakpoint
DROP INDEX "organizations_aliases_trgm_idx";--> statement-breakpoint
DROP INDEX "speakers_name_trgm_idx";--> statement-breakpoint
DROP INDEX "speakers_aliases_trgm_idx";--> statement-breakpoint
-- Events' range index, partial: an event with an unknown date has daterange(NULL, NULL), which is
-- unbounded and overlaps every range, so the full index returned every undated event to every
-- `events(from, to)` query, only for the query to filter them out (see src/db/schema.ts). It
-- still serves counts; pages read the span indexes below.
DROP INDEX "events_date_range_idx";--> statement-breakpoint
-- Events by span (end - start, in days), in start order: a page of events overlapping
-- [from, to] reads each span's index from `from - longest span` on, takes the first rows that
-- overlap, and merges them (src/schema/event.ts): 18 ms -> 1 ms for a month at 200,000 events,
-- and flat as the corpus grows, where sorting every overlapping event grows with it.
CREATE INDEX "events_span_day_idx" ON "events" USING btree ("date_start","date_end","id") WHERE ("events"."date_end" - "events"."date_start") BETWEEN 0 AND 0;--> statement-breakpoint
CREATE INDEX "events_span_month_idx" ON "events" USING btree ("date_start","date_end","id") WHERE ("events"."date_end" - "events"."date_start") BETWEEN 1 AND 31;--> statement-breakpoint
CREATE INDEX "events_span_year_idx" ON "events" USING btree ("date_start","date_end","id") WHERE ("events"."date_end" - "events"."date_start") BETWEEN 32 AND 366;--> statement-breakpoint
CREATE INDEX "events_span_decade_idx" ON "events" USING btree ("date_start","date_end","id") WHERE ("events"."date_end" - "events"."date_start") BETWEEN 367 AND 3653;--> statement-breakpoint
CREATE INDEX "events_span_longer_idx" ON "events" USING btree ("date_start","date_end","id") WHERE ("events"."date_end" - "events"."date_start") >= 3654;--> statement-breakpoint
CREATE INDEX "organizations_names_trgm_idx" ON "organizations" USING gist ((verbatim_unaccent("name" || ' ' || verbatim_join("aliases"))) gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "speakers_names_trgm_idx" ON "speakers" USING gist ((verbatim_unaccent("name" || ' ' || verbatim_join("aliases"))) gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "events_date_range_idx" ON "events" USING gist (daterange("date_start", "date_end", '[]')) WHERE "events"."date_start" IS NOT NULL;