import { AlignmentType, LevelFormat } from 'docx';

/** Word numbering for bulleted and numbered lists, six levels deep, indented per level. */
export function listNumbering() {
	const levels = (ordered: boolean) =>
		Array.from({ length: 6 }, (_, level) => ({
			level,
			format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
			text: ordered ? `%${level + 1}.` : level % 2 ? '◦' : '•',
			alignment: AlignmentType.LEFT,
			style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
		}));
	return [
		{ reference: 'bullets', levels: levels(false) },
		{ reference: 'numbers', levels: levels(true) }
	];
}
