"use client";
/*
 * The header's live counts (unread notifications, open alerts) without the tRPC React client: that client,
 * React Query and superjson are 26 kB gzipped, and the header is on every page, including the patient pages
 * whose first load has a 150 kB budget. These helpers speak tRPC's own HTTP protocol (a GET of
 * /api/trpc/<path>; a subscription is Server-Sent Events at the same address) to the same procedures, so
 * the permissions, scoping and audit are the server's as before; only the client is smaller.
 */

/** The window event the bell sends when a notification arrives (the worklist counts and the list refresh on it). */
export const NOTIFICATION_ARRIVED = "concord:notification-arrived";
/** The window event sent when the signed-in person marks notifications read (the bell re-reads its count). */
export const NOTIFICATIONS_READ = "concord:notifications-read";

/** A tRPC query by GET. Null when it fails (signed out, offline): the caller keeps what it showed. */
export async function trpcGet<T>(path: string, signal?: AbortSignal): Promise<T | null> {
  try {
    const response = await fetch(`/api/trpc/${path}`, { headers: { accept: "application/json" }, signal });
    if (!response.ok) return null;
    // superjson wraps the value as { json, meta }; these counts are plain numbers, so `json` is the value.
    const body = (await response.json()) as { result?: { data?: { json?: T } } };
    return body.result?.data?.json ?? null;
  } catch {
    return null;
  }
}

/** The address of a tRPC subscription for the browser's own EventSource (which resends Last-Event-ID itself). */
export function trpcEventsUrl(path: string, input: Record<string, unknown> = {}): string {
  return `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

export function announce(event: typeof NOTIFICATION_ARRIVED | typeof NOTIFICATIONS_READ): void {
  window.dispatchEvent(new Event(event));
}
