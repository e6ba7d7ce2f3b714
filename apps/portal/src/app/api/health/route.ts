import { ping } from "@concord/db";
import { getRuntime } from "~/server/runtime";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { handle } = await getRuntime();
    await ping(handle.db);
    return Response.json({ status: "ok", database: handle.kind });
  } catch {
    return Response.json({ status: "error", database: null }, { status: 503 });
  }
}
