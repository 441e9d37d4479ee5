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
		expect(scheda.sections).toHaveLength(11);
		expect(scheda.sections[2]).toMatchObject({
			number: '3',
			limitChars: 3000,
			limitLabel: 'max 1 pag.'
		});
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

	it('lets only the coordinator import', async () => {
		await expect(
			templates.importDefinition(table.ctx(table.owner), {
				projectId: table.project.id,
				text: yaml
			})
		).rejects.toThrow('forbidden');
	});
});
