CREATE TABLE "good_practice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"lab_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"what_worked" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"target_category" text,
	"district_id" uuid,
	"recorded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "good_practice_case" (
	"practice_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "good_practice_case_practice_id_case_id_pk" PRIMARY KEY("practice_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "lab_session_decision" (
	"session_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	CONSTRAINT "lab_session_decision_session_id_decision_id_pk" PRIMARY KEY("session_id","decision_id")
);
--> statement-breakpoint
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_lab_id_lab_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."lab"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_session_id_lab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."lab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practice" ADD CONSTRAINT "good_practice_recorded_by_id_person_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practice_case" ADD CONSTRAINT "good_practice_case_practice_id_good_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."good_practice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_practice_case" ADD CONSTRAINT "good_practice_case_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_decision" ADD CONSTRAINT "lab_session_decision_session_id_lab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."lab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_decision" ADD CONSTRAINT "lab_session_decision_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "good_practice_project_idx" ON "good_practice" USING btree ("project_id","created_at");