/**
 * Domain errors: domain code throws them, one place (`http/`) maps them to statuses and
 * translated messages. `code` is a stable snake_case id that is also the i18n key.
 */
export type FieldIssues = Record<string, string[]>;

export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly status: number,
		message = code
	) {
		super(message);
		this.name = new.target.name;
	}
}

export class NotFoundError extends DomainError {
	constructor(code = 'not_found') {
		super(code, 404);
	}
}

export class ForbiddenError extends DomainError {
	constructor(code = 'forbidden') {
		super(code, 403);
	}
}

export class UnauthorizedError extends DomainError {
	constructor(code = 'unauthorized') {
		super(code, 401);
	}
}

export class InvalidError extends DomainError {
	constructor(
		code = 'invalid',
		readonly issues: FieldIssues = {}
	) {
		super(code, 400);
	}
}

export class ConflictError extends DomainError {
	constructor(code = 'conflict') {
		super(code, 409);
	}
}

export class TooManyRequestsError extends DomainError {
	constructor(
		code = 'too_many_requests',
		readonly retryAfterSeconds = 60
	) {
		super(code, 429);
	}
}
