CREATE TYPE "public"."partnership_form" AS ENUM('ats', 'protocollo_intesa', 'other');--> statement-breakpoint
CREATE TYPE "public"."relation_kind" AS ENUM('agreement', 'co_action', 'referral', 'internship', 'lab', 'decision', 'other');--> statement-breakpoint
CREATE TYPE "public"."vocabulary_list" AS ENUM('area', 'target');--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'comune';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'ufficio_di_piano';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'azienda_speciale';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'cooperativa_sociale_a';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'cooperativa_sociale_b';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'consorzio';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'fondazione';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'associazione';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'ente_formazione_accreditato';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'agenzia_per_il_lavoro';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'centro_impiego';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'asst_ats';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'citta_metropolitana';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'impresa_profit';--> statement-breakpoint
ALTER TYPE "public"."organisation_kind" ADD VALUE 'impresa_non_profit';--> statement-breakpoint
CREATE TABLE "network_relation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"kind" "relation_kind" NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"from_date" date,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "organisation_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "partnership_agreement" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"form" "partnership_form" NOT NULL,
	"signed_on" date,
	"act" text DEFAULT '' NOT NULL,
	"mandate_organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "project_vocabulary" (
	"project_id" uuid NOT NULL,
	"list" "vocabulary_list" NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "project_vocabulary_project_id_list_key_pk" PRIMARY KEY("project_id","list","key")
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "vat_number" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership" ADD COLUMN "district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership" ADD COLUMN "from_date" date;--> statement-breakpoint
ALTER TABLE "partnership" ADD COLUMN "to_date" date;--> statement-breakpoint
ALTER TABLE "network_relation" ADD CONSTRAINT "network_relation_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relation" ADD CONSTRAINT "network_relation_source_id_organisation_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_relation" ADD CONSTRAINT "network_relation_target_id_organisation_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_contact" ADD CONSTRAINT "organisation_contact_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreement" ADD CONSTRAINT "partnership_agreement_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreement" ADD CONSTRAINT "partnership_agreement_mandate_organisation_fk" FOREIGN KEY ("mandate_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_vocabulary" ADD CONSTRAINT "project_vocabulary_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_relation_project_idx" ON "network_relation" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "organisation_contact_organisation_idx" ON "organisation_contact" USING btree ("organisation_id");