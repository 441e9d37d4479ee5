import type { Ctx } from '../context';
import { checkCases, type CaseImportError } from '../../cases/csv-import';
import { csvKey } from '../../csv/read-csv';
import { recordCaseAccess } from './audit';
import * as choices from './choices';
import { authorizedCreator, insertCase } from './records';

/**
 * CSV import of an organisation's existing case list (issue 11, ADR 0170). Only who may open
 * records (a case operator, for their own organisation) may import; the file is never stored:
 * the preview checks it and shows it back, the import checks it again and writes every row in
 * one transaction — or nothing. One audit entry for the import (who, how many) and one
 * `case.create` per record, as for a record opened by hand; no personal data in either.
 */

export interface CaseImportPreview {
	rowCount: number;
	/** The rows as they will be written, for the person to check. */
	rows: { row: number; cells: string[] }[];
	errors: CaseImportError[];
	errorCount: number;
}

/** Enough to fix a file; the count says how many more there are. */
const SHOWN_ERRORS = 200;
const SHOWN_ROWS = 100;

async function check(ctx: Ctx, projectId: string, content: string) {
	const { municipalities } = await choices.forForms(ctx, projectId);
	return checkCases(content, {
		municipalityByName: new Map(municipalities.map((t) => [csvKey(t.name), t.id]))
	});
}

function previewOf(checked: Awaited<ReturnType<typeof check>>): CaseImportPreview {
	return {
		rowCount: checked.rows.length,
		rows: checked.rows.slice(0, SHOWN_ROWS).map(({ row, cells }) => ({ row, cells })),
		errors: checked.errors.slice(0, SHOWN_ERRORS),
		errorCount: checked.errors.length
	};
}

export async function preview(
	ctx: Ctx,
	projectId: string,
	content: string
): Promise<CaseImportPreview> {
	await authorizedCreator(ctx, projectId);
	return previewOf(await check(ctx, projectId, content));
}

/** All rows or none: a file with any error writes nothing and comes back as its preview. */
export async function importCases(
	ctx: Ctx,
	projectId: string,
	content: string
): Promise<{ written: number } | { preview: CaseImportPreview }> {
	const { actor, organisationId } = await authorizedCreator(ctx, projectId);
	const checked = await check(ctx, projectId, content);
	if (checked.errors.length > 0 || checked.rows.length === 0) {
		return { preview: previewOf(checked) };
	}
	const opener = { projectId, organisationId, actorId: actor.id };
	await ctx.db.transaction(async (tx) => {
		for (const { input } of checked.rows) {
			const created = await insertCase(tx, opener, input);
			await recordCaseAccess(tx, {
				actorId: actor.id,
				action: 'case.create',
				projectId,
				caseId: created.id,
				detail: { import: true }
			});
		}
		await recordCaseAccess(tx, {
			actorId: actor.id,
			action: 'case.import',
			projectId,
			detail: { count: checked.rows.length }
		});
	});
	return { written: checked.rows.length };
}
