import { describe, expect, it } from 'vitest';
import { checkOrganisations, checkRelations } from '../../../src/lib/network/csv-import';

const context = {
	districtByName: new Map([['ambito del magentino', 'd-magenta']]),
	knownCodes: new Set(['05060480968'])
};

describe('checking an organisations file', () => {
	it('reads an Excel export: BOM, `;`, headers in any case, the writer’s apostrophe removed', () => {
		const text =
			'\uFEFFNome;Tipo;Telefono;Territori;Partita_IVA\r\n' +
			"Coop Uno;cooperativa_sociale_a;'+39 02 123;Ambito del Magentino;IT 12345678903\r\n";
		const { rows, errors } = checkOrganisations(text, context);
		expect(errors).toEqual([]);
		expect(rows[0]).toMatchObject({
			row: 2,
			name: 'Coop Uno',
			phone: '+39 02 123',
			districtIds: ['d-magenta'],
			vatNumber: '12345678903',
			role: 'network_member'
		});
	});

	it('reads a comma-separated file too, and refuses a code already registered', () => {
		const { rows, errors } = checkOrganisations(
			'nome,tipo,partita_iva\nAzienda,azienda_speciale,05060480968\n',
			context
		);
		expect(rows).toEqual([]);
		expect(errors).toEqual([
			{ row: 2, column: 'partita_iva', problem: 'duplicate_in_register', value: '05060480968' }
		]);
	});

	it('lets one body give the same number as codice fiscale and partita IVA', () => {
		const { errors } = checkOrganisations(
			'nome;tipo;codice_fiscale;partita_iva\nComune;comune;12345678903;12345678903\n',
			context
		);
		expect(errors).toEqual([]);
	});

	it('says an empty file is empty', () => {
		expect(checkOrganisations('nome;tipo\n', context).errors.map((e) => e.problem)).toEqual([
			'empty_file'
		]);
	});
});

describe('checking a relations file', () => {
	it('finds the ends by code or by name, whatever the case', () => {
		const { rows, errors } = checkRelations('da;a;tipo\n12345678903;il melograno;lab\n', {
			organisationByRef: new Map([
				['12345678903', 'o-1'],
				['il melograno', 'o-2']
			])
		});
		expect(errors).toEqual([]);
		expect(rows[0]).toMatchObject({
			sourceId: 'o-1',
			targetId: 'o-2',
			kind: 'lab',
			fromDate: null
		});
	});
});
