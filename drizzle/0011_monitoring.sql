CREATE TABLE "case_esf_profile" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"gender" text NOT NULL,
	"labour_status" text NOT NULL,
	"age_band" text NOT NULL,
	"education" text NOT NULL,
	"disability" boolean,
	"third_country_national" boolean,
	"foreign_background" boolean,
	"minority" boolean,
	"homeless" boolean,
	"rural" boolean,
	"result_at_exit" text,
	"result_six_months" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"district_id" uuid,
	"target" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_target_unique" UNIQUE NULLS NOT DISTINCT("project_id","indicator","district_id")
);
--> statement-breakpoint
ALTER TABLE "case_esf_profile" ADD CONSTRAINT "case_esf_profile_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_esf_profile" ADD CONSTRAINT "case_esf_profile_updated_by_id_person_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_target" ADD CONSTRAINT "monitoring_target_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_target" ADD CONSTRAINT "monitoring_target_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_target" ADD CONSTRAINT "monitoring_target_updated_by_id_person_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitoring_target_project_idx" ON "monitoring_target" USING btree ("project_id");