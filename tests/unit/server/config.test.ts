import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/lib/server/config';

describe('readConfig', () => {
	it('uses the embedded database in ./data when nothing is set', () => {
		const config = readConfig({});
		expect(config).toMatchObject({ port: 3000, dataDir: './data', seedDemo: true });
		expect(config.databaseUrl).toBeUndefined();
		expect(config.redisUrl).toBeUndefined();
	});

	it('treats empty variables as unset', () => {
		expect(readConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
	});

	it('names every invalid variable in one message', () => {
		const read = () =>
			readConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://y' });
		expect(read).toThrow(ConfigError);
		expect(read).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*REDIS_URL/);
	});

	it('accepts a PostgreSQL URL and a Redis URL', () => {
		const config = readConfig({
			DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
			REDIS_URL: 'redis://127.0.0.1:6379'
		});
		expect(config.databaseUrl).toBe('postgres://u@127.0.0.1:5432/db');
		expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
	});

	it('tries updates of 16 KiB or more within 100 ms by default, and refuses odd budgets', () => {
		expect(readConfig({}).collab).toMatchObject({ updateCheckBytes: 16_384, updateBudgetMs: 100 });
		expect(
			readConfig({ COLLAB_UPDATE_CHECK_BYTES: '65536', COLLAB_UPDATE_BUDGET_MS: '250' }).collab
		).toMatchObject({ updateCheckBytes: 65_536, updateBudgetMs: 250 });
		const read = () =>
			readConfig({ COLLAB_UPDATE_CHECK_BYTES: '100', COLLAB_UPDATE_BUDGET_MS: '5' });
		expect(read).toThrow(/COLLAB_UPDATE_CHECK_BYTES[\s\S]*COLLAB_UPDATE_BUDGET_MS/);
	});
});
