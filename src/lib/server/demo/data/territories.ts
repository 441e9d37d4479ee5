import type { PopulationBand } from '../../territories/territory-tree';

/**
 * The districts (ambiti) and municipalities (comuni) the demo projects work in, as the source
 * documents name them. Where a document misspells a comune, `name` is the official spelling and
 * `asWritten` keeps the document's text, so every entry can be traced back.
 */
export type DemoMunicipality = string | { name: string; asWritten: string };

export interface DemoDistrict {
	key: string;
	/** The document's own name of the ambito. */
	name: string;
	parentKey?: string;
	municipalities: readonly DemoMunicipality[];
	/** How many comuni the document says the district has, where it says so. */
	declaredMunicipalities?: number;
	source: string;
}

export const DEMO_DISTRICTS = [
	{
		key: 'altoMilanese',
		name: 'Ambito Alto Milanese',
		municipalities: [],
		declaredMunicipalities: 22,
		source: '001 §3, §10a (Accordo di Programma del 18 novembre 2019, 22 Comuni)'
	},
	{
		key: 'castanoPrimo',
		name: 'Ambito Castano Primo',
		parentKey: 'altoMilanese',
		// The eleven comuni that constitute Azienda Sociale (001 §10a).
		municipalities: [
			'Arconate',
			'Bernate Ticino',
			'Buscate',
			'Castano Primo',
			'Cuggiono',
			'Inveruno',
			'Magnago',
			'Nosate',
			{ name: 'Robecchetto con Induno', asWritten: 'Robecchetto C/I' },
			'Turbigo',
			'Vanzaghello'
		],
		declaredMunicipalities: 11,
		source: '001 §5 (tabelle), §10a (Azienda Sociale)'
	},
	{
		key: 'legnano',
		name: 'Ambito Legnano',
		parentKey: 'altoMilanese',
		// The comuni that constitute Azienda So.Le (001 §10a).
		municipalities: [
			'Busto Garolfo',
			'Canegrate',
			'Cerro Maggiore',
			'Dairago',
			'Legnano',
			'Parabiago',
			'Rescaldina',
			'San Giorgio su Legnano',
			'San Vittore Olona',
			'Villa Cortese'
		],
		source: '001 §5 (tabelle), §10a (Azienda So.Le)'
	},
	{
		key: 'magentino',
		name: 'Ambito del Magentino',
		municipalities: [
			'Arluno',
			'Bareggio',
			'Boffalora Sopra Ticino',
			'Casorezzo',
			'Corbetta',
			'Magenta',
			'Marcallo con Casone',
			'Mesero',
			{ name: 'Ossona', asWritten: 'Osona' },
			'Robecco sul Naviglio',
			{ name: 'Santo Stefano Ticino', asWritten: 'S. Stefano Ticino' },
			'Sedriano',
			'Vittuone'
		],
		source: '001 §10a (Comuni dell’Ambito)'
	},
	{
		key: 'abbiatense',
		name: "Ambito dell'Abbiatense",
		municipalities: [
			'Abbiategrasso',
			'Albairate',
			'Bubbiano',
			{ name: 'Calvignasco', asWritten: 'Calvagnisco' },
			'Cisliano',
			'Cassinetta di Lugagnano',
			'Gaggiano',
			'Gudo Visconti',
			{ name: 'Morimondo', asWritten: 'Morimondo-Motta Visconti' },
			{ name: 'Motta Visconti', asWritten: 'Morimondo-Motta Visconti' },
			{ name: 'Ozzero', asWritten: 'Ozero' },
			{ name: 'Rosate', asWritten: 'Rosate Vermezzo' },
			{ name: 'Vermezzo', asWritten: 'Rosate Vermezzo' },
			'Zelo Surrigone'
		],
		source: '001 §10a (COMUNI DELL’AMBITO)'
	},
	{
		key: 'sangroAventino',
		name: 'ECAD 12 – Sangro Aventino',
		// 004 counts 33 comuni but does not name them: none are invented.
		municipalities: [],
		declaredMunicipalities: 33,
		source: '004 (capofila; Fase 1 e Azione 2a: 33 comuni dell’ECAD)'
	}
] as const satisfies readonly DemoDistrict[];

export type DemoDistrictKey = (typeof DEMO_DISTRICTS)[number]['key'];

export interface DemoPopulationBand extends PopulationBand {
	district: DemoDistrictKey;
}

const TARGET_1 = '001 §5, Target 1: popolazione 13/28 anni al 01/01/2019';
const TARGET_2 = '001 §5, Target 2: popolazione 50/65 anni al 01/01/2019';
const ON = '2019-01-01';

/**
 * The two population tables of 001 §5, row by row as labelled there ("Ambito Magenta" is the
 * Magentino, "Ambito Abbiategrasso" the Abbiatense). Blank cells stay null; the Castano Primo
 * row of the first table is blank, so it has no band. See docs/demo.md for the table's quirks.
 */
export const DEMO_POPULATION: readonly DemoPopulationBand[] = [
	{ district: 'altoMilanese', ageFrom: 13, ageTo: 28, referenceDate: ON, males: 14_678, females: 13_567, total: 28_245, source: TARGET_1 },
	{ district: 'legnano', ageFrom: 13, ageTo: 28, referenceDate: ON, males: 5_424, females: 4_945, total: 10_369, source: TARGET_1 },
	{ district: 'magentino', ageFrom: 13, ageTo: 28, referenceDate: ON, males: 9_988, females: 9_436, total: 19_424, source: TARGET_1 },
	{ district: 'abbiatense', ageFrom: 13, ageTo: 28, referenceDate: ON, males: 6_474, females: 6_012, total: 12_486, source: TARGET_1 },
	{ district: 'altoMilanese', ageFrom: 50, ageTo: 65, referenceDate: ON, males: null, females: null, total: 44_279, source: TARGET_2 },
	{ district: 'legnano', ageFrom: 50, ageTo: 65, referenceDate: ON, males: 21_777, females: 22_502, total: null, source: TARGET_2 },
	{ district: 'castanoPrimo', ageFrom: 50, ageTo: 65, referenceDate: ON, males: 8_075, females: 8_109, total: 16_184, source: TARGET_2 },
	{ district: 'magentino', ageFrom: 50, ageTo: 65, referenceDate: ON, males: 14_852, females: 15_141, total: 29_993, source: TARGET_2 },
	{ district: 'abbiatense', ageFrom: 50, ageTo: 65, referenceDate: ON, males: 9_532, females: 9_604, total: 19_136, source: TARGET_2 }
];

export function municipalityName(entry: DemoMunicipality): string {
	return typeof entry === 'string' ? entry : entry.name;
}
