ALTER TABLE "case_event" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "case_record" ADD COLUMN "target_category" text;--> statement-breakpoint
ALTER TABLE "case_record" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "case_record" ADD COLUMN "referral_source" text;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;