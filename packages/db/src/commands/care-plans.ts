/**
 * Maintenance commands for stored care plans (run from the repository root):
 *   pnpm --filter @concord/db plans:rewrite [--dry-run]   rewrite every stored plan in the newest schema version
 *   pnpm --filter @concord/db plans:rebuild-items         rebuild the care_plan_items projection from the documents
 * DATABASE_URL for a server, else the embedded database in CONCORD_DATA_DIR or ./.data (as `npm start`).
 * Both are idempotent, print counts, and list any plan that cannot be read (patient id and paths, no values);
 * they exit with status 1 when there is one.
 */
import { resolve } from "node:path";
import { openDatabase } from "../client";
import { rebuildCarePlanItems } from "../queries/care-plan-items";
import { rewriteStoredCarePlans } from "../queries/care-plan";

type Malformed = Array<{ patientId: string; problems: Array<{ path: string; code: string }> }>;

const [command, ...flags] = process.argv.slice(2);
if (command !== "rewrite" && command !== "rebuild-items") {
  console.error("Usage: care-plans.ts rewrite [--dry-run] | rebuild-items");
  process.exit(2);
}

const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.CONCORD_DATA_DIR ?? resolve(process.env.INIT_CWD ?? process.cwd(), ".data"),
});
let malformed: Malformed = [];
try {
  if (command === "rewrite") {
    const dryRun = flags.includes("--dry-run");
    const report = await rewriteStoredCarePlans(handle.db, { dryRun });
    console.log(
      `${report.plans} care plans: ${report.rewritten} ${dryRun ? "would be rewritten" : "rewritten"} to the newest schema version, ${report.alreadyCurrent} already current, ${report.malformed.length} cannot be read.`,
    );
    malformed = report.malformed;
  } else {
    const report = await rebuildCarePlanItems(handle.db);
    console.log(`${report.plans} care plans: ${report.items} plan items written to care_plan_items, ${report.malformed.length} plans cannot be read.`);
    malformed = report.malformed;
  }
  for (const m of malformed) console.log(`  patient ${m.patientId}: ${m.problems.map((p) => `${p.path} (${p.code})`).join("; ")}`);
} finally {
  await handle.close();
}
if (malformed.length > 0) process.exitCode = 1;
