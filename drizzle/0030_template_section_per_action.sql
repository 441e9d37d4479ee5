CREATE TYPE "public"."template_section_per_action" AS ENUM('each', 'each_and_overall');--> statement-breakpoint
ALTER TABLE "template_section" ADD COLUMN "per_action" "template_section_per_action";