DROP TABLE "minutes_amendment" CASCADE;--> statement-breakpoint
DROP TYPE "public"."amendment_status";