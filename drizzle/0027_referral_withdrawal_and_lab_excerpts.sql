ALTER TYPE "public"."case_referral_status" ADD VALUE 'withdrawn';--> statement-breakpoint
CREATE TABLE "lab_session_excerpt" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" uuid,
	"text" text NOT NULL,
	"shared_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "withdrawn_by_id" uuid;--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lab_session_excerpt" ADD CONSTRAINT "lab_session_excerpt_session_id_lab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."lab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_excerpt" ADD CONSTRAINT "lab_session_excerpt_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_excerpt" ADD CONSTRAINT "lab_session_excerpt_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_excerpt" ADD CONSTRAINT "lab_session_excerpt_shared_by_id_person_id_fk" FOREIGN KEY ("shared_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lab_session_excerpt_session_idx" ON "lab_session_excerpt" USING btree ("session_id","case_id");--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_withdrawn_by_id_person_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;