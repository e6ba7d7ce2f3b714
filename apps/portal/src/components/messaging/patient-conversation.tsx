"use client";
import { lazyComponent } from "~/components/lazy-component";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { MentionCandidate } from "@concord/domain/client";
import {
  createThread,
  deleteMessage,
  editMessage,
  loadCareTeam,
  loadMessages,
  loadThreads,
  markThreadRead,
  postMessage,
} from "~/app/me/messages/actions";
import { NOTIFICATIONS_READ, announce, trpcEventsUrl } from "~/components/shell/live-counts";
import { ConversationPanes, type LiveState, OneSpace, PATIENT_SPACE_LABEL, useConversationNavigation } from "./conversation-parts";
import { type Message, type MessagePage, PAGE_SIZE, type ThreadDetail, type ThreadSummary, UNREACHABLE, upsert } from "./message-data";
import { Composer, type MessageActions, NewThreadForm, ThreadLayout } from "./thread-parts";

/*
 * The patient's conversations with their care team, without the API client (tRPC, React Query, superjson): the
 * server page reads the thread list and the open thread, changes go through server actions (the same
 * procedures), and the browser's own EventSource on `messaging.events` says when to re-read the page. The markup
 * is the care team's (conversation-parts.tsx, thread-parts.tsx); the patient's single space has no tabs.
 */

/** The thread in the URL as the server read it: its header and newest page, or why it cannot be shown. */
export interface OpenThread {
  threadId: string;
  thread: ThreadDetail | null;
  page: MessagePage | null;
  error: string | null;
}

interface ThreadListPage {
  items: ThreadSummary[];
  nextCursor?: string | null;
}

// The patient's "Attach" list loads when the picker opens (see patient-reference-choices.tsx).
const PatientReferenceChoices = lazyComponent(() => import("./patient-reference-choices").then((m) => m.PatientReferenceChoices), <p className="text-muted-foreground">Loading…</p>);

/**
 * The live stream of this patient's conversation events. Each event (a message posted, changed or read) re-reads
 * the page; so does each (re)connection, for anything from before the stream's starting point. The browser's
 * EventSource reconnects by itself and sends the last event's id back.
 */
function useLiveConversation(patientId: string): LiveState {
  const router = useRouter();
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    const source = new EventSource(trpcEventsUrl("messaging.events", { patientId }));
    source.onopen = () => {
      setState("live");
      router.refresh();
    };
    source.onmessage = () => router.refresh();
    source.onerror = () => setState("reconnecting");
    return () => source.close();
  }, [patientId, router]);
  return state;
}

export function PatientConversation(props: { patientId: string; viewerId: string; threads: ThreadListPage; open: OpenThread | null }) {
  const { patientId, viewerId, threads, open } = props;
  const live = useLiveConversation(patientId);
  const { threadId, setThreadId, creating, setCreating, onOpen, onNew, onBack } = useConversationNavigation();
  // Pages after the first, loaded with "More conversations"; the first is the server's, re-read live.
  const [later, setLater] = useState<ThreadListPage | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const firstIds = new Set(threads.items.map((t) => t.id));
  const all = [...threads.items, ...(later?.items ?? []).filter((t) => !firstIds.has(t.id))];
  const nextCursor = (later ? later.nextCursor : threads.nextCursor) ?? null;

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    const result = await loadThreads({ patientId, limit: 50, cursor: nextCursor }).catch(() => null);
    setLoadingMore(false);
    if (!result) return setListError(UNREACHABLE);
    if (!result.ok) return setListError(result.message);
    setListError(null);
    setLater((current) => ({ items: [...(current?.items ?? []), ...result.value.items], nextCursor: result.value.nextCursor ?? null }));
  };

  return (
    <OneSpace live={live}>
      <ConversationPanes
        headingId="threads-h-patient"
        heading="Conversations"
        threads={all.filter((t) => t.space === "patient")}
        threadId={threadId}
        creating={creating}
        error={listError}
        loading={false}
        more={nextCursor ? { onMore: () => void loadMore(), disabled: loadingMore } : null}
        onOpen={onOpen}
        onNew={onNew}
        onBack={onBack}
      >
        {creating ? (
          <PatientNewThread
            patientId={patientId}
            viewerId={viewerId}
            onCreated={(id) => {
              setCreating(false);
              setThreadId(id);
            }}
          />
        ) : threadId && open?.threadId === threadId ? (
          <PatientThread key={threadId} patientId={patientId} viewerId={viewerId} open={open} />
        ) : threadId ? (
          <p className="text-muted-foreground">Loading messages…</p>
        ) : (
          <p className="text-muted-foreground">Choose a conversation, or start a new one.</p>
        )}
      </ConversationPanes>
    </OneSpace>
  );
}

function PatientThread({ patientId, viewerId, open }: { patientId: string; viewerId: string; open: OpenThread }) {
  const router = useRouter();
  const { threadId, thread, page } = open;
  // Every message loaded so far, newest first: the server's newest page (re-read live) merged over older pages.
  const [messages, setMessages] = useState<Message[]>(page?.items ?? []);
  const [olderBefore, setOlderBefore] = useState<number | null>(page?.nextBefore ?? null);
  const [olderError, setOlderError] = useState<string | null>(null);
  useEffect(() => {
    if (page) setMessages((current) => page.items.reduce(upsert, current));
  }, [page]);

  // Seeing the newest message moves my read position (the server never moves it backwards).
  const newestId = messages[0]?.id ?? null;
  useEffect(() => {
    if (newestId === null) return;
    // Not recorded (offline, refused): the next look at the thread records it; nothing to show.
    markThreadRead({ patientId, threadId, lastReadMessageId: newestId }).then(
      (result) => {
        if (!result.ok) return;
        // Unread counts change; reading a thread can clear its notifications, so the header's bell re-reads its count.
        router.refresh();
        announce(NOTIFICATIONS_READ);
      },
      () => undefined,
    );
  }, [newestId, patientId, threadId, router]);

  const loadOlder = async () => {
    if (olderBefore === null) return;
    const result = await loadMessages({ patientId, threadId, before: olderBefore, limit: PAGE_SIZE }).catch(() => null);
    if (!result) return setOlderError(UNREACHABLE);
    if (!result.ok) return setOlderError(result.message);
    setOlderError(null);
    setMessages((current) => result.value.items.reduce(upsert, current));
    setOlderBefore(result.value.nextBefore ?? null);
  };

  const put = (message: Message) => setMessages((current) => upsert(current, message));
  const actions: MessageActions = {
    edit: async (m, body) => {
      const result = await editMessage({ patientId, messageId: m.id, body, expectedVersion: m.version });
      if (!result.ok) return result.message;
      put({ ...m, body, version: result.value.version, editedAt: new Date() });
      return null;
    },
    remove: async (m) => {
      const result = await deleteMessage({ patientId, messageId: m.id, expectedVersion: m.version });
      if (!result.ok) return result.message;
      put({ ...m, body: null, reference: null, version: result.value.version, deletedAt: new Date() });
      return null;
    },
  };

  return (
    <ThreadLayout
      patientId={patientId}
      viewerId={viewerId}
      forPatient
      thread={thread}
      messages={messages}
      loading={false}
      error={olderError ?? open.error}
      hasOlder={olderBefore !== null}
      onLoadOlder={() => void loadOlder()}
      actions={actions}
      composer={
        thread ? (
          <Composer
            patientId={patientId}
            space={thread.space}
            forPatient
            // Mentioning oneself notifies nobody, so the list leaves the viewer out.
            participants={thread.participants.filter((p) => p.userId !== viewerId)}
            Choices={PatientReferenceChoices}
            onSend={async (input) => {
              const result = await postMessage({ patientId, threadId, ...input });
              if (!result.ok) return result.message;
              router.refresh();
              return null;
            }}
          />
        ) : null
      }
    />
  );
}

/** A new conversation; before it exists there is no participant list, so @ offers the active care team. */
function PatientNewThread({ patientId, viewerId, onCreated }: { patientId: string; viewerId: string; onCreated: (threadId: string) => void }) {
  const [candidates, setCandidates] = useState<MentionCandidate[]>([]);
  useEffect(() => {
    let current = true;
    // Without the list (offline, refused) @ suggests nobody; the message can still be sent.
    loadCareTeam({ patientId }).then(
      (result) => {
        if (!current || !result.ok) return;
        setCandidates(result.value.filter((m) => m.active && m.clinicianId !== viewerId).map((m) => ({ userId: m.clinicianId, name: m.name, discipline: m.discipline })));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [patientId, viewerId]);
  return (
    <NewThreadForm
      patientId={patientId}
      space="patient"
      spaceLabel={PATIENT_SPACE_LABEL}
      forPatient
      candidates={candidates}
      Choices={PatientReferenceChoices}
      onCreate={async (input) => {
        const result = await createThread({ patientId, ...input });
        if (!result.ok) return result.message;
        onCreated(result.value.threadId);
        return null;
      }}
    />
  );
}
