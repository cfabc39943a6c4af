-- Events' range index, partial: an event with an unknown date has daterange(NULL, NULL), which is
-- unbounded and overlaps every range, so the full index returned every undated event to every
-- `events(from, to)` query, only for the query to filter them out (see src/db/schema.ts).
DROP INDEX "events_date_range_idx";--> statement-breakpoint
CREATE INDEX "events_date_range_idx" ON "events" USING gist (daterange("date_start", "date_end", '[]')) WHERE "events"."date_start" IS NOT NULL;