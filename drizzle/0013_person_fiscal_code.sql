ALTER TABLE "person" ADD COLUMN "fiscal_code" text;--> statement-breakpoint
ALTER TABLE "invitation" ADD COLUMN "fiscal_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "person_fiscal_code_unique" ON "person" USING btree ("fiscal_code");