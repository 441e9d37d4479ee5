CREATE TABLE "case_category" (
	"case_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "case_category_case_id_dimension_code_pk" PRIMARY KEY("case_id","dimension","code")
);
--> statement-breakpoint
CREATE TABLE "case_month" (
	"case_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"month" date NOT NULL,
	"ot" boolean NOT NULL,
	"internship" boolean NOT NULL,
	"hire" boolean NOT NULL,
	"closure" boolean NOT NULL,
	"employed" boolean NOT NULL,
	"hours" double precision,
	"months" double precision,
	CONSTRAINT "case_month_case_id_month_pk" PRIMARY KEY("case_id","month")
);
--> statement-breakpoint
CREATE TABLE "case_summary" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"taken_in" date,
	"closed_on" date,
	"first_fact" date,
	"last_fact" date,
	"first_internship" date,
	"first_hire" date,
	"has_ot" boolean NOT NULL,
	"has_internship" boolean NOT NULL,
	"has_hire" boolean NOT NULL,
	"has_closure" boolean NOT NULL,
	"has_employed" boolean NOT NULL,
	"hours" double precision,
	"months" double precision,
	"follow_up" boolean
);
--> statement-breakpoint
ALTER TABLE "case_category" ADD CONSTRAINT "case_category_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_category" ADD CONSTRAINT "case_category_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_month" ADD CONSTRAINT "case_month_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_month" ADD CONSTRAINT "case_month_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_summary" ADD CONSTRAINT "case_summary_case_id_case_record_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_summary" ADD CONSTRAINT "case_summary_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_category_project_idx" ON "case_category" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "case_month_project_idx" ON "case_month" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "case_summary_project_idx" ON "case_summary" USING btree ("project_id");--> statement-breakpoint
-- Backfill: every case's summary rows derived from its log, by the statements of
-- src/lib/server/monitoring/case-summary.ts (derivedSummary, derivedMonths, derivedCategories).
INSERT INTO "case_summary" ("case_id", "project_id", "taken_in", "closed_on", "first_fact", "last_fact", "first_internship", "first_hire", "has_ot", "has_internship", "has_hire", "has_closure", "has_employed", "hours", "months", "follow_up") 
	with ev as (
		select e.case_id, e.kind::text as kind, e.occurred_on as "on", e.status::text as status
		from case_event e join case_record r on r.id = e.case_id
		where true
	),
	pev as materialized (
	select e.case_id, r.project_id, e.kind::text as kind, e.occurred_on as "on", e.created_at,
		case when e.kind::text in ('orientation', 'internship')
			and coalesce(e.details->>'hours', e.details->>'months') ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'
			then coalesce(e.details->>'hours', e.details->>'months')::float8 end as amount,
		case when e.kind::text in ('hire', 'closure')
			then coalesce(e.details->>'contract', e.details->>'reason', '') end as code,
		case when e.kind::text = 'hire'
			then coalesce(e.details->>'employerOrganisationId', '') end as employer,
		case when e.kind::text = 'follow_up'
			then coalesce(e.details->>'situation', '') end as situation
	from case_event e
	join case_record r on r.id = e.case_id
	where true
		and e.kind::text in ('orientation', 'course', 'internship', 'hire', 'closure', 'follow_up')),
	dates as (
		select ev.case_id, min(ev."on") as first_on, max(ev."on") as last_on,
	min(ev."on") filter (where ev.kind = 'intake') as first_intake,
	min(ev."on") filter (where ev.status is not null and ev.status <> 'referred') as first_moved,
	max(ev."on") filter (where ev.kind = 'closure') as last_closure,
			min(ev."on") filter (where ev.kind in ('intake', 'orientation', 'course', 'internship', 'hire', 'closure', 'follow_up')) as first_fact,
			max(ev."on") filter (where ev.kind in ('intake', 'orientation', 'course', 'internship', 'hire', 'closure', 'follow_up')) as last_fact
		from ev group by ev.case_id
	),
	k as (
		select pev.case_id,
			min(pev."on") filter (where pev.kind = 'internship') as first_internship,
			min(pev."on") filter (where pev.kind = 'hire') as first_hire,
			coalesce(bool_or(pev.kind in ('orientation', 'course')), false) as has_ot,
			coalesce(bool_or(pev.kind = 'internship'), false) as has_internship,
			coalesce(bool_or(pev.kind = 'hire'), false) as has_hire,
			coalesce(bool_or(pev.kind = 'closure'), false) as has_closure,
			coalesce(bool_or(pev.kind = 'follow_up' and pev.situation = 'employed'), false)
				as has_employed,
			sum(pev.amount) filter (where pev.kind = 'orientation') as hours,
			sum(pev.amount) filter (where pev.kind = 'internship') as months
		from pev group by pev.case_id
	),
	f as (
		select distinct on (case_id) case_id, situation = 'employed' as employed
		from pev where kind = 'follow_up' and situation <> ''
		order by case_id, "on" desc, created_at desc
	)
	select r.id as case_id, r.project_id, coalesce(c.first_intake, c.first_moved, case when r.status <> 'referred' then c.first_on end) as taken_in, case when r.status = 'closed' then coalesce(c.last_closure, c.last_on) end as closed_on,
		c.first_fact, c.last_fact, k.first_internship, k.first_hire,
		coalesce(k.has_ot, false) as has_ot, coalesce(k.has_internship, false) as has_internship,
		coalesce(k.has_hire, false) as has_hire, coalesce(k.has_closure, false) as has_closure,
		coalesce(k.has_employed, false) as has_employed, k.hours, k.months, f.employed as follow_up
	from case_record r
	join dates c on c.case_id = r.id
	left join k on k.case_id = r.id
	left join f on f.case_id = r.id
	where true;
--> statement-breakpoint
INSERT INTO "case_month" ("case_id", "project_id", "month", "ot", "internship", "hire", "closure", "employed", "hours", "months") 
	select case_id, project_id, date_trunc('month', "on"::timestamp)::date as month,
		bool_or(kind in ('orientation', 'course')) as ot,
		bool_or(kind = 'internship') as internship, bool_or(kind = 'hire') as hire,
		bool_or(kind = 'closure') as closure,
		bool_or(kind = 'follow_up' and situation = 'employed') as employed,
		sum(amount) filter (where kind = 'orientation') as hours,
		sum(amount) filter (where kind = 'internship') as months
	from (
	select e.case_id, r.project_id, e.kind::text as kind, e.occurred_on as "on", e.created_at,
		case when e.kind::text in ('orientation', 'internship')
			and coalesce(e.details->>'hours', e.details->>'months') ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'
			then coalesce(e.details->>'hours', e.details->>'months')::float8 end as amount,
		case when e.kind::text in ('hire', 'closure')
			then coalesce(e.details->>'contract', e.details->>'reason', '') end as code,
		case when e.kind::text = 'hire'
			then coalesce(e.details->>'employerOrganisationId', '') end as employer,
		case when e.kind::text = 'follow_up'
			then coalesce(e.details->>'situation', '') end as situation
	from case_event e
	join case_record r on r.id = e.case_id
	where true
		and e.kind::text in ('orientation', 'course', 'internship', 'hire', 'closure', 'follow_up')) pev
	group by case_id, project_id, 3;
--> statement-breakpoint
INSERT INTO "case_category" ("case_id", "project_id", "dimension", "code") 
	select distinct case_id, project_id, x.dimension, x.code
	from (
	select e.case_id, r.project_id, e.kind::text as kind, e.occurred_on as "on", e.created_at,
		case when e.kind::text in ('orientation', 'internship')
			and coalesce(e.details->>'hours', e.details->>'months') ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'
			then coalesce(e.details->>'hours', e.details->>'months')::float8 end as amount,
		case when e.kind::text in ('hire', 'closure')
			then coalesce(e.details->>'contract', e.details->>'reason', '') end as code,
		case when e.kind::text = 'hire'
			then coalesce(e.details->>'employerOrganisationId', '') end as employer,
		case when e.kind::text = 'follow_up'
			then coalesce(e.details->>'situation', '') end as situation
	from case_event e
	join case_record r on r.id = e.case_id
	where true
		and e.kind::text in ('orientation', 'course', 'internship', 'hire', 'closure', 'follow_up')) pev,
		lateral (values ('employer', pev.employer), ('contract', pev.code), ('reason', pev.code))
			as x(dimension, code)
	where (x.dimension in ('employer', 'contract') and pev.kind = 'hire')
		or (x.dimension = 'reason' and pev.kind = 'closure');
