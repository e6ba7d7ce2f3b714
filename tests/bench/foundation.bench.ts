/**
 * Foundation figures: what one permission-checked, audited patient read costs, and how "My patients"
 * pages by key on a clinician with 5,000 patients. Runs on PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set. Prints figures; asserts nothing.
 */
import { createCaller } from "@concord/api";
import { testServices } from "@concord/api/testing";
import { queryRows, sql } from "@concord/db";
import { buildDemoClinic } from "@concord/api/demo";
import { fixtureHash, openTestDatabase, testBackends, TEST_CLINIC_SETTINGS } from "@concord/db/testing";
import { type Timing, formatTiming, measure } from "./timing";

const TEST_SERVICES = testServices();
for (const backend of testBackends()) {
  const handle = await openTestDatabase(backend);
  try {
    const ids = await buildDemoClinic(handle, { hashPassword: fixtureHash });
    const physician = createCaller({
      db: handle.db,
      dbKind: handle.kind,
      actor: { userId: ids.users.physician, role: "pain_physician", patientId: null, active: true },
      actorName: "bench",
      sessionId: null,
      settings: TEST_CLINIC_SETTINGS,
      services: TEST_SERVICES,
    });
    // 5,000 more patients on the physician's team, inserted in one statement each.
    await queryRows(
      handle.db,
      sql`insert into patients (name, date_of_birth, diagnosis_code, onset_date)
          select 'Bench Patient ' || lpad(g::text, 5, '0'), date '1980-01-01', 'G90.512', date '2026-01-01' from generate_series(1, 5000) g`,
    );
    await queryRows(
      handle.db,
      sql`insert into care_team_members (patient_id, clinician_id, discipline)
          select id, ${ids.users.physician}::uuid, 'pain_physician' from patients where name like 'Bench Patient %'`,
    );
    await queryRows(handle.db, sql`analyze`);

    const read = await measure(300, () => physician.patients.get({ patientId: ids.patients.alex }));
    const denied = await measure(300, () => physician.patients.get({ patientId: ids.patients.casey }).catch(() => undefined));
    const firstPage = await measure(100, () => physician.patients.list({ limit: 25 }));
    let cursor: string | undefined;
    for (let i = 0; i < 150; i++) cursor = (await physician.patients.list({ limit: 25, cursor })).nextCursor ?? undefined;
    const deepPage = await measure(100, () => physician.patients.list({ limit: 25, cursor }));
    const search = await measure(100, () => physician.patients.list({ search: "Patient 04", limit: 25 }));

    const fmt = (r: Timing) => `${formatTiming(r)}, ${r.opsPerSec.toFixed(0)} ops/s`;
    console.log(`[${backend}] patients.get (authorize + audit + read, one transaction): ${fmt(read)}`);
    console.log(`[${backend}] patients.get denied (audited 404):                      ${fmt(denied)}`);
    console.log(`[${backend}] patients.list first page of 25 (5,002 patients):          ${fmt(firstPage)}`);
    console.log(`[${backend}] patients.list page 151 by key cursor:                     ${fmt(deepPage)}`);
    console.log(`[${backend}] patients.list search "Patient 04":                        ${fmt(search)}`);
  } finally {
    await handle.close();
  }
}
