ALTER TYPE "public"."case_referral_status" ADD VALUE 'withdrawn';--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "withdrawn_by_id" uuid;--> statement-breakpoint
ALTER TABLE "case_referral" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_withdrawn_by_id_person_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;