CREATE TABLE "decision_tally" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"decisions" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_tally" ADD CONSTRAINT "decision_tally_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_project_created_idx" ON "decision" USING btree ("project_id","created_at","id");--> statement-breakpoint
CREATE INDEX "decision_status_change_at_idx" ON "decision_status_change" USING btree ("at","id");--> statement-breakpoint
-- The decision register's unfiltered count, kept on write (ADR 0215): every statement that
-- inserts, deletes (cascades included) or moves decisions updates decision_tally in its own
-- transaction. Statement-level with transition tables: a bulk insert costs one upsert a project.
CREATE FUNCTION "decision_tally_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "decision_tally" ("project_id", "decisions")
		SELECT "project_id", count(*) FROM "added" GROUP BY "project_id"
	ON CONFLICT ("project_id") DO UPDATE
		SET "decisions" = "decision_tally"."decisions" + excluded."decisions";
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "decision_tally_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "decision_tally" AS t SET "decisions" = t."decisions" - r."n"
		FROM (SELECT "project_id", count(*) AS "n" FROM "removed" GROUP BY "project_id") AS r
		WHERE t."project_id" = r."project_id";
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "decision_tally_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "decision_tally" SET "decisions" = "decisions" - 1 WHERE "project_id" = OLD."project_id";
	INSERT INTO "decision_tally" ("project_id", "decisions") VALUES (NEW."project_id", 1)
	ON CONFLICT ("project_id") DO UPDATE SET "decisions" = "decision_tally"."decisions" + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "decision_tally_insert" AFTER INSERT ON "decision"
	REFERENCING NEW TABLE AS "added" FOR EACH STATEMENT EXECUTE FUNCTION "decision_tally_added"();
--> statement-breakpoint
CREATE TRIGGER "decision_tally_delete" AFTER DELETE ON "decision"
	REFERENCING OLD TABLE AS "removed" FOR EACH STATEMENT EXECUTE FUNCTION "decision_tally_removed"();
--> statement-breakpoint
CREATE TRIGGER "decision_tally_move" AFTER UPDATE OF "project_id" ON "decision" FOR EACH ROW
	WHEN (OLD."project_id" IS DISTINCT FROM NEW."project_id") EXECUTE FUNCTION "decision_tally_moved"();
--> statement-breakpoint
INSERT INTO "decision_tally" ("project_id", "decisions")
	SELECT "project_id", count(*) FROM "decision" GROUP BY "project_id";
