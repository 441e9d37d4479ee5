ALTER TABLE "call" ADD COLUMN "awarding_body" text;--> statement-breakpoint
ALTER TABLE "call" ADD COLUMN "act_number" text;--> statement-breakpoint
ALTER TABLE "call" ADD COLUMN "act_date" date;--> statement-breakpoint
ALTER TABLE "call" ADD COLUMN "cup" text;--> statement-breakpoint
ALTER TABLE "call" ADD COLUMN "cig" text;