import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/lib/server/runtime';
import type { InvalidError } from '../../../src/lib/server/errors';
import * as templates from '../../../src/lib/server/proposals/templates';
import { SEEDED_TEMPLATES, seedTemplates } from '../../../src/lib/server/proposals/template-seed';
import { parseTemplateDefinition } from '../../../src/lib/server/proposals/template-parse';
import { buildProposalTable, startProposalRuntime } from './fixture';

let runtime: Runtime;
let table: Awaited<ReturnType<typeof buildProposalTable>>;
beforeAll(async () => {
	runtime = await startProposalRuntime();
	table = await buildProposalTable(runtime);
});

const yaml = `
name: Scheda breve
source: Avviso di prova
pageChars: 2000
sections:
  - number: 1
    title: Contesto
    guidance: Descrivere il territorio
    limitPages: 1.5
  - number: "2"
    title: Azioni
    kind: actions
`;

async function refusal(text: string): Promise<InvalidError> {
	const error = await templates
		.importDefinition(table.ctx(table.coordinator), { projectId: table.project.id, text })
		.catch((caught: InvalidError) => caught);
	return error as InvalidError;
}

describe('templates', () => {
	it('seeds the ten-point schema and the scheda progetto once, however often it runs', async () => {
		const again = await seedTemplates(table.db);
		expect(again).toEqual(table.templateIds);
		const listed = await templates.list(table.ctx(table.observer), table.project.id);
		expect(listed.filter((t) => t.key !== null)).toHaveLength(2);
		const scheda = await templates.get(table.ctx(table.observer), {
			projectId: table.project.id,
			templateId: table.templateIds['scheda-progetto']
		});
		expect(scheda.sections).toHaveLength(16);
		expect(scheda.sections[2]).toMatchObject({
			number: '3',
			limitChars: 3000,
			limitLabel: 'max 1 pag.'
		});
		// As the call's sheet has it: no limit on §1–2, §10 a title over 10.a–10.e, one page each
		// except the table of 10.d.
		const limits = scheda.sections.map((s) => [s.number, s.kind, s.limitChars]);
		expect(limits.slice(0, 2)).toEqual([
			['1', 'text', null],
			['2', 'text', null]
		]);
		expect(limits.slice(9, 15)).toEqual([
			['10', 'heading', null],
			['10.a', 'text', 3000],
			['10.b', 'text', 3000],
			['10.c', 'text', 3000],
			['10.d', 'table', null],
			['10.e', 'text', 3000]
		]);
	});

	it('ships seeded templates that pass the import checks', () => {
		for (const file of SEEDED_TEMPLATES) {
			expect(parseTemplateDefinition(JSON.stringify(file)).sections.length).toBeGreaterThan(9);
		}
	});

	it('imports a YAML definition, turning pages into characters', async () => {
		const imported = await templates.importDefinition(table.ctx(table.coordinator), {
			projectId: table.project.id,
			text: yaml
		});
		expect(imported.projectId).toBe(table.project.id);
		expect(imported.sections.map((s) => [s.number, s.limitChars, s.limitLabel, s.kind])).toEqual([
			['1', 3000, 'max 1,5 pag.', 'text'],
			['2', null, null, 'actions']
		]);
	});

	it('imports a JSON definition', async () => {
		const imported = await templates.importDefinition(table.ctx(table.coordinator), {
			projectId: table.project.id,
			text: JSON.stringify({
				name: 'JSON',
				sections: [{ number: '1', title: 'Uno', limitChars: 500 }]
			})
		});
		expect(imported.sections[0]).toMatchObject({ limitChars: 500, limitLabel: 'max 500 car.' });
	});

	it('refuses duplicate section numbers, naming the number', async () => {
		const error = await refusal(yaml.replace('number: "2"', 'number: "1"'));
		expect(error.code).toBe('proposal_template_invalid');
		expect(error.issues['sections.1.number']).toEqual([
			'Il numero di sezione 1 è ripetuto: ogni sezione deve avere un numero diverso.'
		]);
	});

	it('refuses missing titles, bad limits and unreadable files', async () => {
		const noTitle = await refusal(yaml.replace('title: Contesto', 'guidance2: x'));
		expect(noTitle.issues['sections.0.title']).toEqual(['Ogni sezione deve avere un titolo.']);
		const negative = await refusal(yaml.replace('limitPages: 1.5', 'limitPages: -1'));
		expect(Object.keys(negative.issues)).toEqual(['sections.0.limitPages']);
		const both = await refusal(
			yaml.replace('limitPages: 1.5', 'limitPages: 1\n    limitChars: 10')
		);
		expect(both.issues['sections.0.limitChars']).toEqual([
			'Indica il limite in pagine oppure in caratteri, non entrambi.'
		]);
		const broken = await refusal('{ "name": ');
		expect(broken.code).toBe('proposal_template_unreadable');
		const huge = await refusal('x'.repeat(300 * 1024));
		expect(huge.code).toBe('proposal_template_too_large');
	});

	it('imports nested sections and typed ones: heading, table, date, amount, choice', async () => {
		const imported = await templates.importDefinition(table.ctx(table.coordinator), {
			projectId: table.project.id,
			text: `
name: Avviso con sezioni annidate
sections:
  - { number: 1, title: Governance, kind: heading }
  - { number: 1.a, title: Partenariato, limitPages: 1 }
  - { number: 1.b, title: Cariche sociali, kind: table, columns: [Nome e cognome, Partner] }
  - { number: 2, title: Data di avvio, kind: date }
  - { number: 3, title: Contributo richiesto, kind: amount }
  - { number: 4, title: Forma del partenariato, kind: choice, options: [ATS, Protocollo d'intesa] }
`
		});
		expect(imported.sections.map((s) => [s.number, s.kind, s.columns, s.options])).toEqual([
			['1', 'heading', [], []],
			['1.a', 'text', [], []],
			['1.b', 'table', ['Nome e cognome', 'Partner'], []],
			['2', 'date', [], []],
			['3', 'amount', [], []],
			['4', 'choice', [], ['ATS', "Protocollo d'intesa"]]
		]);
	});

	it('refuses a subsection before its parent, a table without columns, a limit on a heading', async () => {
		const orphan = await refusal('name: X\nsections:\n  - { number: 2.a, title: Sotto }\n');
		expect(orphan.issues['sections.0.number']).toEqual([
			'La sezione 2.a deve seguire la sezione 2, di cui fa parte.'
		]);
		const bare = await refusal('name: X\nsections:\n  - { number: 1, title: T, kind: table }\n');
		expect(bare.issues['sections.0.columns']).toEqual([
			'Una sezione di tipo tabella deve indicare le colonne.'
		]);
		const limited = await refusal(
			'name: X\nsections:\n  - { number: 1, title: T, kind: heading, limitPages: 1 }\n'
		);
		expect(limited.issues['sections.0.limitChars']).toEqual([
			'Una sezione di solo titolo non ha testo proprio: il limite va indicato nelle sue sottosezioni.'
		]);
	});

	it('lets only the coordinator import', async () => {
		await expect(
			templates.importDefinition(table.ctx(table.owner), {
				projectId: table.project.id,
				text: yaml
			})
		).rejects.toThrow('forbidden');
	});
});
