/**
 * Errors a use case may throw. One formatter in the api package maps them to transport codes;
 * the message is written for the clinician or patient who will read it.
 */
export type DomainErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAUTHENTICATED";

export interface DomainErrorOptions {
  /**
   * A refusal the audit trail keeps as "denied", with why (a wrong current password, no patient
   * matching an emergency search): the call's transaction rolls back, and the row the procedure
   * writes for the failed call records this detail instead of a bare "error".
   */
  deniedAudit?: { reason: string } & Record<string, unknown>;
}

export class DomainError extends Error {
  readonly deniedAudit: DomainErrorOptions["deniedAudit"];

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.deniedAudit = options.deniedAudit;
  }
}

export const notFound = (what = "This record") =>
  new DomainError("NOT_FOUND", `${what} was not found, or you do not have access to it.`);
export const forbidden = (message = "You do not have permission to do that.") =>
  new DomainError("FORBIDDEN", message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", message, details);
export const invalid = (message: string, details?: Record<string, unknown>, options?: DomainErrorOptions) =>
  new DomainError("INVALID", message, details, options);
