/**
 * Loads the demo clinic, and its history unless CONCORD_DEMO_HISTORY=off, into the configured
 * database if it has no accounts yet; prints the demo logins either way.
 * Usage: pnpm db:seed   (DATABASE_URL for a server, else the embedded database in CONCORD_DATA_DIR or .data;
 * stop the portal first when it runs on the embedded database: PGlite is single-process)
 */
import { demoLoginTable, loadDemo } from "@concord/api/demo";
import { hashPassword } from "@concord/auth";
import { openDatabase } from "@concord/db";
import { env } from "../src/env";

const config = env();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const demo = await loadDemo(handle, { hashPassword, history: config.demoHistory, settings: config.clinicSettings });
  if (!demo.loaded) {
    console.log("The database already has data; the demo clinic was not loaded again.");
  } else if (demo.history) {
    const { checkIns, measures, alertsRaised, threads } = demo.history;
    console.log(`Loaded the demo clinic into the ${handle.kind} database, with ${checkIns.jordan + checkIns.alex} check-ins, ${measures} measures, ${alertsRaised} alerts and ${threads} conversations of history.`);
  } else {
    console.log(`Loaded the demo clinic into the ${handle.kind} database${demo.historyError ? "; its history could not be loaded:" : "."}`);
    if (demo.historyError) console.error(demo.historyError);
  }
  console.log(demoLoginTable());
} finally {
  await handle.close();
}
