import type { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { NextRequest } from "next/server";
import { appRouter } from "@concord/api";
import { actorFromSession } from "@concord/auth";
import { env } from "~/env";
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

/**
 * Mutations only from our own pages: a cross-site form or script cannot act with the user's cookie.
 * A browser names where a POST comes from (Origin, and Sec-Fetch-Site in current browsers); a POST
 * that names neither is refused too, so a request whose Origin was stripped cannot slip through.
 * Machine clients will authenticate with bearer tokens on their own endpoint, not with cookies here.
 */
function crossSite(req: NextRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const origin = req.headers.get("origin");
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return true;
  if (origin === null) return fetchSite !== "same-origin";
  try {
    return new URL(origin).host !== req.headers.get("host");
  } catch {
    return true;
  }
}

/** Every tRPC answer is about someone (or refuses to be): no browser or proxy may keep a copy. */
function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  // JSON and event streams only: nothing here is ever to be rendered as a document.
  headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function handler(req: NextRequest): Promise<Response> {
  return withSecurityHeaders(await respond(req));
}

async function respond(req: NextRequest): Promise<Response> {
  if (crossSite(req)) {
    return Response.json(
      { error: { json: { message: "Cross-site requests are not allowed.", code: -32603, data: { code: "FORBIDDEN", httpStatus: 403 } } } },
      { status: 403 },
    );
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  let request: Request = req;
  if (req.method === "POST") {
    const body = await req.arrayBuffer();
    if (body.byteLength > MAX_BODY_BYTES) return tooLarge();
    request = new Request(req.url, { method: req.method, headers: req.headers, body });
  }
  const { handle, realtime, services } = await getRuntime();
  // A subscription refused before its stream starts (no session, not on the team) would otherwise
  // be a 200 event stream carrying the error: answer it with the real HTTP status instead.
  let refusedSubscription: TRPCError | null = null;
  const response = await fetchRequestHandler({
    onError: ({ error, type }) => {
      if (type === "subscription") refusedSubscription ??= error;
    },
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
        settings: env().clinicSettings,
        services,
        events: realtime.bus,
      };
    },
  });
  const refused = refusedSubscription as TRPCError | null;
  if (refused && response.headers.get("content-type")?.startsWith("text/event-stream")) {
    await response.body?.cancel().catch(() => undefined);
    const httpStatus = getHTTPStatusCodeFromError(refused);
    const message = httpStatus >= 500 ? "Something went wrong on our side. Please try again." : refused.message;
    return Response.json({ error: { json: { message, code: -32600, data: { code: refused.code, httpStatus } } } }, { status: httpStatus });
  }
  return response;
}

export { handler as GET, handler as POST };
