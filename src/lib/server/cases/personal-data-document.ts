import { m } from '../../paraglide/messages';
import { getLocale } from '../../paraglide/runtime';
import { formatDate, formatDateTime } from '../../format/dates';
import { caseEventKindLabel, caseStatusLabel } from '../../cases/labels';
import { describeDetails } from '../../cases/event-details';
import {
	followUpSituationLabel,
	referralSourceLabel,
	targetCategoryLabel
} from '../../cases/pathway-labels';
import { esfProfileEntries } from '../../monitoring/esf';
import { plain, type Block, type ExportDocument, type TableRow } from '../export/document-model';
import type { PersonalData } from './personal-data';

const cell = (text: string, header = false) => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: [{ type: 'paragraph', content: plain(text) } as Block]
});
const row = (cells: string[], header = false): TableRow => ({
	header,
	cells: cells.map((text, i) => cell(text, header || i === 0))
});
const pairs = (entries: [string, string][]): Block => ({
	type: 'table',
	rows: entries.map(([label, value]) => row([label, value]))
});
const paragraph = (text: string): Block => ({ type: 'paragraph', content: plain(text) });
const orNone = (value: string | null | undefined) => value || m.cases_none();

/**
 * The person's data as a readable document (the PDF beside the JSON of art. 20): the same facts
 * in words, through the export module's shared writers.
 */
export function personalDataDocument(data: PersonalData): ExportDocument {
	const { record, identity } = data;
	const events: Block =
		data.events.length === 0
			? paragraph(m.cases_log_empty())
			: {
					type: 'table',
					rows: [
						row(
							[
								m.cases_event_date(),
								m.cases_event_kind(),
								m.cases_audit_detail(),
								m.cases_event_note()
							],
							true
						),
						...data.events.map((event) =>
							row([
								formatDate(event.occurredOn),
								caseEventKindLabel(event.kind) +
									(event.status ? ` (${caseStatusLabel(event.status)})` : ''),
								describeDetails(
									event.kind,
									event.details as Record<string, string | number>,
									data.organisations
								)
									.map(([label, value]) => `${label}: ${value}`)
									.join('; '),
								event.note
							])
						)
					]
				};
	const followUps: Block =
		data.followUps.length === 0
			? paragraph(m.cases_none())
			: {
					type: 'table',
					rows: [
						row(
							[
								m.cases_gdpr_follow_up_due(),
								m.cases_gdpr_follow_up_after(),
								m.cases_gdpr_follow_up_answer()
							],
							true
						),
						...data.followUps.map((f) =>
							row([
								formatDate(f.dueOn),
								`${caseEventKindLabel(f.after.kind)} (${formatDate(f.after.occurredOn)})`,
								f.done
									? m.cases_gdpr_follow_up_done({
											date: formatDate(f.done.occurredOn),
											answer: followUpSituationLabel(f.done.situation) || m.cases_not_stated()
										})
									: m.cases_gdpr_follow_up_waiting()
							])
						)
					]
				};
	return {
		title: m.cases_gdpr_document_title(),
		subtitle: record.pseudonym,
		language: getLocale() === 'en' ? 'en-GB' : 'it-IT',
		facts: [
			{ label: m.cases_pseudonym(), value: record.pseudonym },
			{ label: m.cases_organisation(), value: record.organisation }
		],
		sections: [
			{
				title: m.cases_identity(),
				blocks: [
					identity
						? pairs([
								[m.cases_full_name(), identity.fullName],
								[m.cases_fiscal_code(), orNone(identity.fiscalCode)],
								[m.cases_phone(), orNone(identity.phone)],
								[m.cases_email(), orNone(identity.email)]
							])
						: paragraph(
								record.erasedAt
									? m.cases_erased_on({ date: formatDateTime(record.erasedAt) })
									: m.cases_none()
							)
				]
			},
			{
				title: m.cases_gdpr_document_pathway(),
				blocks: [
					pairs([
						[m.cases_status(), caseStatusLabel(record.status)],
						[m.cases_target(), targetCategoryLabel(record.targetCategory) || m.cases_not_stated()],
						[m.cases_municipality(), record.municipality ?? m.cases_not_stated()],
						[
							m.cases_referral_source(),
							referralSourceLabel(record.referralSource) || m.cases_not_stated()
						]
					])
				]
			},
			{ title: m.cases_log(), blocks: [events] },
			{ title: m.cases_gdpr_document_follow_ups(), blocks: [followUps] },
			{
				title: m.cases_gdpr_document_esf(),
				blocks: [data.esf ? pairs(esfProfileEntries(data.esf)) : paragraph(m.cases_none())]
			}
		],
		labels: {
			contents: m.cases_gdpr_document_contents(),
			notes: m.cases_event_note(),
			resolved: '',
			generatedOn: m.cases_gdpr_document_generated(),
			changesLegend: ''
		},
		generatedAt: new Date(data.exportedAt)
	};
}
