CREATE TABLE "lab" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme" text DEFAULT '' NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_participant" (
	"lab_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "lab_participant_lab_id_person_id_pk" PRIMARY KEY("lab_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "lab_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lab_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_session_case" (
	"session_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"attached_by_id" uuid,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_session_case_session_id_case_id_pk" PRIMARY KEY("session_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "lab_territory" (
	"lab_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	CONSTRAINT "lab_territory_lab_id_district_id_pk" PRIMARY KEY("lab_id","district_id")
);
--> statement-breakpoint
ALTER TABLE "lab" ADD CONSTRAINT "lab_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab" ADD CONSTRAINT "lab_facilitator_id_person_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_participant" ADD CONSTRAINT "lab_participant_lab_id_lab_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."lab"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_participant" ADD CONSTRAINT "lab_participant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session" ADD CONSTRAINT "lab_session_lab_id_lab_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."lab"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_case" ADD CONSTRAINT "lab_session_case_session_id_lab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."lab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_case" ADD CONSTRAINT "lab_session_case_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_case" ADD CONSTRAINT "lab_session_case_attached_by_id_person_id_fk" FOREIGN KEY ("attached_by_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_territory" ADD CONSTRAINT "lab_territory_lab_id_lab_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."lab"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_territory" ADD CONSTRAINT "lab_territory_district_id_district_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."district"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lab_project_idx" ON "lab" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "lab_session_lab_idx" ON "lab_session" USING btree ("lab_id","starts_at");