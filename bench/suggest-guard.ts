/**
 * What the suggestion check costs the server per keystroke of a suggest-only partner
 * (server/collab/suggest-guard.ts, ADR 0095): a section of N characters, 200 keystrokes typed
 * in suggestion mode by a real headless editor (the updates are prepared first), each judged
 * by the guard and then integrated into the room's document as the room does after storing.
 *
 *   node --import tsx bench/suggest-guard.ts
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { AppendLedger } from '../server/collab/append-ledger';
import { SuggestGuard } from '../server/collab/suggest-guard';
import type { Connection } from '../server/collab/connection';
import { suggestionRulesFor } from '../src/lib/server/live-kinds';
import { at, sectionDoc, sectionEditor } from '../tests/support/section-editor';

const KEYSTROKES = 200;
const PARAGRAPH = 'Il tavolo di coprogettazione definisce obiettivi, azioni e risorse. '.repeat(7);
const author = { id: 'b6c1e4a2-0000-4000-8000-000000000001', name: 'Anna Rossi' };

function keystrokes(base: Y.Doc): Uint8Array[] {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
	const editor = sectionEditor(client, author);
	const updates: Uint8Array[] = [];
	client.on('update', (update: Uint8Array) => updates.push(update));
	const start = editor.after('obiettivi');
	for (let i = 0; i < KEYSTROKES; i++) {
		editor.change((tr) => at(tr, start + i).insertText('x'));
	}
	return updates;
}

function run(paragraphs: number) {
	const base = sectionDoc(...Array.from({ length: paragraphs }, () => PARAGRAPH));
	const updates = keystrokes(base);
	const room = new Y.Doc();
	Y.applyUpdate(room, Y.encodeStateAsUpdate(base));
	const name = 'section:00000000-0000-4000-8000-000000000000';
	const guard = new SuggestGuard(room, new AppendLedger(room), suggestionRulesFor(name));
	const connection = { actor: { id: author.id }, documentName: name } as unknown as Connection;
	const times: number[] = [];
	for (const update of updates) {
		const started = performance.now();
		const verdict = guard.judge(connection, update);
		if (verdict.kind !== 'accept') {
			throw new Error(`a proper suggestion was refused: ${verdict.kind}`);
		}
		times.push(performance.now() - started);
		Y.applyUpdate(room, update);
	}
	times.sort((a, b) => a - b);
	const quantile = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(2);
	const chars = paragraphs * PARAGRAPH.length;
	console.log(
		`| ${chars.toLocaleString('en')} | ${times.length} | ${quantile(0.5)} | ${quantile(0.95)} | ${times.at(-1)!.toFixed(2)} |`
	);
}

console.log('| section chars | keystrokes | p50 ms | p95 ms | max ms |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const paragraphs of [4, 40, 200]) run(paragraphs);
