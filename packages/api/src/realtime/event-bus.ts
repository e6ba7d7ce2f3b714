import { TRPCError } from "@trpc/server";
import { type DbHandle, type RealtimeHint, listenForRealtimeEvents } from "@concord/db";

/** null means "you may have missed something: catch up from your cursor". */
export type BusSignal = RealtimeHint | null;

/**
 * This instance's fan-out of real-time hints to its open subscriptions. Hints carry ids only;
 * each subscription re-reads and re-authorizes before it sends anything.
 */
export class EventBus {
  private readonly listeners = new Set<(signal: BusSignal) => void>();

  publish(signal: BusSignal): void {
    for (const listener of this.listeners) listener(signal);
  }

  subscribe(listener: (signal: BusSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  /**
   * A wake-up source for one subscription: registered before the subscription reads its backlog,
   * so nothing committed between "read backlog" and "wait" is missed.
   */
  waiter(accept: (hint: RealtimeHint) => boolean): Waiter {
    let pending = false;
    let wake: (() => void) | null = null;
    const unsubscribe = this.subscribe((signal) => {
      if (signal && !accept(signal)) return;
      pending = true;
      wake?.();
    });
    return {
      wait(signal: AbortSignal, timeoutMs: number) {
        if (pending || signal.aborted) {
          pending = false;
          return Promise.resolve();
        }
        return new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            wake = null;
            pending = false;
            resolve();
          };
          const timer = setTimeout(done, timeoutMs);
          wake = done;
          signal.addEventListener("abort", done, { once: true });
        });
      },
      close: () => {
        unsubscribe();
      },
    };
  }
}

/** The bus a subscription needs; a caller built without one (a script, a server component) cannot subscribe. */
export function requireEventBus(bus: EventBus | undefined): EventBus {
  if (!bus) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Live updates are not available here." });
  return bus;
}

export interface Waiter {
  /** Resolves on a matching hint (or one that arrived since the last wait), on abort, or after the timeout. */
  wait(signal: AbortSignal, timeoutMs: number): Promise<void>;
  close(): void;
}

export interface RealtimeRuntime {
  bus: EventBus;
  close(): Promise<void>;
}

/** Starts this process's single listener and its bus. Call once per process. */
export async function startRealtime(handle: DbHandle, log: (message: string) => void = console.error): Promise<RealtimeRuntime> {
  const bus = new EventBus();
  const listener = await listenForRealtimeEvents(handle, {
    onHint: (hint) => bus.publish(hint),
    onResync: () => bus.publish(null),
    onError: (error) => log(`[concord] real-time listener: ${error instanceof Error ? error.message : String(error)}; reconnecting`),
  });
  return { bus, close: () => listener.close() };
}
