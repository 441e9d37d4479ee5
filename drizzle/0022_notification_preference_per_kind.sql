-- A person's one mail choice becomes one choice per kind of notification (issue 13). A row that
-- existed (no form wrote one yet) becomes a row per kind with the same mode, so nothing changes.
ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_pkey";--> statement-breakpoint
ALTER TABLE "notification_preference" ADD COLUMN "kind" "notification_kind";--> statement-breakpoint
INSERT INTO "notification_preference" ("person_id", "kind", "mail_mode", "updated_at")
SELECT p."person_id", k.kind, p."mail_mode", p."updated_at"
FROM "notification_preference" p CROSS JOIN unnest(enum_range(NULL::"notification_kind")) AS k(kind)
WHERE p."kind" IS NULL;--> statement-breakpoint
DELETE FROM "notification_preference" WHERE "kind" IS NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" ALTER COLUMN "kind" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_person_id_kind_pk" PRIMARY KEY("person_id","kind");
