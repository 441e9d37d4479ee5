CREATE TYPE "public"."case_event_kind" AS ENUM('referral', 'intake', 'assessment', 'agreement', 'orientation', 'course', 'internship', 'tutoring', 'hire', 'closure', 'note');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('referred', 'intake', 'agreement', 'training', 'internship', 'employed', 'closed');--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_event_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "case_status",
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_identity" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"fiscal_code" text,
	"phone" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "case_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"status" "case_status" DEFAULT 'referred' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_identity" ADD CONSTRAINT "case_identity_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record" ADD CONSTRAINT "case_record_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_event_case_idx" ON "case_event" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "case_record_project_pseudonym_unique" ON "case_record" USING btree ("project_id","pseudonym");--> statement-breakpoint
CREATE INDEX "case_record_project_organisation_idx" ON "case_record" USING btree ("project_id","organisation_id");