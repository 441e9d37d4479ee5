CREATE TYPE "public"."minutes_approval_rule" AS ENUM('chair', 'next_meeting');--> statement-breakpoint
ALTER TYPE "public"."attendance_status" ADD VALUE 'excused';--> statement-breakpoint
CREATE TABLE "meeting_guest" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation_name" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "body" ADD COLUMN "minutes_approval_rule" "minutes_approval_rule" DEFAULT 'chair' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "minutes_approval" ADD COLUMN "at_meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "votes_for" integer;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "votes_against" integer;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "votes_abstained" integer;--> statement-breakpoint
ALTER TABLE "meeting_guest" ADD CONSTRAINT "meeting_guest_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_guest_meeting_idx" ON "meeting_guest" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "minutes_approval" ADD CONSTRAINT "minutes_approval_at_meeting_id_meeting_id_fk" FOREIGN KEY ("at_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;