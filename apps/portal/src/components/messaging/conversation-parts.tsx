"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type ReactNode, useCallback, useState } from "react";
import { unreadLabel } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { CardSection } from "@concord/ui/card";
import { cn } from "@concord/ui/utils";
import { type ThreadSummary, UUID } from "./message-data";

/*
 * The conversations' frame, with no data layer (see thread-parts.tsx): the thread list beside the open thread,
 * the thread in the URL, and the live status. Shared by the care team's view and the patient's.
 */

/** The patient has one space; it is named for them, not for the team. */
export const PATIENT_SPACE_LABEL = "Your care team";

export type LiveState = "connecting" | "live" | "reconnecting";

export function LiveStatus({ state }: { state: LiveState }) {
  return (
    <span className="text-sm text-muted-foreground" aria-live="polite" data-testid="live-status">
      {state === "live" ? "Live" : state === "reconnecting" ? "Reconnecting…" : "Connecting…"}
    </span>
  );
}

/**
 * The open thread lives in the URL (`?thread=<id>`), so a thread can be linked to, reloaded and left with
 * the browser's Back button; the list and the thread read the same value, no callbacks between them.
 */
export function useThreadInUrl(): [string | null, (id: string | null) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const raw = params.get("thread");
  const threadId = raw && UUID.test(raw) ? raw : null;
  const setThread = useCallback(
    (id: string | null) => {
      const next = new URLSearchParams(params.toString());
      if (id) next.set("thread", id);
      else next.delete("thread");
      const query = next.toString();
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, params],
  );
  return [threadId, setThread];
}

/**
 * Which pane shows: the thread in the URL, or the new-thread form. Opening a thread or going back ends a
 * new thread that was begun; both the team's and the patient's conversations move between panes this way.
 */
export function useConversationNavigation() {
  const [threadId, setThreadId] = useThreadInUrl();
  const [creating, setCreating] = useState(false);
  return {
    threadId,
    setThreadId,
    creating,
    setCreating,
    onOpen: (id: string) => {
      setCreating(false);
      setThreadId(id);
    },
    onNew: () => setCreating(true),
    onBack: () => {
      setCreating(false);
      if (threadId) setThreadId(null);
    },
  };
}

/**
 * One space's thread list (with unread counts) beside the open thread, or the new-thread form. On a phone one
 * column shows at a time: the list, or the open thread with "Back to conversations".
 */
export function ConversationPanes(props: {
  headingId: string;
  heading: string;
  threads: readonly ThreadSummary[];
  threadId: string | null;
  creating: boolean;
  error: string | null;
  loading: boolean;
  more: { onMore: () => void; disabled: boolean } | null;
  onOpen: (threadId: string) => void;
  onNew: () => void;
  onBack: () => void;
  children: ReactNode;
}) {
  const { headingId, heading, threads, threadId, creating, error, loading, more, onOpen, onNew, onBack, children } = props;
  const showingThread = creating || threadId !== null;
  return (
    <div className="grid min-w-0 items-start gap-4 md:grid-cols-[minmax(14rem,1fr)_2.5fr]">
      <CardSection aria-labelledby={headingId} className={cn("min-w-0 gap-3", showingThread && "max-md:hidden")}>
        <h2 id={headingId}>{heading}</h2>
        {error ? <Alert variant="danger">{error}</Alert> : null}
        {loading ? <p className="text-muted-foreground">Loading…</p> : null}
        {!loading && threads.length === 0 ? <p className="text-muted-foreground">No conversations yet.</p> : null}
        <ul className="grid gap-1" data-testid="thread-list">
          {threads.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={cn(
                  "flex min-h-11 w-full cursor-pointer flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-left font-medium break-words",
                  t.id === threadId ? "border-primary bg-accent font-bold text-accent-foreground" : "border-transparent hover:bg-accent",
                )}
                aria-current={t.id === threadId ? "true" : undefined}
                onClick={() => onOpen(t.id)}
                data-testid="thread-item"
              >
                <span className="min-w-0">{t.title}</span>
                {t.unread > 0 ? (
                  <Badge variant="warning" data-testid="unread-badge">
                    {unreadLabel(t.unread)} unread
                  </Badge>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        {more ? (
          <Button variant="secondary" size="sm" className="w-fit" onClick={more.onMore} disabled={more.disabled}>
            More conversations
          </Button>
        ) : null}
        <Button variant="secondary" className="w-fit" onClick={onNew}>
          New conversation
        </Button>
      </CardSection>
      <CardSection aria-label="Conversation" className={cn("min-w-0", !showingThread && "max-md:hidden")}>
        {showingThread ? (
          <Button variant="ghost" className="w-fit md:hidden" data-testid="back-to-conversations" onClick={onBack}>
            {/* Lucide's arrow-left (ISC), inline: the patient's messages page loads no icon library. */}
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="size-4">
              <path d="m12 19-7-7 7-7" />
              <path d="M19 12H5" />
            </svg>
            Back to conversations
          </Button>
        ) : null}
        {children}
      </CardSection>
    </div>
  );
}

/** The patient's single space: no tablist of one tab, just their conversations with the care team. */
export function OneSpace({ live, children }: { live: LiveState; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-semibold">{PATIENT_SPACE_LABEL}</p>
        <LiveStatus state={live} />
      </div>
      {children}
    </div>
  );
}
