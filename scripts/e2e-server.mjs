// Starts the built portal for the end-to-end suite on a fresh embedded database.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = process.env.CONCORD_DATA_DIR;
if (!dataDir) throw new Error("CONCORD_DATA_DIR must be set for the e2e server");
rmSync(dataDir, { recursive: true, force: true });
const nextBin = join(root, "apps/portal/node_modules/next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-p", process.env.E2E_PORT ?? "3210", "-H", "127.0.0.1"], {
  cwd: join(root, "apps/portal"),
  stdio: "inherit",
  env: process.env,
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
