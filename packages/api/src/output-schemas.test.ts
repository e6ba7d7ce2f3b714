import { afterEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { checkedEvent } from "./outputs/events";
import { listProcedures } from "./procedures";
import type { Context } from "./context";
import { anyoneProcedure, createCallerFactory, createTRPCRouter } from "./trpc";

const procedures = listProcedures();
const answering = procedures.filter((p) => p.type !== "subscription");
const subscriptions = procedures.filter((p) => p.type === "subscription");

describe("every procedure declares what it answers", () => {
  it("lists the whole router", () => {
    expect(answering.length).toBeGreaterThan(70);
    expect(subscriptions.map((p) => p.path)).toEqual(["carePlan.events", "messaging.events", "notifications.events"]);
  });

  it.each(answering.map((p) => [p.path, p] as const))("%s has a zod output schema", (_path, procedure) => {
    expect(procedure.hasOutputSchema, `${procedure.path} has no .output(schema)`).toBe(true);
  });

  it.each(subscriptions.map((p) => [p.path, p] as const))("%s has an events schema", (_path, procedure) => {
    expect(procedure.hasEventsSchema, `${procedure.path} has no meta.events schema`).toBe(true);
  });

  it("names every procedure that lacks one", () => {
    const missing = procedures.filter((p) => (p.type === "subscription" ? !p.hasEventsSchema : !p.hasOutputSchema)).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it("tells a procedure without a schema from one with it", () => {
    const router = createTRPCRouter({
      bare: anyoneProcedure("account.invitation.read").query(() => ({ ok: true })),
      declared: anyoneProcedure("account.invitation.read")
        .output(z.object({ ok: z.boolean() }))
        .query(() => ({ ok: true })),
    });
    const info = Object.fromEntries(listProcedures(router).map((p) => [p.path, p.hasOutputSchema]));
    expect(info).toEqual({ bare: false, declared: true });
  });
});

// No database: anyoneProcedure touches none, and neither does the output check.
const context = { db: null, dbKind: "pglite", actor: null, actorName: null, sessionId: null, settings: {}, services: {} } as unknown as Context;
const PRIVATE_VALUE = "Alex Example, 555-0101";

const router = createTRPCRouter({
  refused: anyoneProcedure("account.invitation.read")
    .output(z.object({ count: z.number().int() }))
    .query(() => ({ count: PRIVATE_VALUE as unknown as number })),
  extraField: anyoneProcedure("account.invitation.read")
    .output(z.object({ count: z.number().int() }))
    .query(() => ({ count: 3, phone: PRIVATE_VALUE })),
});
const caller = createCallerFactory(router)(context);

describe("an answer outside its schema", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a server error and logs where, never the value", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await caller.refused().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect((error as TRPCError).message).toBe("Something went wrong on our side. Nothing was saved; please try again.");
    expect(JSON.stringify((error as TRPCError).cause?.message ?? "")).not.toContain("Alex");
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain("refused");
    expect(line).toContain("count");
    expect(line).not.toContain("Alex");
    expect(line).not.toContain("555-0101");
  });

  it("strips a field the schema does not name", async () => {
    const answer = await caller.extraField();
    expect(answer).toEqual({ count: 3 });
    expect(JSON.stringify(answer)).not.toContain("555-0101");
  });
});

describe("a subscription event outside its schema", () => {
  afterEach(() => vi.restoreAllMocks());
  const schema = z.object({ unread: z.number().int() });

  it("passes a valid event on, stripped to the schema", () => {
    const [id, data] = checkedEvent(schema, "notifications.events", "7", { unread: 2, email: PRIVATE_VALUE });
    expect(id).toBe("7");
    expect(data).toEqual({ unread: 2 });
  });

  it("ends the stream with a server error and logs the path, never the value", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let thrown: unknown = null;
    try {
      checkedEvent(schema, "notifications.events", "8", { unread: PRIVATE_VALUE });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TRPCError);
    expect((thrown as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain("notifications.events");
    expect(line).toContain("unread");
    expect(line).not.toContain("Alex");
  });
});
