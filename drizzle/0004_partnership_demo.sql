CREATE TYPE "public"."partnership_role" AS ENUM('lead', 'institutional_partner', 'operating_partner', 'network_member', 'programme_referent');--> statement-breakpoint
CREATE TABLE "partnership" (
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "partnership_role" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"targets" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "partnership_project_id_organisation_id_pk" PRIMARY KEY("project_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "demo_seed_step" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership" ADD CONSTRAINT "partnership_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;