/**
 * Six months after the day a pathway closed (or reached its outcome): when the ESF+ longer-term
 * result is due. Browser-safe: the case page, the to-do list and the ESF+ CSV share it.
 */
export function followUpDue(closedOn: string | null): string | null {
	if (!closedOn) return null;
	const [y, mo, d] = closedOn.split('-').map(Number);
	const due = new Date(Date.UTC(y, mo - 1 + 6, d));
	// 31 August + 6 months is 28/29 February, not 3 March.
	if (due.getUTCDate() !== d) due.setUTCDate(0);
	return due.toISOString().slice(0, 10);
}
