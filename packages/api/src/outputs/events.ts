import { TRPCError, tracked } from "@trpc/server";
import type { z } from "zod";

/**
 * A subscription's event passes its schema before it is sent, as a query's answer does. An event
 * the schema refuses is a defect on our side: it is logged by path and zod code (never a value)
 * and the stream ends with the same safe server error a query would answer.
 */
export function checkedEvent<T extends z.ZodType>(schema: T, path: string, id: string, data: unknown) {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`);
    console.error(`[trpc] ${path} yielded an event outside its schema: ${issues.join("; ")}`);
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "event validation failed", cause: new Error("event validation failed") });
  }
  return tracked(id, parsed.data as z.output<T>);
}

/** A stream's events, each passed through `checkedEvent` on the way out. */
export async function* checkedEvents<T extends z.ZodType>(schema: T, path: string, events: AsyncIterable<readonly [string, unknown, ...unknown[]]>) {
  for await (const [id, data] of events) yield checkedEvent(schema, path, id, data);
}
