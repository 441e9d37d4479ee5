/**
 * The Y.XmlFragment that holds a live rich text: the LiveEditor's default `field` (TipTap
 * Collaboration's default). Proposal sections and minutes both keep their text there, so the
 * collaboration server's suggestion check (ADR 0095) reads the same fragment for both.
 */
export const TEXT_FIELD = 'default';
