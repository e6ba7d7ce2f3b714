import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { createCaller, listProcedures } from "@concord/api";
import { testServices } from "@concord/api/testing";
import type { DbHandle } from "@concord/db";
import { type DemoIds, buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { actorFor } from "../authz/actors";
import { ACTOR_KINDS, MATRIX, MATRIX_FIXTURES } from "../authz/matrix/index";

/**
 * Property-based fuzzing of every procedure signed in as each kind of caller (every matrix column,
 * anonymous included): RUNS generated inputs per procedure for each caller the matrix allows it to,
 * DENIED_RUNS for each caller it denies. No input, from any
 * caller, may end in a server error, and a call that is refused must not have written a row. Inputs are arbitrary JSON-like values and
 * mutations of the matrix's valid input for the procedure (fields dropped or replaced by NUL strings,
 * lone surrogates, out-of-range numbers, forged page cursors, wrong types).
 *
 * Reproduce a failure with the seed printed in the report: FUZZ_SEED=<seed> (and FUZZ_RUNS=<n>).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/**
 * Inputs per procedure for a caller the matrix denies it to. The denial comes before the procedure
 * reads its input, so these runs prove the refusal does not depend on the input and writes nothing;
 * set FUZZ_DENIED_RUNS=200 to give denied callers as many inputs as allowed ones.
 */
const DENIED_RUNS = Number(process.env.FUZZ_DENIED_RUNS ?? 20);

const TEST_SERVICES = testServices();

/* ------------------------------------------------------------------ hostile values */

const forgedCursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");

const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "😀\uD83D",
    "",
    "   ",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "2026-13-45T99:99:99Z",
    "infinity",
    "NaN",
    "1e309",
    "99999999999999999999",
    "-1",
    "'; drop table users; --",
    "%_\\",
    "<script>alert(1)</script>",
    "x".repeat(5000),
  ),
  fc.uuid(),
  fc.string({ maxLength: 20 }),
  // Any UTF-16 code unit, so NULs, control characters and lone surrogates turn up inside text.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1, 0, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer(),
  fc.double(),
);

const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.constantFrom(null, undefined, true, false));

/** Pieces of a plausible sort key, each either well-formed or just wrong for its SQL cast. */
const cursorPiece = fc.oneof(
  fc.constantFrom(
    "00000000-0000-4000-8000-000000000000",
    "not-a-uuid",
    "2026-12-01 10:00:00.123456+00",
    "2026-12-01T10:00:00.000000Z",
    "2026-13-45 10:00:00+00",
    "2026-12-01 25:61:00+00",
    "2026-12-01",
    "2026-02-30",
    "0000-01-01",
    "a",
    "a\u0000b",
    "\uD800",
    0,
    1,
    7,
    -1,
    0.5,
    2 ** 31,
    2 ** 40,
  ),
  fc.uuid(),
  hostileScalar,
);

const hostileCursor = fc.oneof(
  fc.array(cursorPiece, { minLength: 1, maxLength: 3 }).map(forgedCursor),
  fc.array(hostileScalar, { maxLength: 4 }).map(forgedCursor),
  fc.constantFrom(
    forgedCursor(["a", "not-a-uuid"]),
    forgedCursor(["2026-12-01 10:00:00+00", "not-a-uuid"]),
    forgedCursor(["2026-13-45 10:00:00+00", "00000000-0000-4000-8000-000000000000"]),
    forgedCursor(["0000-01-01", "00000000-0000-4000-8000-000000000000"]),
    forgedCursor([2 ** 40]),
    forgedCursor([7, "2026-12-01 10:00:00+00", "00000000-0000-4000-8000-000000000000"]),
    forgedCursor(["a\u0000", "00000000-0000-4000-8000-000000000000"]),
    forgedCursor(["2026-12-01", "2026-12-01 10:00:00+00", "00000000-0000-4000-8000-000000000000"]),
    forgedCursor({ a: 1 }),
    "%%%not base64%%%",
    Buffer.from("not json").toString("base64url"),
  ),
);

/** JSON-ish values of any shape, with superjson's extra types (a client can send Date and BigInt). */
const anything: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileScalar,
    hostileCursor,
    fc.constantFrom(new Date(Number.NaN), new Date("2026-12-01T00:00:00Z"), 10n ** 30n),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** Fields list procedures and commands take: a mutation may add one the valid input lacks. */
const EXTRA_KEYS = ["cursor", "limit", "expectedVersion", "version", "before", "ids", "search", "body", "title", "note", "site", "patientIds", "messageId", "threadId", "kind", "date", "from", "to", "command", "details"];

const UNSAFE_CHARACTERS = ["\u0000", "\uD800", "\uDFFF", "\uD83D"] as const;
/** What a date field may be given instead of a real day: no year 0, no 30 February, the edges of the calendar. */
const HOSTILE_DATES = ["0000-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "2024-02-29", "2026-13-01", "2026-00-10", "20261-01-01", "2026-1-1", "2026-12-01T25:00:00Z"] as const;

type Op =
  | { kind: "drop"; at: number }
  | { kind: "poison"; at: number; char: string; position: number; number: number; date: string }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "add"; at: number; key: string; value: unknown }
  | { kind: "cursor"; value: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }) },
  {
    // The likeliest way past a schema: keep the valid value and slip one bad character into it, or
    // turn a valid number into one just outside what its column holds.
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("poison" as const),
      at: fc.nat(),
      char: fc.constantFrom(...UNSAFE_CHARACTERS),
      position: fc.nat(),
      number: hostileNumber,
      date: fc.constantFrom(...HOSTILE_DATES),
    }),
  },
  // Every list procedure pages with a cursor the client sends back: forge one at the top level.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cursor" as const), value: hostileCursor }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: fc.oneof(hostileScalar, hostileCursor, anything) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), hostileString), value: fc.oneof(hostileScalar, hostileCursor, anything) }),
  },
);

type Plan = { kind: "valid" } | { kind: "arbitrary"; value: unknown } | { kind: "mutate"; ops: Op[] };

const plan: fc.Arbitrary<Plan> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: "valid" } as const) },
  { weight: 2, arbitrary: anything.map((value) => ({ kind: "arbitrary", value }) as const) },
  { weight: 7, arbitrary: fc.array(op, { minLength: 1, maxLength: 3 }).map((ops) => ({ kind: "mutate", ops }) as const) },
);

type Container = Record<string, unknown> | unknown[];

/** Every object or array in `value`, so a mutation can land at any depth. */
function containers(value: unknown): Container[] {
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  const node = value as Container;
  return [node, ...Object.values(node).flatMap((child) => containers(child))];
}

/** Every (container, key) whose value is not itself a container: the fields a poison op can spoil. */
function leaves(value: unknown): Array<{ node: Container; key: string }> {
  return containers(value).flatMap((node) =>
    Object.entries(node)
      .filter(([, child]) => child === null || typeof child !== "object" || child instanceof Date)
      .map(([key]) => ({ node, key })),
  );
}

function poisoned(value: unknown, o: Extract<Op, { kind: "poison" }>): unknown {
  if (typeof value === "string") {
    // Half the time a date stays a date-shaped string, but one its column cannot take.
    if (/^\d{4}-\d{2}-\d{2}/.test(value) && o.position % 2 === 0) return o.date;
    const at = o.position % (value.length + 1);
    return `${value.slice(0, at)}${o.char}${value.slice(at)}`;
  }
  if (typeof value === "number") return o.number;
  return o.char;
}

function applyPlan(valid: unknown, p: Plan): unknown {
  if (p.kind === "valid") return valid;
  if (p.kind === "arbitrary") return p.value;
  let input: unknown = structuredClone(valid ?? {});
  for (const o of p.ops) {
    if (o.kind === "cursor") {
      input = { ...(input !== null && typeof input === "object" ? input : {}), cursor: o.value };
      continue;
    }
    if (o.kind === "poison") {
      const spots = leaves(input);
      const spot = spots[o.at % Math.max(1, spots.length)];
      if (spot) (spot.node as Record<string, unknown>)[spot.key] = poisoned((spot.node as Record<string, unknown>)[spot.key], o);
      else input = poisoned(input, o);
      continue;
    }
    const spots = containers(input);
    const spot = spots[o.at % Math.max(1, spots.length)];
    if (!spot) {
      input = o.kind === "drop" ? undefined : o.value;
      continue;
    }
    if (o.kind === "add") {
      (spot as Record<string, unknown>)[o.key] = o.value;
      continue;
    }
    const keys = Object.keys(spot);
    const key = keys[o.at % Math.max(1, keys.length)];
    if (key === undefined) {
      if (o.kind === "replace") input = o.value;
      continue;
    }
    if (o.kind === "drop") delete (spot as Record<string, unknown>)[key];
    else (spot as Record<string, unknown>)[key] = o.value;
  }
  return input;
}

function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v === undefined ? "<undefined>" : v)).slice(0, 2000);
  } catch {
    return String(value);
  }
}

/* ------------------------------------------------------------------ the run */

const procedures = listProcedures().filter((p) => p.type !== "subscription");

describe.each(testBackends())("fuzzing every procedure on %s", (backend) => {
  let handle: DbHandle;
  let ids: DemoIds;
  const fixtures: Record<string, string> = {};
  let counter = 0;
  const tally = new Map<string, number>();
  let calls = 0;

  /**
   * How many rows have been inserted, updated or deleted in any table but the audit log (a denied call
   * writes its "denied" audit row by design): a row-level trigger on every table counts each change,
   * so checking "nothing written" after a call is one read of one row, however large the tables grow.
   */
  async function rowChanges(): Promise<string> {
    const result = (await handle.db.execute("select n::text as n from fuzz_row_changes")) as unknown as { rows: Array<{ n: string }> };
    return result.rows[0]?.n ?? "missing";
  }

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    for (const setup of MATRIX_FIXTURES) Object.assign(fixtures, await setup(handle.db, ids));
    const tables = (await handle.db.execute(
      "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )) as unknown as { rows: Array<{ t: string }> };
    const watched = tables.rows.map((r) => r.t).filter((t) => t !== "audit_events" && !t.startsWith("__"));
    await handle.db.execute("create table fuzz_row_changes (n bigint not null)");
    await handle.db.execute("insert into fuzz_row_changes values (0)");
    await handle.db.execute(
      "create function fuzz_count_row_change() returns trigger language plpgsql as $$ begin update fuzz_row_changes set n = n + 1; return null; end $$",
    );
    for (const t of watched) {
      await handle.db.execute(`create trigger fuzz_count_row_change after insert or update or delete on "${t}" for each row execute function fuzz_count_row_change()`);
    }
  });

  afterAll(async () => {
    const codes = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`);
    console.log(
      `[fuzz] ${backend}: ${calls} calls over ${procedures.length} procedures × ${ACTOR_KINDS.length} callers (seed ${SEED}; inputs per procedure and caller: ${RUNS} when allowed, ${DENIED_RUNS} when denied): ${codes.join(", ")}`,
    );
    await handle?.close();
  });

  it("has a matrix row (a valid input) for every procedure it fuzzes", () => {
    expect(procedures.filter((p) => !MATRIX.some((r) => r.path === p.path)).map((p) => p.path)).toEqual([]);
  });

  const cases = procedures.flatMap((p, index) => ACTOR_KINDS.map((kind, k) => [p.path, kind, index * ACTOR_KINDS.length + k] as const));
  it.each(cases)("%s as %s: no server error, and nothing written when refused", async (path, kind, index) => {
    const row = MATRIX.find((r) => r.path === path);
    if (!row) throw new Error(`${path} has no matrix row`);
    const seed = SEED + index;
    const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: actorFor(kind, ids), actorName: kind, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
    let before = await rowChanges();
    const property = fc.asyncProperty(plan, async (p) => {
      counter += 1;
      const valid = row.input({ ids, patientId: ids.patients.alex, actor: kind, unique: `fuzz-${backend}-${counter}`, fixtures });
      const input = applyPlan(valid, p);
      let error: unknown = null;
      try {
        await callByPath(caller, path, input);
      } catch (e) {
        error = e;
      }
      calls += 1;
      const code = error === null ? "OK" : error instanceof TRPCError ? error.code : "THROWN";
      tally.set(code, (tally.get(code) ?? 0) + 1);
      const where = `${path} as ${kind} with ${show(input)}`;
      if (!(error === null || error instanceof TRPCError)) throw new Error(`${where} threw something that is not a tRPC error: ${String(error)}`);
      if (error instanceof TRPCError && error.code === "INTERNAL_SERVER_ERROR") throw new Error(`${where} answered INTERNAL_SERVER_ERROR: ${String(error.cause ?? error.message)}`);
      const after = await rowChanges();
      if (error !== null && after !== before) throw new Error(`${where} was refused (${code}: ${(error as Error).message}) but changed ${Number(after) - Number(before)} row(s)`);
      before = after;
    });
    try {
      await fc.assert(property, { seed, numRuns: row.expect[kind] === "allow" ? RUNS : DENIED_RUNS, endOnFailure: true });
    } catch (failure) {
      console.error(`[fuzz] ${backend} ${path} as ${kind} failed with seed ${seed} (FUZZ_SEED=${SEED}):\n${(failure as Error).message}`);
      throw failure;
    }
  });
});
