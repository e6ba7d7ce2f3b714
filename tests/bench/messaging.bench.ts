/**
 * Messaging at scale: 1,000,000 messages in the database, 100,000 of them in one thread, on the
 * PostgreSQL server in TEST_DATABASE_URL. Times the first page, a middle page and a deep page of
 * that thread and the thread list (with unread counts), through the real permission-checked,
 * audited procedures. Prints figures; asserts nothing.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm --filter @concord/tests bench messaging
 */
import { performance } from "node:perf_hooks";
import { createCaller } from "@concord/api";
import { testServices } from "@concord/api/testing";
import { insertThread, queryRows, sql } from "@concord/db";
import { buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { measure } from "./timing";

const TOTAL = 1_000_000;
const IN_BIG_THREAD = 100_000;
const OTHER_THREADS = 900;

async function timeIt(label: string, n: number, fn: () => Promise<unknown>) {
  const t = await measure(n, fn, 5);
  console.log(`  ${label.padEnd(58)} p50 ${t.p50.toFixed(2).padStart(7)} ms   p95 ${t.p95.toFixed(2).padStart(7)} ms   (n=${n})`);
}

if (!process.env.TEST_DATABASE_URL) {
  console.log("messaging bench: skipped — set TEST_DATABASE_URL to a PostgreSQL server (the million-message load is meant for a server, not PGlite).");
  process.exit(0);
}

const TEST_SERVICES = testServices();
const handle = await openTestDatabase("postgres");
try {
  const ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
  const alex = ids.patients.alex;
  const big = await insertThread(handle.db, { patientId: alex, space: "team", title: "Bench: the long thread", createdBy: ids.users.pt });

  const t0 = performance.now();
  await handle.db.execute(sql`
    insert into message_threads (patient_id, space, title, created_by)
    select ${alex}, case when g % 2 = 0 then 'team' else 'patient' end, 'Bench thread ' || lpad(g::text, 4, '0'), ${ids.users.pt}
    from generate_series(1, ${OTHER_THREADS}) g`);
  // One statement, ids interleaved across threads the way real traffic would interleave them:
  // every 10th message goes to the long thread.
  await handle.db.execute(sql`
    with others as (select array_agg(id order by title) as ids from message_threads where title like 'Bench thread %')
    insert into messages (thread_id, patient_id, author_id, body, created_at)
    select case when n % ${TOTAL / IN_BIG_THREAD} = 0 then ${big.id}::uuid else others.ids[1 + (n % ${OTHER_THREADS})] end,
           ${alex},
           case when n % 3 = 0 then ${ids.users.physician}::uuid else ${ids.users.pt}::uuid end,
           'Bench message ' || n || ': pain 4/10 this morning, swelling down after the mirror therapy session.',
           now() - make_interval(secs => ${TOTAL} - n)
    from generate_series(1, ${TOTAL}) n, others`);
  await handle.db.execute(sql`
    update message_threads t set last_message_id = m.max_id, last_message_at = now()
    from (select thread_id, max(id) as max_id from messages group by thread_id) m where m.thread_id = t.id`);
  // The physician has read the long thread up to 5,000 messages from the end: unread is capped.
  await handle.db.execute(sql`
    insert into message_reads (thread_id, user_id, last_read_message_id)
    select ${big.id}, ${ids.users.physician}, id from messages where thread_id = ${big.id} order by id desc offset 5000 limit 1`);
  await handle.db.execute(sql`analyze`);
  const loadSeconds = (performance.now() - t0) / 1000;
  const [counts] = await queryRows<{ total: number; in_big: number }>(
    handle.db,
    sql`select (select count(*)::int from messages) as total, (select count(*)::int from messages where thread_id = ${big.id}) as in_big`,
  );
  console.log(`messaging bench on PostgreSQL: loaded ${counts?.total.toLocaleString("en")} messages (${counts?.in_big.toLocaleString("en")} in one thread, ${OTHER_THREADS + 1} threads) in ${loadSeconds.toFixed(1)} s`);

  const physician = createCaller({
    db: handle.db,
    dbKind: handle.kind,
    actor: { userId: ids.users.physician, role: "pain_physician", patientId: null, active: true },
    actorName: "Dr. Maya Okafor",
    sessionId: null,
    settings: TEST_CLINIC_SETTINGS,
    services: TEST_SERVICES,
  });
  const threadIds = await queryRows<{ id: string }>(handle.db, sql`select id from messages where thread_id = ${big.id} order by id desc`);
  const idAt = (depth: number) => Number(threadIds[depth]?.id);

  console.log("through messaging.* procedures (permission check + audit row + transaction):");
  await timeIt("first page (30 newest) of the 100k thread", 200, () => physician.messaging.messages({ patientId: alex, threadId: big.id, limit: 30 }));
  await timeIt("page at depth 50,000 (before = key)", 200, () => physician.messaging.messages({ patientId: alex, threadId: big.id, before: idAt(50_000), limit: 30 }));
  await timeIt("page at depth 99,950 (the oldest)", 200, () => physician.messaging.messages({ patientId: alex, threadId: big.id, before: idAt(99_950), limit: 30 }));
  await timeIt("thread list, first 50 of 901, with unread counts (capped 100)", 100, () => physician.messaging.threads({ patientId: alex, limit: 50 }));

  console.log("query plan of the deep page:");
  const plan = await queryRows<{ "QUERY PLAN": string }>(
    handle.db,
    sql`explain (analyze, buffers, costs off) select id, body from messages where thread_id = ${big.id} and id < ${idAt(99_950)} order by id desc limit 31`,
  );
  for (const row of plan) console.log(`  ${row["QUERY PLAN"]}`);
} finally {
  await handle.close();
}
