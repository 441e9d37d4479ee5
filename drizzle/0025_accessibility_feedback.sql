ALTER TYPE "public"."notification_kind" ADD VALUE 'accessibility_feedback';--> statement-breakpoint
CREATE TABLE "accessibility_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text NOT NULL,
	"page_url" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"locale" text DEFAULT 'it' NOT NULL,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
