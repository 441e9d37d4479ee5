import { eq, inArray } from 'drizzle-orm';
import { m } from '../../paraglide/messages';
import { formatDate } from '../../format/dates';
import { formLabel, roleLabel } from '../../network/labels';
import type { Db } from '../db/client';
import {
	organisation,
	partnershipAgreement,
	type PartnershipAgreement,
	type PartnershipRole
} from '../db/schema';
import { plain, type Block, type TableRow } from '../export/document-model';
import { partnersOf } from '../network/partnership';

/**
 * The partnership as a filed proposal shows it (issue 14): the partner list after the cover and
 * the signature block at the end, the lead (capofila) first in both. Codes come from the
 * organisation register; the form of the partnership only where it is recorded.
 */
export interface ExportPartner {
	name: string;
	/** Absent for organisations of the project that are not (yet) in the partnership. */
	role?: PartnershipRole;
	taxCode: string | null;
	vatNumber: string | null;
}

export interface ExportPartnership {
	partners: ExportPartner[];
	agreement: PartnershipAgreement | null;
}

/** The partnership's organisations, lead first (the order of the partnership page). */
export async function exportPartnership(db: Db, projectId: string): Promise<ExportPartnership> {
	const [rows, [agreement]] = await Promise.all([
		partnersOf(db, projectId),
		db.select().from(partnershipAgreement).where(eq(partnershipAgreement.projectId, projectId))
	]);
	const ids = rows.map((row) => row.organisationId);
	const codes =
		ids.length > 0
			? await db
					.select({
						id: organisation.id,
						taxCode: organisation.taxCode,
						vatNumber: organisation.vatNumber
					})
					.from(organisation)
					.where(inArray(organisation.id, ids))
			: [];
	const byId = new Map(codes.map((c) => [c.id, c]));
	return {
		partners: rows.map((row) => ({
			name: row.name,
			role: row.role,
			taxCode: byId.get(row.organisationId)?.taxCode ?? null,
			vatNumber: byId.get(row.organisationId)?.vatNumber ?? null
		})),
		agreement: agreement ?? null
	};
}

/** "C.F. … · P. IVA …", or "—" when the register has neither. */
export function partnerCodes(partner: ExportPartner): string {
	const codes = [
		partner.taxCode && m.proposal_export_tax_code({ code: partner.taxCode }),
		partner.vatNumber && m.proposal_export_vat_number({ code: partner.vatNumber })
	].filter(Boolean);
	return codes.length > 0 ? codes.join(' · ') : '—';
}

const cell = (text: string, header = false) => ({
	header,
	colspan: 1,
	rowspan: 1,
	blocks: [{ type: 'paragraph' as const, content: plain(text) }]
});

/** The partner list: one row per organisation, then the form of the partnership if recorded. */
export function partnerListBlocks(partnership: ExportPartnership, language: string): Block[] {
	if (partnership.partners.length === 0) return [];
	const rows: TableRow[] = [
		{
			header: true,
			cells: [
				cell(m.proposal_export_organisation(), true),
				cell(m.proposal_export_role(), true),
				cell(m.proposal_export_codes(), true)
			]
		},
		...partnership.partners.map((partner) => ({
			header: false,
			cells: [
				cell(partner.name),
				cell(partner.role ? roleLabel(partner.role) : '—'),
				cell(partnerCodes(partner))
			]
		}))
	];
	const blocks: Block[] = [{ type: 'table', rows }];
	const agreement = partnership.agreement;
	if (agreement) {
		const details = [
			formLabel(agreement.form),
			agreement.act.trim(),
			agreement.signedOn &&
				m.proposal_export_signed_on({ date: formatDate(agreement.signedOn, language) })
		].filter(Boolean);
		blocks.push({
			type: 'paragraph',
			content: [
				{ type: 'text', text: `${m.proposal_export_partnership_form()}: `, bold: true },
				{ type: 'text', text: details.join(' — ') }
			]
		});
	}
	return blocks;
}

/**
 * The closing block: place and date, then for each organisation its name, its role and the
 * line where its legal representative signs.
 */
export function signatureBlocks(partners: readonly ExportPartner[]): Block[] {
	const blocks: Block[] = [{ type: 'paragraph', content: plain(m.proposal_export_place_date()) }];
	for (const partner of partners) {
		blocks.push({
			type: 'paragraph',
			content: [
				{ type: 'text', text: partner.name, bold: true },
				...(partner.role
					? [{ type: 'break' as const }, { type: 'text' as const, text: roleLabel(partner.role) }]
					: [])
			]
		});
		blocks.push({ type: 'paragraph', content: plain(m.proposal_export_legal_rep()) });
	}
	return blocks;
}
