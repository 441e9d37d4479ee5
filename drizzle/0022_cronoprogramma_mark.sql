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
ALTER TABLE "cronoprogramma_mark" ADD CONSTRAINT "cronoprogramma_mark_proposal_id_proposal_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cronoprogramma_mark" ADD CONSTRAINT "cronoprogramma_mark_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cronoprogramma_mark" ADD CONSTRAINT "cronoprogramma_mark_marked_by_id_person_id_fk" FOREIGN KEY ("marked_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;