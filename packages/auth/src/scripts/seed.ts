/**
 * Loads the demo clinic into the configured database if it is empty.
 * Usage: pnpm db:seed   (DATABASE_URL for a server, else the embedded database in CONCORD_DATA_DIR or .data)
 */
import { resolve } from "node:path";
import { demoLoginTable, isEmpty, openDatabase, seedDemo, seedDemoHistory } from "@concord/db";
import { hashPassword } from "../password";

const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.CONCORD_DATA_DIR ?? resolve(process.env.INIT_CWD ?? process.cwd(), ".data"),
});
try {
  if (await isEmpty(handle.db)) {
    const today = new Date();
    const ids = await seedDemo(handle.db, { hashPassword, today });
    const history = await seedDemoHistory(handle.db, ids, { today });
    console.log(`Loaded the demo clinic into the ${handle.kind} database, with ${history.checkIns.jordan + history.checkIns.alex} check-ins, ${history.alerts.length} open alerts and ${history.threads} conversations of history.`);
  } else {
    console.log("The database already has data; the demo clinic was not loaded again.");
  }
  console.log(demoLoginTable());
} finally {
  await handle.close();
}
