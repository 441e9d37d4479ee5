CREATE TYPE "public"."notification_kind" AS ENUM('mention', 'section_assigned', 'comment_on_text', 'suggestion_decided', 'meeting_called', 'minutes_circulated', 'decision_assigned', 'action_item_assigned', 'action_item_overdue', 'referral');--> statement-breakpoint
CREATE TYPE "public"."notification_mail_mode" AS ENUM('immediate', 'daily', 'weekly', 'never');--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"project_id" uuid,
	"kind" "notification_kind" NOT NULL,
	"resource_id" uuid,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"read_at" timestamp with time zone,
	"mail_due_at" timestamp with time zone,
	"mail_locked_until" timestamp with time zone,
	"mailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preference" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"mail_mode" "notification_mail_mode" DEFAULT 'immediate' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "fiscal_code" text;--> statement-breakpoint
ALTER TABLE "invitation" ADD COLUMN "fiscal_code" text;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_person_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_recipient_idx" ON "notification" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_mail_due_idx" ON "notification" USING btree ("mail_due_at") WHERE "notification"."mailed_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "person_fiscal_code_unique" ON "person" USING btree ("fiscal_code");