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
ALTER TABLE "budget_territory_override" ADD CONSTRAINT "budget_territory_override_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_territory_override" ADD CONSTRAINT "budget_territory_override_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget" ADD CONSTRAINT "project_budget_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;