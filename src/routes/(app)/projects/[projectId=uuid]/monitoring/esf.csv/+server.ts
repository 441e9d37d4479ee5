import * as esf from '$lib/server/monitoring/esf';
import { toCsv, type CsvColumn } from '$lib/server/export/csv';
import { runEndpoint } from '$lib/server/http/run-endpoint';
import type { Participant } from '$lib/server/monitoring/pathway-facts';
import type { RequestHandler } from './$types';

const yesNo = (value: boolean | null | undefined) =>
	value === true ? 'si' : value === false ? 'no' : '';

/**
 * The region's participant file (ESF+ Annex I): one row per participant, pseudonymous, with
 * stable codes (not translated labels) so the region's tools read it whatever the language.
 */
const COLUMNS: CsvColumn<Participant>[] = [
	{ header: 'pseudonimo', value: (r) => r.pseudonym },
	{ header: 'data_ingresso', value: (r) => r.person.takenInChargeOn },
	{ header: 'data_uscita', value: (r) => r.person.closedOn },
	{ header: 'profilo_fse_compilato', value: (r) => (r.profile ? 'si' : 'no') },
	{ header: 'genere', value: (r) => r.profile?.gender },
	{ header: 'condizione_ingresso', value: (r) => r.profile?.labourStatus },
	{ header: 'fascia_eta_ingresso', value: (r) => r.profile?.ageBand },
	{ header: 'istruzione_isced', value: (r) => r.profile?.education },
	{ header: 'disabilita', value: (r) => yesNo(r.profile?.disability) },
	{ header: 'cittadino_paese_terzo', value: (r) => yesNo(r.profile?.thirdCountryNational) },
	{ header: 'origine_straniera', value: (r) => yesNo(r.profile?.foreignBackground) },
	{ header: 'minoranza', value: (r) => yesNo(r.profile?.minority) },
	{ header: 'senza_dimora', value: (r) => yesNo(r.profile?.homeless) },
	{ header: 'area_rurale', value: (r) => yesNo(r.profile?.rural) },
	{ header: 'esito_entro_4_settimane', value: (r) => r.profile?.resultAtExit },
	{ header: 'follow_up_6_mesi_dovuto', value: (r) => esf.followUpDue(r.person.closedOn) },
	{ header: 'esito_6_mesi', value: (r) => r.profile?.resultSixMonths },
	// The follow-up event's answer; `unreachable` is a situation unknown (ADR 0203).
	{ header: 'follow_up_6_mesi_esito', value: (r) => r.followUp }
];

export const GET: RequestHandler = ({ locals, params }) =>
	runEndpoint(async () => {
		const rows = await esf.participants(locals.ctx, params.projectId);
		return new Response(toCsv(COLUMNS, rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="partecipanti-fse.csv"',
				'cache-control': 'no-store'
			}
		});
	});
