ALTER TABLE "case_month" ADD COLUMN "first_in_quarter" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_month" ADD COLUMN "first_in_year" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_summary" ADD COLUMN "follow_up_situation" text;--> statement-breakpoint
-- Backfill: the last follow-up's situation of every case, in the order the log keeps, as
-- derivedSummary (src/lib/server/monitoring/case-summary.ts) derives it on write (ADR 0216).
UPDATE "case_summary" s SET "follow_up_situation" = fs.situation
FROM (
	select distinct on (e.case_id) e.case_id, nullif(e.details->>'situation', '') as situation
	from case_event e
	-- As text: on a fresh database the enum value 'follow_up' (0028) is new in this transaction.
	where e.kind::text = 'follow_up'
	order by e.case_id, e.occurred_on desc, e.created_at desc, e.id desc
) fs
WHERE fs.case_id = s.case_id;
--> statement-breakpoint
-- Backfill: which of each case month's figures are the case's first of its quarter / year, as
-- derivedMonths (case-summary.ts) derives them on write (ADR 0216).
UPDATE "case_month" m SET "first_in_quarter" = f.q, "first_in_year" = f.y
FROM (
	select case_id, month,
		(case when ot and not coalesce(bool_or(ot) over q, false) then 1 else 0 end
			| case when internship and not coalesce(bool_or(internship) over q, false) then 2 else 0 end
			| case when hire and not coalesce(bool_or(hire) over q, false) then 4 else 0 end
			| case when closure and not coalesce(bool_or(closure) over q, false) then 8 else 0 end
			| case when employed and not coalesce(bool_or(employed) over q, false) then 16 else 0 end
			| case when hours is not null and count(hours) over q = 0 then 32 else 0 end
			| case when months is not null and count(months) over q = 0 then 64 else 0 end)::smallint as q,
		(case when ot and not coalesce(bool_or(ot) over y, false) then 1 else 0 end
			| case when internship and not coalesce(bool_or(internship) over y, false) then 2 else 0 end
			| case when hire and not coalesce(bool_or(hire) over y, false) then 4 else 0 end
			| case when closure and not coalesce(bool_or(closure) over y, false) then 8 else 0 end
			| case when employed and not coalesce(bool_or(employed) over y, false) then 16 else 0 end
			| case when hours is not null and count(hours) over y = 0 then 32 else 0 end
			| case when months is not null and count(months) over y = 0 then 64 else 0 end)::smallint as y
	from case_month
	window q as (partition by case_id, date_trunc('quarter', month::timestamp) order by month
			rows between unbounded preceding and 1 preceding),
		y as (partition by case_id, date_trunc('year', month::timestamp) order by month
			rows between unbounded preceding and 1 preceding)
) f
WHERE f.case_id = m.case_id AND f.month = m.month;
