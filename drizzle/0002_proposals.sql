CREATE TYPE "public"."proposal_status" AS ENUM('drafting', 'submitted', 'archived');--> statement-breakpoint
CREATE TYPE "public"."section_status" AS ENUM('to_write', 'draft', 'in_review', 'agreed');--> statement-breakpoint
CREATE TYPE "public"."template_section_kind" AS ENUM('text', 'actions');--> statement-breakpoint
CREATE TYPE "public"."proposal_version_kind" AS ENUM('named', 'daily', 'restore');--> statement-breakpoint
CREATE TABLE "call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"targets" text DEFAULT '' NOT NULL,
	"aims" text DEFAULT '' NOT NULL,
	"general_objectives" text DEFAULT '' NOT NULL,
	"specific_objectives" text DEFAULT '' NOT NULL,
	"resources" text DEFAULT '' NOT NULL,
	"deadline" date,
	"template_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_thread" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"anchor_from" "bytea" NOT NULL,
	"anchor_to" "bytea" NOT NULL,
	"quoted_text" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"resolved" boolean DEFAULT false NOT NULL,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" "proposal_status" DEFAULT 'drafting' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_section" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"template_section_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"status" "section_status" DEFAULT 'to_write' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"locked_by_id" uuid,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"name" text,
	"kind" "proposal_version_kind" NOT NULL,
	"day" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_version_document" (
	"version_id" uuid NOT NULL,
	"document_name" text NOT NULL,
	"state" "bytea" NOT NULL,
	CONSTRAINT "proposal_version_document_version_id_document_name_pk" PRIMARY KEY("version_id","document_name")
);
--> statement-breakpoint
CREATE TABLE "section_owner" (
	"section_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "section_owner_section_id_organisation_id_pk" PRIMARY KEY("section_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"project_id" uuid,
	"name" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"version" text DEFAULT '1' NOT NULL,
	"page_chars" integer DEFAULT 3000 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_section" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"limit_chars" integer,
	"limit_label" text,
	"kind" "template_section_kind" DEFAULT 'text' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_template_id_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_thread_id_comment_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."comment_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_section_id_proposal_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."proposal_section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_thread" ADD CONSTRAINT "comment_thread_resolved_by_id_person_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal" ADD CONSTRAINT "proposal_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_section" ADD CONSTRAINT "proposal_section_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_section" ADD CONSTRAINT "proposal_section_template_section_id_template_section_id_fk" FOREIGN KEY ("template_section_id") REFERENCES "public"."template_section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_section" ADD CONSTRAINT "proposal_section_locked_by_id_person_id_fk" FOREIGN KEY ("locked_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_version" ADD CONSTRAINT "proposal_version_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_version_document" ADD CONSTRAINT "proposal_version_document_version_id_proposal_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."proposal_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_owner" ADD CONSTRAINT "section_owner_section_id_proposal_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."proposal_section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_owner" ADD CONSTRAINT "section_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template" ADD CONSTRAINT "template_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template" ADD CONSTRAINT "template_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_section" ADD CONSTRAINT "template_section_template_id_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."template"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_project_idx" ON "call" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "comment_thread_idx" ON "comment" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "comment_thread_section_idx" ON "comment_thread" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "proposal_call_idx" ON "proposal" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_section_position_unique" ON "proposal_section" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE INDEX "proposal_version_proposal_idx" ON "proposal_version" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_version_daily_unique" ON "proposal_version" USING btree ("proposal_id","day") WHERE kind = 'daily';--> statement-breakpoint
CREATE UNIQUE INDEX "template_key_unique" ON "template" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "template_section_number_unique" ON "template_section" USING btree ("template_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "template_section_position_unique" ON "template_section" USING btree ("template_id","position");