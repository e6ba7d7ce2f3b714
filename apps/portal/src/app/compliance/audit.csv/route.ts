import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import type { RouterInputs } from "@concord/api";
import { auditFilterFromSearchParams } from "~/components/compliance/audit-filter-params";
import { getCaller } from "~/server/caller";
import { getSessionActor } from "~/server/session";

export const dynamic = "force-dynamic";

const TEXT = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };

/**
 * "Download CSV" on the audit log: the current filter's export, through the same procedure (its
 * permission, validation and audit row) as any other call. Nobody else gets a file: no session is
 * 401, any other refusal 403, a bad filter 400 with the message.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const session = await getSessionActor();
  if (!session) return new Response("Sign in to download the audit log.", { status: 401, headers: TEXT });
  const filter = auditFilterFromSearchParams(req.nextUrl.searchParams);
  try {
    const caller = await getCaller(session);
    const exported = await caller.compliance.exportAudit({ filter: filter as RouterInputs["compliance"]["exportAudit"]["filter"] });
    // The name is the server's (concord-audit-YYYY-MM-DD.csv); anything else is kept out of the header.
    const filename = exported.filename.replace(/[^A-Za-z0-9._-]/g, "_");
    return new Response(exported.csv, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-concord-rows": String(exported.rows),
        "x-concord-truncated": String(exported.truncated),
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") return new Response("Sign in to download the audit log.", { status: 401, headers: TEXT });
      if (error.code === "FORBIDDEN" || error.code === "NOT_FOUND") {
        return new Response("Only a compliance officer can download the audit log.", { status: 403, headers: TEXT });
      }
      if (error.code === "BAD_REQUEST") return new Response(error.message, { status: 400, headers: TEXT });
    }
    throw error;
  }
}
