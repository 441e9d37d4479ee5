ALTER TYPE "public"."template_section_kind" ADD VALUE 'heading';--> statement-breakpoint
ALTER TYPE "public"."template_section_kind" ADD VALUE 'table';--> statement-breakpoint
ALTER TYPE "public"."template_section_kind" ADD VALUE 'date';--> statement-breakpoint
ALTER TYPE "public"."template_section_kind" ADD VALUE 'amount';--> statement-breakpoint
ALTER TYPE "public"."template_section_kind" ADD VALUE 'choice';--> statement-breakpoint
ALTER TABLE "template_section" ADD COLUMN "columns" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "template_section" ADD COLUMN "options" text[] DEFAULT '{}'::text[] NOT NULL;