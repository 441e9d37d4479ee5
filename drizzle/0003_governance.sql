CREATE TYPE "public"."amendment_status" AS ENUM('proposed', 'accepted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'delegated');--> statement-breakpoint
CREATE TYPE "public"."body_kind" AS ENUM('steering_committee', 'restricted_committee', 'working_group', 'technical_group');--> statement-breakpoint
CREATE TYPE "public"."body_role" AS ENUM('chair', 'secretary', 'member');--> statement-breakpoint
CREATE TYPE "public"."minutes_status" AS ENUM('draft', 'circulated', 'approved');--> statement-breakpoint
CREATE TYPE "public"."quorum_rule" AS ENUM('majority', 'two_thirds', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."decision_link_type" AS ENUM('proposal_section', 'activity', 'partner');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('proposed', 'approved', 'in_progress', 'done', 'rejected', 'superseded');--> statement-breakpoint
CREATE TABLE "district_population" (
	"district_id" uuid NOT NULL,
	"age_from" integer NOT NULL,
	"age_to" integer NOT NULL,
	"reference_date" date NOT NULL,
	"males" integer,
	"females" integer,
	"total" integer,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "district_population_district_id_age_from_age_to_reference_date_pk" PRIMARY KEY("district_id","age_from","age_to","reference_date")
);
--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"delegate_id" uuid,
	CONSTRAINT "attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "body_kind" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"district_id" uuid,
	"quorum_rule" "quorum_rule" DEFAULT 'majority' NOT NULL,
	"quorum_fixed" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "body_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"role" "body_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_token" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"video_link" text DEFAULT '' NOT NULL,
	"minutes_status" "minutes_status" DEFAULT 'draft' NOT NULL,
	"amendment_opens_at" timestamp with time zone,
	"amendment_closes_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_amendment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"quote" text NOT NULL,
	"replacement" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" "amendment_status" DEFAULT 'proposed' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_approval" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"text" text NOT NULL,
	"sha256" text NOT NULL,
	"approved_by_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_note" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"meeting_id" uuid,
	"decision_id" uuid,
	"title" text NOT NULL,
	"owner_person_id" uuid,
	"owner_organisation_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"status" "decision_status" DEFAULT 'proposed' NOT NULL,
	"owner_organisation_id" uuid,
	"owner_person_id" uuid,
	"due_on" date,
	"superseded_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('italian', "decision"."text" || ' ' || "decision"."quote") || to_tsvector('simple', "decision"."text" || ' ' || "decision"."quote")) STORED
);
--> statement-breakpoint
CREATE TABLE "decision_link" (
	"decision_id" uuid NOT NULL,
	"target_type" "decision_link_type" NOT NULL,
	"target_id" uuid NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "decision_link_decision_id_target_type_target_id_pk" PRIMARY KEY("decision_id","target_type","target_id")
);
--> statement-breakpoint
CREATE TABLE "decision_status_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"from_status" "decision_status",
	"to_status" "decision_status" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "district_population" ADD CONSTRAINT "district_population_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_delegate_id_person_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body" ADD CONSTRAINT "body_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_member" ADD CONSTRAINT "body_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_amendment" ADD CONSTRAINT "minutes_amendment_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_amendment" ADD CONSTRAINT "minutes_amendment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_amendment" ADD CONSTRAINT "minutes_amendment_decided_by_id_person_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approval" ADD CONSTRAINT "minutes_approval_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_approval" ADD CONSTRAINT "minutes_approval_approved_by_id_person_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_note" ADD CONSTRAINT "minutes_note_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_note" ADD CONSTRAINT "minutes_note_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_done_by_id_person_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_superseded_by_id_decision_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_link" ADD CONSTRAINT "decision_link_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_status_change" ADD CONSTRAINT "decision_status_change_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_status_change" ADD CONSTRAINT "decision_status_change_actor_id_person_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_position_unique" ON "agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "body_project_idx" ON "body" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "body_member_unique" ON "body_member" USING btree ("body_id","person_id");--> statement-breakpoint
CREATE INDEX "body_member_person_idx" ON "body_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "meeting_body_idx" ON "meeting" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "minutes_amendment_meeting_idx" ON "minutes_amendment" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "action_item_project_idx" ON "action_item" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "action_item_owner_idx" ON "action_item" USING btree ("owner_person_id","done_at");--> statement-breakpoint
CREATE INDEX "decision_project_status_idx" ON "decision" USING btree ("project_id","status","created_at");--> statement-breakpoint
CREATE INDEX "decision_project_body_idx" ON "decision" USING btree ("project_id","body_id");--> statement-breakpoint
CREATE INDEX "decision_project_due_idx" ON "decision" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "decision_owner_person_idx" ON "decision" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "decision_owner_organisation_idx" ON "decision" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "decision_search_idx" ON "decision" USING gin ("search");--> statement-breakpoint
CREATE INDEX "decision_status_change_decision_idx" ON "decision_status_change" USING btree ("decision_id","at");--> statement-breakpoint
ALTER TABLE "district" ADD CONSTRAINT "district_parent_id_district_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;