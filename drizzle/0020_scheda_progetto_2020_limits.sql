-- The scheda progetto seeded before sections could nest (ADR 0160): its §1–2 carried limits the
-- call does not set, and §10 was one text with an invented 5-page limit. Proposals written on
-- it keep their sections, so that template stays as it was, with the invented limits removed,
-- under its own key; the corrected template (10 over 10.a–10.e) is seeded under the old key.
UPDATE "template_section" SET "limit_chars" = NULL, "limit_label" = NULL
WHERE "number" IN ('1', '2')
	AND "template_id" IN (SELECT "id" FROM "template" WHERE "key" = 'scheda-progetto' AND "project_id" IS NULL);--> statement-breakpoint
UPDATE "template_section" SET "limit_chars" = NULL, "limit_label" = 'max 1 pag. per punto (a–e)'
WHERE "number" = '10'
	AND "template_id" IN (SELECT "id" FROM "template" WHERE "key" = 'scheda-progetto' AND "project_id" IS NULL);--> statement-breakpoint
UPDATE "template" SET "key" = 'scheda-progetto-2020', "name" = "name" || ' (sezione 10 in un solo testo)'
WHERE "key" = 'scheda-progetto' AND "project_id" IS NULL;
