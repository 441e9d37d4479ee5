import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The message files (inlang message format): key → text with `{placeholder}`s. */
const load = (locale: string): Record<string, unknown> =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
const it_ = load('it');
const en = load('en');

/** The placeholders a message uses, sorted; nested variants (plurals) are walked whole. */
function placeholders(value: unknown): string[] {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return [...new Set([...text.matchAll(/\{\s*([A-Za-z_$][\w$]*)\s*\}/g)].map((m) => m[1]))].sort();
}

describe('message files', () => {
	it('have the same keys in Italian and English', () => {
		const keys = (messages: Record<string, unknown>) =>
			Object.keys(messages)
				.filter((key) => key !== '$schema')
				.sort();
		expect(keys(en)).toEqual(keys(it_));
	});

	it('use the same placeholders in each message of both languages', () => {
		const differing = Object.keys(it_)
			.filter((key) => key !== '$schema' && key in en)
			.filter((key) => placeholders(it_[key]).join() !== placeholders(en[key]).join())
			.map((key) => `${key}: it {${placeholders(it_[key])}} en {${placeholders(en[key])}}`);
		expect(differing).toEqual([]);
	});

	it('find the placeholders of a message, so the comparison above compares something', () => {
		expect(placeholders('Ciao {name}, hai {count} messaggi da {name}')).toEqual(['count', 'name']);
		expect(
			Object.values(it_).filter((text) => placeholders(text).length > 0).length
		).toBeGreaterThan(10);
	});
});
