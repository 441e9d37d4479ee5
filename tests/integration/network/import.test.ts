import { testContext } from '../../support/context';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { demoActor, openSeededDatabase, type FreshDatabase } from '../demo/fresh-database';
import { DEMO_PROJECT_ID } from '../../../src/lib/server/demo/ids';
import { confirm, exportOrganisations, preview } from '../../../src/lib/server/network/import';
import { checkDigit } from '../../../src/lib/network/tax-codes';
import {
	auditEntry,
	networkRelation,
	organisation,
	partnership
} from '../../../src/lib/server/db/schema';
import { ForbiddenError } from '../../../src/lib/server/errors';

let fresh: FreshDatabase;
// Seeding a fresh database is slow on a loaded machine; the 10,000-row import too.
beforeAll(async () => {
	fresh = await openSeededDatabase();
}, 180_000);
afterAll(() => fresh.drop());

/** A valid partita IVA from a serial number: ten digits and their Luhn check digit. */
const partitaIva = (n: number) => {
	const first10 = `7${String(n).padStart(9, '0')}`;
	return `${first10}${checkDigit(first10)}`;
};
const HEADER = 'nome;nome_breve;tipo;codice_fiscale;partita_iva;pec;email;telefono;territori;ruolo';

async function organisationsCount() {
	const [row] = await fresh.db.select({ n: count() }).from(organisation);
	return row.n;
}

describe('CSV import of organisations and relations', () => {
	it('imports 10,000 organisations in one step after the preview, with one audit entry', async () => {
		const ctx = testContext(fresh.db, await demoActor(fresh.db, 'coordinator'));
		const lines = [HEADER];
		for (let i = 0; i < 10_000; i++) {
			lines.push(
				`Cooperativa di prova ${i};;cooperativa_sociale_b;;${partitaIva(i)};;;;Ambito del Magentino;network_member`
			);
		}
		const before = await organisationsCount();
		const shown = await preview(ctx, DEMO_PROJECT_ID, 'organisations', lines.join('\r\n'));
		expect(shown.errorCount).toBe(0);
		expect(shown.rowCount).toBe(10_000);
		expect(shown.sample[0]).toEqual({
			row: 2,
			cells: [
				'Cooperativa di prova 0',
				'',
				'cooperativa_sociale_b',
				'',
				partitaIva(0),
				'',
				'',
				'',
				'Ambito del Magentino',
				'network_member'
			]
		});
		// Nothing is written by the preview.
		expect(await organisationsCount()).toBe(before);
		const done = await confirm(ctx, DEMO_PROJECT_ID, shown.importId!);
		expect(done).toEqual({ kind: 'organisations', written: 10_000 });
		expect(await organisationsCount()).toBe(before + 10_000);
		const [partners] = await fresh.db
			.select({ n: count() })
			.from(partnership)
			.where(eq(partnership.role, 'network_member'));
		expect(partners.n).toBeGreaterThanOrEqual(10_000);
		const audits = await fresh.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.resourceType, 'network_import'));
		expect(audits).toHaveLength(1);
		expect(audits[0].detail).toEqual({ kind: 'organisations', rows: 10_000 });
		// The staged file is gone: confirming twice writes nothing more.
		await expect(confirm(ctx, DEMO_PROJECT_ID, shown.importId!)).rejects.toThrow();
		// The export carries them back in the import's columns.
		const exported = await exportOrganisations(ctx, DEMO_PROJECT_ID);
		expect(
			exported.some((r) => r[4] === partitaIva(9_999) && r[8] === 'Ambito del Magentino')
		).toBe(true);
	}, 180_000);

	it('shows every bad row with its number and writes nothing', async () => {
		const ctx = testContext(fresh.db, await demoActor(fresh.db, 'coordinator'));
		const good = partitaIva(500_001);
		const csv = [
			HEADER,
			`Buona;;associazione;;${good};;;;;`,
			`;;associazione;;;;;;;`,
			`Tipo strano;;bottega;;;;;;;`,
			`Cifra sbagliata;;associazione;;12345678901;;;;;`,
			`Corta;;associazione;123;;;;;;`,
			`Doppia;;associazione;;${good};;;;;`,
			`Già nel registro;;associazione;;${partitaIva(0)};;;;;`,
			`Territorio;;associazione;;;;;;Ambito di Atlantide;`,
			`Mail;;associazione;;;non-una-pec;;;;`,
			`Ruolo;;associazione;;;;;;;sovrano`
		].join('\n');
		const before = await organisationsCount();
		const shown = await preview(ctx, DEMO_PROJECT_ID, 'organisations', csv);
		expect(shown.importId).toBeNull();
		expect(shown.rowCount).toBe(0);
		expect(shown.errors.map((e) => [e.row, e.column, e.problem])).toEqual([
			[3, 'nome', 'required'],
			[4, 'tipo', 'kind_unknown'],
			[5, 'partita_iva', 'tax_check_digit'],
			[6, 'codice_fiscale', 'tax_format'],
			[7, 'partita_iva', 'duplicate_in_file'],
			[8, 'partita_iva', 'duplicate_in_register'],
			[9, 'territori', 'territory_unknown'],
			[10, 'pec', 'email_invalid'],
			[11, 'ruolo', 'role_unknown']
		]);
		expect(await organisationsCount()).toBe(before);
	});

	it('refuses a file with wrong columns as a whole', async () => {
		const ctx = testContext(fresh.db, await demoActor(fresh.db, 'coordinator'));
		const shown = await preview(ctx, DEMO_PROJECT_ID, 'organisations', 'name;type\nA;b\n');
		expect(shown.errors.map((e) => e.problem)).toEqual(['columns_missing', 'column_unknown']);
		expect(shown.errors[0].value).toBe('nome, tipo');
	});

	it('imports relations between the project’s organisations, by code or by name', async () => {
		const ctx = testContext(fresh.db, await demoActor(fresh.db, 'coordinator'));
		const before = await fresh.db.select({ n: count() }).from(networkRelation);
		const bad = await preview(
			ctx,
			DEMO_PROJECT_ID,
			'relations',
			[
				'da;a;tipo;etichetta;dal;al',
				`${partitaIva(1)};Il Melograno;referral;invii;2024-01-01;2024-12-31`,
				`${partitaIva(2)};Sconosciuta Srl;referral;;;`,
				`${partitaIva(3)};${partitaIva(3)};lab;;;`,
				`${partitaIva(4)};Il Melograno;partnership;;;`,
				`${partitaIva(5)};Il Melograno;lab;;2024-13-01;`,
				`${partitaIva(6)};Il Melograno;lab;;2024-06-01;2024-01-01`
			].join('\n')
		);
		expect(bad.errors.map((e) => [e.row, e.problem])).toEqual([
			[3, 'organisation_unknown'],
			[4, 'same_organisation'],
			[5, 'relation_kind_unknown'],
			[6, 'date_invalid'],
			[7, 'dates_order']
		]);
		const after = await fresh.db.select({ n: count() }).from(networkRelation);
		expect(after[0].n).toBe(before[0].n);
		const good = await preview(
			ctx,
			DEMO_PROJECT_ID,
			'relations',
			`da;a;tipo;etichetta;dal;al\n${partitaIva(1)};Il Melograno;referral;invii;2024-01-01;2024-12-31\n`
		);
		expect(good.errorCount).toBe(0);
		await confirm(ctx, DEMO_PROJECT_ID, good.importId!);
		const written = await fresh.db.select({ n: count() }).from(networkRelation);
		expect(written[0].n).toBe(before[0].n + 1);
	});

	it('lets only the coordinator import', async () => {
		const ctx = testContext(fresh.db, await demoActor(fresh.db, 'editorAi'));
		await expect(
			preview(ctx, DEMO_PROJECT_ID, 'organisations', `${HEADER}\nX;;associazione;;;;;;;`)
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});
