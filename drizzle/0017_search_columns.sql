CREATE TABLE "live_document_text" (
	"document_name" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"body" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (tavolo_search_vector("live_document_text"."body")) STORED,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Dropping the column drops its index: it is created again below with the new vector.
ALTER TABLE "decision" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (tavolo_search_vector("decision"."text" || ' ' || "decision"."quote")) STORED;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (tavolo_search_vector("organisation"."name" || ' ' || coalesce("organisation"."short_name", ''))) STORED;--> statement-breakpoint
ALTER TABLE "action_item" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (tavolo_search_vector("action_item"."title")) STORED;--> statement-breakpoint
ALTER TABLE "lab" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (tavolo_search_vector("lab"."title" || ' ' || "lab"."theme")) STORED;--> statement-breakpoint
CREATE INDEX "live_document_text_ref_idx" ON "live_document_text" USING btree ("kind","ref_id");--> statement-breakpoint
CREATE INDEX "live_document_text_search_idx" ON "live_document_text" USING gin ("search");--> statement-breakpoint
CREATE INDEX "organisation_search_idx" ON "organisation" USING gin ("search");--> statement-breakpoint
CREATE INDEX "action_item_search_idx" ON "action_item" USING gin ("search");--> statement-breakpoint
CREATE INDEX "lab_search_idx" ON "lab" USING gin ("search");--> statement-breakpoint
CREATE INDEX "decision_search_idx" ON "decision" USING gin ("search");
