import type { TRPCRouterRecord } from "@trpc/server";

/** Public account pages: invitation links (and password resets). The link is the proof; nothing here needs a session. */
export const accountRouter = {} satisfies TRPCRouterRecord;
