CREATE TYPE "public"."network_import_kind" AS ENUM('organisations', 'relations');--> statement-breakpoint
CREATE TABLE "network_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" "network_import_kind" NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_territory_override" (
	"project_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"cents" bigint NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "budget_territory_override_project_id_district_id_pk" PRIMARY KEY("project_id","district_id")
);
--> statement-breakpoint
CREATE TABLE "project_budget" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"public_cents" bigint NOT NULL,
	"age_from" integer NOT NULL,
	"age_to" integer NOT NULL,
	"reference_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partnership" ADD COLUMN "cofinancing_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_import" ADD CONSTRAINT "network_import_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_import" ADD CONSTRAINT "network_import_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_territory_override" ADD CONSTRAINT "budget_territory_override_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_territory_override" ADD CONSTRAINT "budget_territory_override_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget" ADD CONSTRAINT "project_budget_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;