CREATE TYPE "public"."trace_link_kind" AS ENUM('need_objective', 'objective_action', 'decision_action', 'indicator_objective');--> statement-breakpoint
CREATE TYPE "public"."trace_node_kind" AS ENUM('need', 'objective');--> statement-breakpoint
CREATE TABLE "cronoprogramma_mark" (
	"proposal_id" uuid NOT NULL,
	"action_id" text NOT NULL,
	"month" integer NOT NULL,
	"project_id" uuid NOT NULL,
	"marked_by_id" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cronoprogramma_mark_proposal_id_action_id_month_pk" PRIMARY KEY("proposal_id","action_id","month")
);
--> statement-breakpoint
CREATE TABLE "trace_link" (
	"project_id" uuid NOT NULL,
	"kind" "trace_link_kind" NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trace_link_project_id_kind_from_id_to_id_pk" PRIMARY KEY("project_id","kind","from_id","to_id")
);
--> statement-breakpoint
CREATE TABLE "trace_node" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "trace_node_kind" NOT NULL,
	"title" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cronoprogramma_mark" ADD CONSTRAINT "cronoprogramma_mark_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cronoprogramma_mark" ADD CONSTRAINT "cronoprogramma_mark_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cronoprogramma_mark" ADD CONSTRAINT "cronoprogramma_mark_marked_by_id_person_id_fk" FOREIGN KEY ("marked_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_link" ADD CONSTRAINT "trace_link_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_link" ADD CONSTRAINT "trace_link_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_node" ADD CONSTRAINT "trace_node_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_node" ADD CONSTRAINT "trace_node_created_by_id_person_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trace_node_project_idx" ON "trace_node" USING btree ("project_id","kind");