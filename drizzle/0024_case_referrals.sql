CREATE TYPE "public"."case_referral_status" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "case_referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"shares_identity" boolean NOT NULL,
	"status" "case_referral_status" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"referred_by_id" uuid,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_from_organisation_id_organisation_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_to_organisation_id_organisation_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_referred_by_id_person_id_fk" FOREIGN KEY ("referred_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referral" ADD CONSTRAINT "case_referral_decided_by_id_person_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_referral_case_idx" ON "case_referral" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_referral_to_idx" ON "case_referral" USING btree ("to_organisation_id","status");