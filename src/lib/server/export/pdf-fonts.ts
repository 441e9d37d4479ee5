import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Roboto, vendored in `assets/fonts/roboto` (OFL 1.1) and resolved from the folder Tavolo runs
 * in, as `drizzle/` is. Tagged PDFs must embed their fonts; pdfkit embeds only the glyphs used.
 */
const FILES = {
	regular: 'Roboto-Regular.ttf',
	bold: 'Roboto-Medium.ttf',
	italic: 'Roboto-Italic.ttf',
	boldItalic: 'Roboto-MediumItalic.ttf'
} as const;

export type FontName = keyof typeof FILES;

let loaded: Record<FontName, Buffer> | undefined;

/** The four faces, read once per process. */
export function fontFiles(): Record<FontName, Buffer> {
	loaded ??= Object.fromEntries(
		Object.entries(FILES).map(([name, file]) => [
			name,
			readFileSync(resolve('assets/fonts/roboto', file))
		])
	) as Record<FontName, Buffer>;
	return loaded;
}

export function fontFor(style: { bold?: boolean; italic?: boolean }): FontName {
	if (style.bold) return style.italic ? 'boldItalic' : 'bold';
	return style.italic ? 'italic' : 'regular';
}
