ALTER TABLE "case_summary" ADD COLUMN "follow_up_situation" text;--> statement-breakpoint
-- Backfill: the last follow-up's situation of every case, in the order the log keeps, as
-- derivedSummary (src/lib/server/monitoring/case-summary.ts) derives it on write (ADR 0216).
UPDATE "case_summary" s SET "follow_up_situation" = fs.situation
FROM (
	select distinct on (e.case_id) e.case_id, nullif(e.details->>'situation', '') as situation
	from case_event e
	where e.kind = 'follow_up'
	order by e.case_id, e.occurred_on desc, e.created_at desc, e.id desc
) fs
WHERE fs.case_id = s.case_id;
