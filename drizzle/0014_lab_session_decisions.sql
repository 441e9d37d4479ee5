CREATE TABLE "lab_session_decision" (
	"session_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	CONSTRAINT "lab_session_decision_session_id_decision_id_pk" PRIMARY KEY("session_id","decision_id")
);
--> statement-breakpoint
ALTER TABLE "lab_session_decision" ADD CONSTRAINT "lab_session_decision_session_id_lab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."lab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_session_decision" ADD CONSTRAINT "lab_session_decision_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;