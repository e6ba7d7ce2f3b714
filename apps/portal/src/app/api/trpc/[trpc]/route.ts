import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { appRouter } from "@concord/api";
import { actorFromSession } from "@concord/auth";
import { getRuntime } from "~/server/runtime";
import { sessionIdFrom } from "~/server/session";

export const dynamic = "force-dynamic";

/** Large enough for any form in the product; anything bigger is refused before parsing. */
const MAX_BODY_BYTES = 1_000_000;

function tooLarge() {
  return Response.json(
    { error: { json: { message: "The request is too large (the limit is 1 MB).", code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } } },
    { status: 413 },
  );
}

async function handler(req: NextRequest) {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  let request: Request = req;
  if (req.method === "POST") {
    const body = await req.arrayBuffer();
    if (body.byteLength > MAX_BODY_BYTES) return tooLarge();
    request = new Request(req.url, { method: req.method, headers: req.headers, body });
  }
  const { handle } = await getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => {
      const sessionId = await sessionIdFrom((name) => req.cookies.get(name)?.value);
      const session = await actorFromSession(handle.db, sessionId);
      return {
        db: handle.db,
        dbKind: handle.kind,
        actor: session?.actor ?? null,
        actorName: session?.name ?? null,
        sessionId: session?.sessionId ?? null,
      };
    },
  });
}

export { handler as GET, handler as POST };
