import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { type Actor, DomainError, MalformedCarePlanError, type Permission, UNSAFE_TEXT_MESSAGE, decide, findUnsafeText, patientIdInput } from "@concord/domain";
import { type Database, InvalidCursorError, writeAudit } from "@concord/db";
import { authorizePatientAccess } from "./access";
import { procedureAudit } from "./audit";
import type { Context } from "./context";

export interface Meta {
  permission: Permission;
  /**
   * For a subscription: the zod schema every yielded event is parsed with before it is sent
   * (`.output()` cannot check an async generator). Listed by listProcedures; a test requires it.
   */
  events?: z.ZodType;
}

const DOMAIN_TO_TRPC = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
} as const;

const SERVER_FAILURE_MESSAGE = "Something went wrong on our side. Nothing was saved; please try again.";
/** tRPC's message when a procedure's answer fails its `.output()` schema. */
const OUTPUT_VALIDATION_FAILED = "Output validation failed";

/** "painNow: Pain now must be a whole number from 0 to 10." — names the field, in words a person reads. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    sse: {
      // Keep proxies from closing quiet streams, and end every stream after ten minutes so the
      // client reconnects (resuming from its last event id) through a fresh session and access check.
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 45_000 },
      maxDurationMs: 10 * 60_000,
    },
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const zod = cause instanceof ZodError ? cause : null;
      const domain = cause instanceof DomainError ? cause : null;
      let message = shape.message;
      if (zod) message = describeZodError(zod);
      else if (error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof MalformedCarePlanError)) message = SERVER_FAILURE_MESSAGE;
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          fieldErrors: zod ? z.flattenError(zod).fieldErrors : undefined,
          details: domain?.details,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become their tRPC codes at one place, with the message the user should read. */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (result.error.message === OUTPUT_VALIDATION_FAILED) {
      // The procedure built an answer its own output schema refuses: a defect on our side, never the
      // caller's. Log where the shapes differ (paths and zod codes, never values) and answer 500.
      const issues = cause instanceof ZodError ? cause.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`) : [];
      console.error(`[trpc] ${path} answered outside its output schema: ${issues.join("; ") || "unknown shape"}`);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: SERVER_FAILURE_MESSAGE, cause: new Error("output validation failed") });
    }
    if (cause instanceof MalformedCarePlanError) {
      // A stored plan the domain schema refuses: our defect, so a 500, but with the message that says
      // which patient's plan and where (paths and zod codes only, never a stored value), and nothing shown.
      console.error(`[trpc] ${path} failed: ${cause.message}`);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: cause.message, cause });
    }
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.message, cause });
    }
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
    }
    if (cause instanceof InvalidCursorError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      // The driver's error (and tRPC's copy of its message) carries the query parameters: log a safe
      // description, and pass on only that, so no later logger or server-side caller sees them.
      const description = describeFailure(cause ?? result.error);
      console.error(`[trpc] ${path} failed: ${description}`);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: SERVER_FAILURE_MESSAGE, cause: new Error(description) });
    }
  }
  return result;
});

/**
 * A server failure in words safe for the log: the error's name, database code and message, and for
 * a failed query the SQL text — never its parameters (Drizzle's own message and `params` carry them:
 * message bodies, password hashes), never the driver's `detail` (it quotes row values), and with the
 * quoted values in a database message blanked (`invalid input syntax for type uuid: "…"`).
 */
export function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let lastQuery: string | null = null;
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") {
      parts.push(String(current));
      break;
    }
    const e = current as { name?: unknown; message?: unknown; code?: unknown; query?: unknown; params?: unknown; stack?: unknown; cause?: unknown };
    const name = typeof e.name === "string" ? e.name : "Error";
    const code = typeof e.code === "string" ? ` [${e.code}]` : "";
    const fromDatabase = typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code);
    const raw = typeof e.message === "string" ? e.message : "";
    // Drizzle's message is "Failed query: <sql>\nparams: <values>": never logged as such.
    const message = /^failed query:/i.test(raw) ? "" : fromDatabase ? raw.replace(/"[^"]*"/g, '"…"') : raw;
    const query = typeof e.query === "string" && e.query !== lastQuery ? ` (query: ${e.query})` : "";
    if (typeof e.query === "string") lastQuery = e.query;
    parts.push(`${name}${code}: ${message || "failed query"}${query}`);
    if (!e.cause && typeof e.stack === "string") parts[parts.length - 1] += `\n${e.stack.split("\n").slice(1, 4).join("\n")}`;
    current = e.cause;
  }
  return parts.join("\n  caused by ");
}

/**
 * One check for every procedure, before its input is parsed: no string anywhere in the input (value
 * or key, including free-form JSON a schema keeps as unknown) may hold a NUL or a lone surrogate,
 * which PostgreSQL cannot store. The domain's text schemas carry the same rule; this keeps a field
 * that a schema forgot from ever reaching the database as a server error.
 */
const rejectUnsafeText = t.middleware(async ({ next, getRawInput }) => {
  const path = findUnsafeText(await getRawInput().catch(() => undefined));
  if (path) throw new TRPCError({ code: "BAD_REQUEST", message: path.length ? `${path.join(".")}: ${UNSAFE_TEXT_MESSAGE}` : UNSAFE_TEXT_MESSAGE });
  return next();
});

const base = t.procedure.use(mapErrors).use(rejectUnsafeText);

class Rollback {
  constructor(readonly result: unknown) {}
}

function auditIdentity(actor: Actor | null) {
  return { actorId: actor?.userId ?? null, actorRole: actor?.role ?? null };
}

const SIGN_IN = "Please sign in to continue.";

/** The row an anonymous call is refused with (the same for every builder). */
async function refuseAnonymous(db: Database, path: string, permission: Permission, patientId: string | null): Promise<never> {
  await writeAudit(db, { actorId: null, actorRole: null, action: path, patientId, outcome: "denied", detail: { permission, reason: "anonymous" } });
  throw new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN });
}

interface AuditedCall {
  db: Database;
  actor: Actor;
  path: string;
  type: string;
  permission: Permission;
  /** The patient the call is about (a patient procedure), or null (a global one). */
  patientId: string | null;
  /** What the "allowed" row records beyond `{ permission, type }`. */
  allowedDetail?: Record<string, unknown>;
  /**
   * Where the "allowed" row goes in the transaction: first (a patient procedure: the row stands
   * before what the call reads or writes) or last (a global procedure: what the call reads of the
   * audit trail itself — a compliance search, the count of wrong current passwords — is the trail
   * before this call).
   */
  allowedRow: "first" | "last";
  /**
   * A call that sends email (an invitation, a second-factor reset notice) is not wrapped: its use case
   * commits its own transaction (data and security-event row) and only then sends, so no message
   * goes out for a change that could still roll back, and no transaction (on PGlite, the one
   * connection) waits on a mail server. Its "allowed" or "error" row follows the call.
   */
  sendsMail?: boolean;
}

/**
 * The one audit style of signed-in procedures. A query or mutation runs in one transaction that also
 * writes its "allowed" row (action = path), so a failed call leaves neither data nor an "allowed"
 * row behind; it rolls back and writes an "error" row instead, or a "denied" row with the reason
 * when the use case refused with `deniedAudit` (a wrong current password). A subscription writes its
 * "allowed" row at once: a stream cannot hold a transaction open.
 */
async function runAudited<R extends { ok: boolean }>(call: AuditedCall, next: (db: Database) => Promise<R>): Promise<R> {
  const { db, actor, path, type, permission, patientId } = call;
  const allowed = () => ({ ...auditIdentity(actor), action: path, patientId, outcome: "allowed" as const, detail: { permission, type, ...call.allowedDetail } });
  const failed = async (result: R) => {
    const cause = (result as unknown as { error: TRPCError }).error.cause;
    const code = cause instanceof DomainError ? cause.code : (result as unknown as { error: TRPCError }).error.code;
    const denied = cause instanceof DomainError ? cause.deniedAudit : undefined;
    await writeAudit(db, { ...auditIdentity(actor), action: path, patientId, outcome: denied ? "denied" : "error", detail: { permission, type, code, ...denied } });
    return result;
  };
  if (type === "subscription") {
    await writeAudit(db, allowed());
    return next(db);
  }
  if (call.sendsMail) {
    const result = await next(db);
    if (!result.ok) return failed(result);
    await writeAudit(db, allowed());
    return result;
  }
  try {
    return await db.transaction(async (tx) => {
      if (call.allowedRow === "first") await writeAudit(tx, allowed());
      const result = await next(tx as Database);
      if (!result.ok) throw new Rollback(result);
      if (call.allowedRow === "last") await writeAudit(tx, allowed());
      return result;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    return failed(error.result as R);
  }
}

/**
 * A procedure not tied to one patient: the permission decides by role alone; the query itself
 * carries the scope (e.g. "patients on my care teams"). Audited like a patient procedure (see
 * runAudited) with no patient on the call's own row; a use case whose answer names patients adds a
 * row per patient with `writeAuditForPatients({ ...ctx.audit, ... })`.
 */
export function globalProcedure(permission: Permission, options: { sendsMail?: boolean } = {}) {
  return base.meta({ permission }).use(async ({ ctx, next, path, type }) => {
    if (!ctx.actor) return refuseAnonymous(ctx.db, path, permission, null);
    const actor = ctx.actor;
    const decision = decide(actor, permission);
    if (!decision.allowed) {
      await writeAudit(ctx.db, { ...auditIdentity(actor), action: path, patientId: null, outcome: "denied", detail: { permission, reason: decision.reason } });
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to do that." });
    }
    const audit = procedureAudit(actor, path);
    return runAudited({ db: ctx.db, actor, path, type, permission, patientId: null, allowedRow: "last", sendsMail: options.sendsMail }, (db) => next({ ctx: { actor, audit, db } }));
  });
}

/**
 * A procedure on one patient's data. The input must carry `patientId`. The actor's relation to the
 * patient is decided by `authorizePatientAccess`; a denial looks exactly like a patient that does
 * not exist. Queries and mutations run in one transaction that also writes the audit row (see
 * runAudited), so a failed request leaves neither data nor an "allowed" audit behind.
 */
export function patientProcedure(permission: Permission) {
  return base
    .meta({ permission })
    .input(patientIdInput)
    .use(async ({ ctx, input, next, path, type }) => {
      const patientId = input.patientId;
      if (!ctx.actor) return refuseAnonymous(ctx.db, path, permission, patientId);
      const actor = ctx.actor;
      const access = await authorizePatientAccess(ctx.db, actor, permission, patientId);
      if (!access.allowed) {
        await writeAudit(ctx.db, { ...auditIdentity(actor), action: path, patientId, outcome: "denied", detail: { permission, reason: access.reason } });
        throw new TRPCError({ code: "NOT_FOUND", message: "This patient was not found, or you do not have access to their record." });
      }
      const { scope } = access;
      const audit = procedureAudit(actor, path);
      // A read under an emergency access is marked as such in the audit trail (the patient sees it,
      // and the compliance review counts it).
      const allowedDetail = scope.via === "emergencyAccess" ? { via: scope.via } : {};
      return runAudited({ db: ctx.db, actor, path, type, permission, patientId, allowedDetail, allowedRow: "first" }, (db) => next({ ctx: { actor, audit, scope, db } }));
    });
}

/**
 * A procedure for public pages (forgot password, a reset link): open to anyone, signed in or not,
 * but still named by a permission whose audience is "anyone" — any other permission is refused
 * here, so a public procedure cannot be declared by mistake with a signed-in permission.
 */
export function anyoneProcedure(permission: Permission) {
  return base.meta({ permission }).use(async ({ next }) => {
    if (!decide(null, permission).allowed) {
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `${permission} is not a public permission` });
    }
    return next();
  });
}
