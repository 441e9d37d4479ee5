CREATE TABLE "case_follow_up" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"outcome_event_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_follow_up" ADD CONSTRAINT "case_follow_up_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_up" ADD CONSTRAINT "case_follow_up_outcome_event_id_case_event_id_fk" FOREIGN KEY ("outcome_event_id") REFERENCES "public"."case_event"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_up" ADD CONSTRAINT "case_follow_up_done_event_id_case_event_id_fk" FOREIGN KEY ("done_event_id") REFERENCES "public"."case_event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_follow_up_case_idx" ON "case_follow_up" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_follow_up_due_idx" ON "case_follow_up" USING btree ("due_on");--> statement-breakpoint
-- Backfill (cases/follow-ups.ts scheduleFromLog): each case's latest outcome schedules its
-- six-month follow-up, done when a follow-up event was recorded on or after the outcome.
INSERT INTO "case_follow_up" ("case_id", "outcome_event_id", "due_on", "done_event_id")
SELECT o."case_id", o."id", (o."occurred_on" + interval '6 months')::date,
	(SELECT f."id" FROM "case_event" f
		WHERE f."case_id" = o."case_id" AND f."kind"::text = 'follow_up' AND f."occurred_on" >= o."occurred_on"
		ORDER BY f."occurred_on" DESC, f."created_at" DESC LIMIT 1)
FROM (
	SELECT DISTINCT ON ("case_id") "id", "case_id", "occurred_on" FROM "case_event"
	WHERE "kind"::text IN ('hire', 'closure')
	ORDER BY "case_id", "occurred_on" DESC, "created_at" DESC
) o
WHERE NOT EXISTS (SELECT 1 FROM "case_follow_up" x WHERE x."case_id" = o."case_id");
