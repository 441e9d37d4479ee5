import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../../src/lib/server/demo/data/people';
import { DEMO_ORGANISATIONS } from '../../../src/lib/server/demo/data/organisations';
import { DEMO_PARTNERSHIPS } from '../../../src/lib/server/demo/data/partnerships';
import {
	DEMO_DISTRICTS,
	DEMO_POPULATION,
	municipalityName
} from '../../../src/lib/server/demo/data/territories';
import { DEMO_LOGINS } from '../../../src/lib/server/demo/seed';
import { DEMO_PERSON_BY_ROLE, DEMO_PERSON_IDS, demoUuid } from '../../../src/lib/server/demo/ids';
import { PROJECT_ROLES } from '../../../src/lib/server/access/actions';

// The real people who signed the seed documents (001, 002, 003): demo people must not be them.
const REAL_SIGNATORIES = [
	'Ilaria Zaffaroni',
	'Dario Parravicini',
	'Laura Alessandri',
	'Sergio Manni',
	'Giovanni Cigala'
];

describe('the demo data', () => {
	it('invents people who share no first or last name with a signatory of the documents', () => {
		const realNames = new Set(REAL_SIGNATORIES.flatMap((n) => n.toLowerCase().split(' ')));
		for (const p of DEMO_PEOPLE) {
			for (const part of p.name.toLowerCase().split(' ')) expect(realNames.has(part)).toBe(false);
		}
	});

	it('gives everyone a unique, easily typed demo e-mail', () => {
		const emails = DEMO_PEOPLE.map((p) => p.email);
		expect(new Set(emails).size).toBe(emails.length);
		for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+@demo\.tavolo\.it$/);
	});

	it('covers every role in WORK IN PROGRESS, an admin, and someone in both projects', () => {
		expect(Object.keys(DEMO_PERSON_BY_ROLE).sort()).toEqual([...PROJECT_ROLES].sort());
		expect(DEMO_PERSON_BY_ROLE.coordinator).toBe(DEMO_PERSON_IDS.coordinator);
		expect(DEMO_LOGINS.people.filter((l) => l.role === 'admin')).toHaveLength(1);
		const inBoth = DEMO_PEOPLE.filter((p) => new Set(p.memberships.map((m) => m.project)).size > 1);
		expect(inBoth.map((p) => p.key)).toEqual(['facilitator']);
	});

	it('only makes people members on behalf of an organisation that is a partner there', () => {
		for (const p of DEMO_PEOPLE) {
			for (const m of p.memberships.filter((m) => m.organisation)) {
				const partner = DEMO_PARTNERSHIPS.find(
					(x) => x.project === m.project && x.organisation === m.organisation
				);
				expect(partner, `${p.key} in ${m.project}`).toBeDefined();
			}
		}
	});

	it('has one partnership per organisation and project, and one lead per project', () => {
		const pairs = DEMO_PARTNERSHIPS.map((p) => `${p.project}/${p.organisation}`);
		expect(new Set(pairs).size).toBe(pairs.length);
		const leads = DEMO_PARTNERSHIPS.filter((p) => p.role === 'lead').map((p) => p.project);
		expect(leads.sort()).toEqual(['winWin', 'workInProgress']);
		const keys = new Set(DEMO_ORGANISATIONS.map((o) => o.key));
		expect(keys.size).toBe(DEMO_ORGANISATIONS.length);
		expect(DEMO_PARTNERSHIPS.every((p) => keys.has(p.organisation))).toBe(true);
	});

	it('names the comuni the document names: eleven for the Castanese, as it declares', () => {
		const castano = DEMO_DISTRICTS.find((d) => d.key === 'castanoPrimo')!;
		expect(castano.municipalities).toHaveLength(castano.declaredMunicipalities);
		const named = DEMO_DISTRICTS.flatMap((d) => d.municipalities.map(municipalityName));
		expect(new Set(named).size).toBe(named.length);
		// 001 §3 speaks of 50 comuni; its lists name 48 (see docs/demo.md).
		expect(named).toHaveLength(48);
	});

	it('takes population figures only for districts it seeds', () => {
		const keys = new Set<string>(DEMO_DISTRICTS.map((d) => d.key));
		expect(DEMO_POPULATION.every((band) => keys.has(band.district))).toBe(true);
	});

	it('derives stable version-5 UUIDs', () => {
		expect(demoUuid('project:work-in-progress')).toBe(demoUuid('project:work-in-progress'));
		expect(demoUuid('a')).not.toBe(demoUuid('b'));
		expect(demoUuid('a')).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
	});
});
