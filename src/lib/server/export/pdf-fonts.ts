import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Roboto, vendored in `assets/fonts/roboto` (OFL 1.1): looked up in the folder Tavolo runs in,
 * as `drizzle/` is, then above this module (src/… or build/server/chunks/…), so a start from
 * another folder still finds it. Tagged PDFs must embed their fonts; pdfkit embeds only the
 * glyphs used.
 */
const FILES = {
	regular: 'Roboto-Regular.ttf',
	bold: 'Roboto-Medium.ttf',
	italic: 'Roboto-Italic.ttf',
	boldItalic: 'Roboto-MediumItalic.ttf'
} as const;

export type FontName = keyof typeof FILES;

let loaded: Record<FontName, Buffer> | undefined;

function fontFolder(): string {
	const candidates = [resolve('assets/fonts/roboto')];
	for (
		let dir = dirname(fileURLToPath(import.meta.url));
		dir !== dirname(dir);
		dir = dirname(dir)
	) {
		candidates.push(join(dir, 'assets/fonts/roboto'));
	}
	const found = candidates.find((folder) => existsSync(join(folder, FILES.regular)));
	if (!found) throw new Error(`PDF fonts not found in ${candidates[0]}`);
	return found;
}

/** The four faces, read once per process. */
export function fontFiles(): Record<FontName, Buffer> {
	if (!loaded) {
		const folder = fontFolder();
		loaded = Object.fromEntries(
			Object.entries(FILES).map(([name, file]) => [name, readFileSync(join(folder, file))])
		) as Record<FontName, Buffer>;
	}
	return loaded;
}

export function fontFor(style: { bold?: boolean; italic?: boolean }): FontName {
	if (style.bold) return style.italic ? 'boldItalic' : 'bold';
	return style.italic ? 'italic' : 'regular';
}
