import { describe, expect, it } from 'vitest';
import { checkCases, importDay } from '../../../src/lib/cases/csv-import';
import { caseImportProblemText } from '../../../src/lib/cases/import-labels';

const context = {
	municipalityByName: new Map([['magenta', '00000000-0000-4000-8000-00000000aaaa']])
};
const TODAY = '2026-03-01';

describe('checking a file of case records', () => {
	it('reads Italian headers, codes or labels, Italian dates, and a comune by name', () => {
		const text =
			'\uFEFFNome_Cognome;Codice_Fiscale;Data_invio;Categoria;Comune;Inviante;Nota\r\n' +
			'Amina Diallo;rssmra85t10a562s;10/02/2025;Migranti;magenta;job_centre;Dallo sportello\r\n' +
			'Paolo Conti;;2025-02-11;youth;;Servizi sociali comunali;\r\n';
		const { rows, errors } = checkCases(text, context, TODAY);
		expect(errors).toEqual([]);
		expect(rows.map((r) => r.input)).toEqual([
			{
				fullName: 'Amina Diallo',
				fiscalCode: 'RSSMRA85T10A562S',
				phone: null,
				email: null,
				referredOn: '2025-02-10',
				targetCategory: 'migrants',
				municipalityId: '00000000-0000-4000-8000-00000000aaaa',
				referralSource: 'job_centre',
				note: 'Dallo sportello'
			},
			{
				fullName: 'Paolo Conti',
				fiscalCode: null,
				phone: null,
				email: null,
				referredOn: '2025-02-11',
				targetCategory: 'youth',
				municipalityId: null,
				referralSource: 'social_services',
				note: ''
			}
		]);
		expect(rows[0].cells).toContain('Migranti');
	});

	it('accepts the English headers and English labels', () => {
		const { rows, errors } = checkCases(
			'full_name,referred_on,target_category\nJohn Smith,2025-01-02,Long-term unemployed\n',
			context,
			TODAY
		);
		expect(errors).toEqual([]);
		expect(rows[0].input).toMatchObject({
			fullName: 'John Smith',
			targetCategory: 'long_term_unemployed'
		});
	});

	it('names row and column of every problem, and returns no row when any is wrong', () => {
		const text = [
			'nome_cognome;codice_fiscale;email;data_invio;categoria;comune;inviante',
			'Amina Diallo;;;2025-02-10;migrants;;',
			';XYZ;not-an-email;31/02/2025;vulnerabili;Atlantide;amici',
			'Paolo Conti;;;2027-01-01;;;'
		].join('\n');
		const { rows, errors } = checkCases(text, context, TODAY);
		expect(rows).toEqual([]);
		expect(errors.map((e) => [e.row, e.column, e.problem])).toEqual([
			[3, 'data_invio', 'date_invalid'],
			[3, 'categoria', 'target_unknown'],
			[3, 'inviante', 'source_unknown'],
			[3, 'comune', 'municipality_unknown'],
			[3, 'nome_cognome', 'required'],
			[3, 'codice_fiscale', 'fiscal_code_invalid'],
			[3, 'email', 'email_invalid'],
			[4, 'data_invio', 'date_in_future']
		]);
		expect(caseImportProblemText(errors[1])).toBe(
			'Riga 3, categoria: categoria di destinatari «vulnerabili» non riconosciuta.'
		);
	});

	it('refuses a file without the required columns, or with unknown ones', () => {
		const { errors } = checkCases('nome;data;pseudonimo\nA;2025-01-01;X\n', context, TODAY);
		expect(errors.map((e) => [e.problem, e.value])).toEqual([
			['columns_missing', 'nome_cognome, data_invio'],
			['column_unknown', 'nome, data, pseudonimo']
		]);
	});

	it('finds a fiscal code given twice in the file', () => {
		const { errors } = checkCases(
			'nome_cognome;codice_fiscale;data_invio\n' +
				'Amina Diallo;RSSMRA85T10A562S;2025-02-10\n' +
				'Amina D.;RSSMRA85T10A562S;2025-02-11\n',
			context,
			TODAY
		);
		expect(errors).toEqual([
			{ row: 3, column: 'codice_fiscale', problem: 'duplicate_in_file', value: 'RSSMRA85T10A562S' }
		]);
	});

	it('reads only real days', () => {
		expect(importDay('2024-02-29')).toBe('2024-02-29');
		expect(importDay('1/3/2025')).toBe('2025-03-01');
		expect(importDay('2025-02-29')).toBeNull();
		expect(importDay('ieri')).toBeNull();
	});
});
