CREATE TABLE "collab_authorship" (
	"document_name" text NOT NULL,
	"client" bigint NOT NULL,
	"clock_start" bigint NOT NULL,
	"clock_end" bigint NOT NULL,
	"author_id" uuid NOT NULL,
	CONSTRAINT "collab_authorship_document_name_client_clock_start_pk" PRIMARY KEY("document_name","client","clock_start")
);
--> statement-breakpoint
ALTER TABLE "collab_update" ADD COLUMN "author_id" uuid;