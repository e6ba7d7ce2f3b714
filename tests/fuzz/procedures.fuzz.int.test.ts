import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { createCaller, listProcedures } from "@concord/api";
import { testServices } from "@concord/api/testing";
import { type DbHandle, type DemoIds, seedDemo } from "@concord/db";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { actorFor } from "../authz/actors";
import { ACTOR_KINDS, type ActorKind, MATRIX, MATRIX_FIXTURES, type MatrixRow } from "../authz/matrix/index";

/**
 * Property-based fuzzing of every procedure: no input, from any caller, may end in a server error,
 * and a call that is refused must not have written a row. Inputs are arbitrary JSON-like values and
 * mutations of the matrix's valid input for the procedure (fields dropped or replaced by NUL strings,
 * lone surrogates, out-of-range numbers, forged page cursors, wrong types).
 *
 * Reproduce a failure with the seed printed in the report: FUZZ_SEED=<seed> (and FUZZ_RUNS=<n>).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

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

/** The matrix's callers who may use the procedure come up three times as often as the rest, so most inputs get past the permission check to the schema and the query. */
function roleFor(row: MatrixRow): fc.Arbitrary<ActorKind> {
  const allowed = ACTOR_KINDS.filter((k) => row.expect[k] === "allow");
  return allowed.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...allowed) }, { weight: 1, arbitrary: fc.constantFrom(...ACTOR_KINDS) }) : fc.constantFrom(...ACTOR_KINDS);
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
  let countQuery = "";

  /**
   * Rows per table and a checksum of their contents, in one statement. The audit log is left out: a
   * denied call writes its "denied" row by design.
   */
  async function rowCounts(): Promise<string> {
    const result = (await handle.db.execute(countQuery)) as unknown as { rows: Array<{ t: string; n: string }> };
    return result.rows.map((r) => `${r.t}=${r.n}`).join(" ");
  }

  beforeAll(async () => {
    handle = await openTestDatabase(backend);
    ids = await seedDemo(handle.db, { hashPassword: fixtureHash });
    for (const setup of MATRIX_FIXTURES) Object.assign(fixtures, await setup(handle.db, ids));
    const tables = (await handle.db.execute(
      "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )) as unknown as { rows: Array<{ t: string }> };
    const counted = tables.rows.map((r) => r.t).filter((t) => t !== "audit_events" && !t.startsWith("__"));
    // The count catches an insert or a delete, the sum of row hashes an update.
    countQuery = counted.map((t) => `select '${t}' as t, count(*) || ':' || coalesce(sum(hashtext(r::text)::bigint), 0) as n from "${t}" r`).join(" union all ");
  });

  afterAll(async () => {
    const codes = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`);
    console.log(`[fuzz] ${backend}: ${calls} calls over ${procedures.length} procedures (seed ${SEED}, ${RUNS} runs each): ${codes.join(", ")}`);
    await handle?.close();
  });

  it("has a matrix row (a valid input) for every procedure it fuzzes", () => {
    expect(procedures.filter((p) => !MATRIX.some((r) => r.path === p.path)).map((p) => p.path)).toEqual([]);
  });

  it.each(procedures.map((p, index) => [p.path, index] as const))("%s: no server error and nothing written when refused", async (path, index) => {
    const row = MATRIX.find((r) => r.path === path);
    if (!row) throw new Error(`${path} has no matrix row`);
    const seed = SEED + index;
    let before = await rowCounts();
    const property = fc.asyncProperty(roleFor(row), plan, async (kind, p) => {
      counter += 1;
      const valid = row.input({ ids, patientId: ids.patients.alex, actor: kind, unique: `fuzz-${backend}-${counter}`, fixtures });
      const input = applyPlan(valid, p);
      const caller = createCaller({ db: handle.db, dbKind: handle.kind, actor: actorFor(kind, ids), actorName: kind, sessionId: null, settings: TEST_CLINIC_SETTINGS, services: TEST_SERVICES });
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
      const after = await rowCounts();
      if (error !== null && after !== before) throw new Error(`${where} was refused (${code}: ${(error as Error).message}) but wrote rows:\n before ${before}\n after  ${after}`);
      before = after;
    });
    try {
      await fc.assert(property, { seed, numRuns: RUNS, endOnFailure: true });
    } catch (failure) {
      console.error(`[fuzz] ${backend} ${path} failed with seed ${seed} (FUZZ_SEED=${SEED}):\n${(failure as Error).message}`);
      throw failure;
    }
  });
});
