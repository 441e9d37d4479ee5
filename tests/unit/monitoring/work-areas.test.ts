import { describe, expect, it } from 'vitest';
import { areasForWork, workOfArea } from '../../../src/lib/monitoring/work-areas';
import { termKey } from '../../../src/lib/network/partnership-form';

describe("the kind of work of a project's area (ADR 0197)", () => {
	it('reads the built-in keys and the keys the partnership makes from labels', () => {
		expect(workOfArea('comunita')).toBe('comunita');
		expect(workOfArea(termKey('Area sviluppo di comunità'))).toBe('comunita');
		expect(workOfArea(termKey('Area formativa e orientativa'))).toBe('formativa_orientativa');
		expect(workOfArea(termKey('Monitoraggio e valutazione'))).toBe('monitoraggio');
		expect(workOfArea(termKey('Rendicontazione'))).toBe('rendicontazione');
		expect(workOfArea(termKey('Governance'))).toBe('governance');
		expect(workOfArea(termKey('Comunicazione'))).toBeNull();
	});

	it('sends governance to community work only when no action has a governance area', () => {
		const keys = ['area_educativa', 'area_sviluppo_di_comunita', 'area_sviluppo_di_comunita'];
		expect(areasForWork('governance', keys)).toEqual(['area_sviluppo_di_comunita']);
		expect(areasForWork('governance', [...keys, 'governance'])).toEqual(['governance']);
		expect(areasForWork('esperienziale', keys)).toEqual([]);
		expect(areasForWork('educativa', keys)).toEqual(['area_educativa']);
	});
});
