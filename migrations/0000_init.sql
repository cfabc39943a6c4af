-- Extensions and helper functions the tables and indexes below depend on. Written by hand at
-- the top of drizzle-kit's generated migration, because drizzle-kit does not model them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot be used in an index or a
-- generated column; pinning the dictionary makes this wrapper safe to declare IMMUTABLE.
CREATE OR REPLACE FUNCTION verbatim_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
-- array_to_string() is STABLE for arbitrary arrays; for text[] it is immutable in fact.
CREATE OR REPLACE FUNCTION verbatim_join(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('DAY', 'MONTH', 'YEAR', 'DECADE', 'APPROXIMATE');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('ORDER', 'DEPLOYMENT', 'MILITARY_ACTION', 'INVASION', 'DESIGNATION', 'EXTRADITION', 'SANCTION', 'ARREST', 'SEIZURE', 'PUBLICATION', 'STATEMENT', 'AGREEMENT', 'OPERATION', 'CONDEMNATION', 'APPOINTMENT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('GOVERNMENT', 'GOVERNMENT_BODY', 'MILITARY', 'LAW_ENFORCEMENT', 'INTELLIGENCE_AGENCY', 'CRIMINAL_ORGANIZATION', 'MEDIA', 'POLITICAL_PARTY', 'INTERNATIONAL_BODY', 'RESEARCH_INSTITUTE', 'COMPANY', 'NGO', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."participant_role" AS ENUM('ACTOR', 'TARGET', 'SUBJECT', 'PARTNER', 'OBSERVER', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."quote_kind" AS ENUM('DIRECT', 'PARTIAL', 'INDIRECT');--> statement-breakpoint
CREATE TYPE "public"."speaker_kind" AS ENUM('PERSON', 'ORGANIZATION', 'UNNAMED_GROUP');--> statement-breakpoint
CREATE TABLE "article_events" (
	"article_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"sentence" text,
	"start_offset" integer,
	"end_offset" integer,
	CONSTRAINT "article_events_article_id_event_id_pk" PRIMARY KEY("article_id","event_id"),
	CONSTRAINT "article_events_offsets_ordered" CHECK (0 <= "article_events"."start_offset" AND "article_events"."start_offset" < "article_events"."end_offset")
);
--> statement-breakpoint
CREATE TABLE "article_organizations" (
	"article_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"mention" text,
	CONSTRAINT "article_organizations_article_id_organization_id_pk" PRIMARY KEY("article_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "article_paragraphs" (
	"article_id" integer NOT NULL,
	"position" integer NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	CONSTRAINT "article_paragraphs_article_id_position_pk" PRIMARY KEY("article_id","position"),
	CONSTRAINT "article_paragraphs_position_nonnegative" CHECK ("article_paragraphs"."position" >= 0),
	CONSTRAINT "article_paragraphs_offsets_ordered" CHECK (0 <= "article_paragraphs"."start_offset" AND "article_paragraphs"."start_offset" <= "article_paragraphs"."end_offset")
);
--> statement-breakpoint
CREATE TABLE "article_speakers" (
	"article_id" integer NOT NULL,
	"speaker_id" integer NOT NULL,
	"mention" text,
	CONSTRAINT "article_speakers_article_id_speaker_id_pk" PRIMARY KEY("article_id","speaker_id")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"outlet" text,
	"published_on" date NOT NULL,
	"url" text,
	"language" text DEFAULT 'en' NOT NULL,
	"body" text NOT NULL,
	"source_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED NOT NULL,
	CONSTRAINT "articles_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "articles_language_format" CHECK ("articles"."language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "event_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "event_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"speaker_id" integer,
	"organization_id" integer,
	"role" "participant_role" NOT NULL,
	CONSTRAINT "event_participants_one_party" CHECK (num_nonnulls("event_participants"."speaker_id", "event_participants"."organization_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"kind" "event_kind" NOT NULL,
	"date_start" date,
	"date_end" date,
	"date_precision" date_precision,
	"date_text" text,
	"date_external" boolean DEFAULT false NOT NULL,
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B') || setweight(to_tsvector('simple', verbatim_unaccent(verbatim_join(places))), 'C')) STORED NOT NULL,
	CONSTRAINT "events_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "events_date_ordered" CHECK ("events"."date_start" <= "events"."date_end"),
	CONSTRAINT "events_date_complete" CHECK (("events"."date_start" IS NULL) = ("events"."date_end" IS NULL) AND ("events"."date_start" IS NULL) = ("events"."date_precision" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organizations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"country" text,
	"parent_id" integer,
	"description" text,
	"wikidata_id" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', verbatim_unaccent(name)), 'A') || setweight(to_tsvector('simple', verbatim_unaccent(verbatim_join(aliases))), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED NOT NULL,
	CONSTRAINT "organizations_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "organizations_country_format" CHECK ("organizations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organizations_wikidata_format" CHECK ("organizations"."wikidata_id" ~ '^Q[0-9]+$'),
	CONSTRAINT "organizations_not_own_parent" CHECK ("organizations"."parent_id" <> "organizations"."id")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quotes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"speaker_id" integer NOT NULL,
	"kind" "quote_kind" NOT NULL,
	"text" text NOT NULL,
	"speaker_description" text,
	"verb" text,
	"channel" text,
	"said_start" date,
	"said_end" date,
	"said_precision" date_precision,
	"said_text" text,
	"published_on" date NOT NULL,
	"paragraph" integer NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', text)) STORED NOT NULL,
	CONSTRAINT "quotes_offsets_ordered" CHECK (0 <= "quotes"."start_offset" AND "quotes"."start_offset" < "quotes"."end_offset"),
	CONSTRAINT "quotes_paragraph_nonnegative" CHECK ("quotes"."paragraph" >= 0),
	CONSTRAINT "quotes_text_nonempty" CHECK (length("quotes"."text") > 0),
	CONSTRAINT "quotes_said_ordered" CHECK ("quotes"."said_start" <= "quotes"."said_end"),
	CONSTRAINT "quotes_said_complete" CHECK (("quotes"."said_start" IS NULL) = ("quotes"."said_end" IS NULL) AND ("quotes"."said_start" IS NULL) = ("quotes"."said_precision" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "speaker_roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "speaker_roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"speaker_id" integer NOT NULL,
	"organization_id" integer NOT NULL,
	"title" text NOT NULL,
	"start_on" date,
	"end_on" date,
	"dates_external" boolean DEFAULT false NOT NULL,
	CONSTRAINT "speaker_roles_dates_ordered" CHECK ("speaker_roles"."start_on" <= "speaker_roles"."end_on")
);
--> statement-breakpoint
CREATE TABLE "speakers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "speakers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "speaker_kind" NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"wikidata_id" text,
	"organization_id" integer,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', verbatim_unaccent(name)), 'A') || setweight(to_tsvector('simple', verbatim_unaccent(verbatim_join(aliases))), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED NOT NULL,
	CONSTRAINT "speakers_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "speakers_wikidata_format" CHECK ("speakers"."wikidata_id" ~ '^Q[0-9]+$')
);
--> statement-breakpoint
ALTER TABLE "article_events" ADD CONSTRAINT "article_events_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_events" ADD CONSTRAINT "article_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_organizations" ADD CONSTRAINT "article_organizations_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_organizations" ADD CONSTRAINT "article_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_paragraphs" ADD CONSTRAINT "article_paragraphs_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_speakers" ADD CONSTRAINT "article_speakers_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_speakers" ADD CONSTRAINT "article_speakers_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_roles" ADD CONSTRAINT "speaker_roles_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_roles" ADD CONSTRAINT "speaker_roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_events_event_idx" ON "article_events" USING btree ("event_id","article_id");--> statement-breakpoint
CREATE INDEX "article_organizations_organization_idx" ON "article_organizations" USING btree ("organization_id","article_id");--> statement-breakpoint
CREATE INDEX "article_speakers_speaker_idx" ON "article_speakers" USING btree ("speaker_id","article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_key" ON "articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "articles_published_on_idx" ON "articles" USING btree ("published_on","id");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin (verbatim_unaccent("title") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "event_participants_unique" ON "event_participants" USING btree ("event_id",coalesce("speaker_id", 0),coalesce("organization_id", 0),"role");--> statement-breakpoint
CREATE INDEX "event_participants_event_idx" ON "event_participants" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "event_participants_speaker_idx" ON "event_participants" USING btree ("speaker_id","event_id");--> statement-breakpoint
CREATE INDEX "event_participants_organization_idx" ON "event_participants" USING btree ("organization_id","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_slug_key" ON "events" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "events_date_range_idx" ON "events" USING gist (daterange("date_start", "date_end", '[]'));--> statement-breakpoint
CREATE INDEX "events_date_order_idx" ON "events" USING btree ("date_start","date_end","id");--> statement-breakpoint
CREATE INDEX "events_kind_idx" ON "events" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "events_title_trgm_idx" ON "events" USING gin (verbatim_unaccent("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "organizations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin (verbatim_unaccent("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_aliases_trgm_idx" ON "organizations" USING gin (verbatim_unaccent(verbatim_join("aliases")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_position_unique" ON "quotes" USING btree ("article_id","start_offset","end_offset","speaker_id","kind");--> statement-breakpoint
CREATE INDEX "quotes_speaker_order_idx" ON "quotes" USING btree ("speaker_id","published_on","article_id","start_offset","id");--> statement-breakpoint
CREATE INDEX "quotes_article_order_idx" ON "quotes" USING btree ("article_id","start_offset","id");--> statement-breakpoint
CREATE INDEX "quotes_order_idx" ON "quotes" USING btree ("published_on","article_id","start_offset","id");--> statement-breakpoint
CREATE INDEX "quotes_search_idx" ON "quotes" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "speaker_roles_unique" ON "speaker_roles" USING btree ("speaker_id","organization_id","title");--> statement-breakpoint
CREATE INDEX "speaker_roles_organization_idx" ON "speaker_roles" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "speakers_slug_key" ON "speakers" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "speakers_organization_idx" ON "speakers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "speakers_name_trgm_idx" ON "speakers" USING gin (verbatim_unaccent("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "speakers_aliases_trgm_idx" ON "speakers" USING gin (verbatim_unaccent(verbatim_join("aliases")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "speakers_search_idx" ON "speakers" USING gin ("search");