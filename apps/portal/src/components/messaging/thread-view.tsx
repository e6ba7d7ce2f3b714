"use client";
import { NOTIFICATIONS_READ, announce } from "~/components/shell/live-counts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { lazyComponent } from "~/components/lazy-component";
import { useEffect, useState } from "react";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { useThreadCache } from "./thread-cache";
import { Composer, type MessageActions, ThreadLayout } from "./thread-parts";

// The list of things to refer to loads when the picker opens (see reference-choices.tsx).
export const TeamReferenceChoices = lazyComponent(() => import("./reference-choices").then((m) => m.ReferenceChoices), <p className="text-muted-foreground">Loading…</p>);

/**
 * One thread as the care team sees it: its messages come from the query cache (thread-cache.ts), which the
 * conversation list keeps current with live events; this view loads pages into it and writes its own edits.
 * The markup is thread-parts.tsx, shared with the patient's page.
 */
export function ThreadView(props: { patientId: string; threadId: string; viewerId: string; forPatient: boolean }) {
  const { patientId, threadId, viewerId, forPatient } = props;
  const trpc = useTRPC();
  const cache = useThreadCache(patientId);
  const thread = useQuery(trpc.messaging.thread.queryOptions({ patientId, threadId }));
  const loaded = useQuery({ queryKey: cache.messagesKey(threadId), queryFn: () => cache.fetchNewest(threadId) });
  const [olderError, setOlderError] = useState<string | null>(null);
  const messages = loaded.data?.items ?? [];
  const olderBefore = loaded.data?.nextBefore ?? null;

  const loadOlder = async () => {
    if (!olderBefore) return;
    try {
      await cache.loadOlder(threadId, olderBefore);
      setOlderError(null);
    } catch (error) {
      setOlderError(errorMessage(error));
    }
  };

  // Seeing the newest message moves my read position (the server never moves it backwards).
  const newestId = messages[0]?.id ?? null;
  const markRead = useMutation(
    trpc.messaging.markRead.mutationOptions({
      onSuccess: () => {
        void cache.refreshThreads();
        // Reading a thread can clear its notifications; the header's bell re-reads its count.
        announce(NOTIFICATIONS_READ);
      },
    }),
  );
  const markReadMutate = markRead.mutate;
  useEffect(() => {
    if (newestId !== null) markReadMutate({ patientId, threadId, lastReadMessageId: newestId });
  }, [newestId, patientId, threadId, markReadMutate]);

  const edit = useMutation(trpc.messaging.edit.mutationOptions());
  const remove = useMutation(trpc.messaging.delete.mutationOptions());
  const post = useMutation(trpc.messaging.post.mutationOptions());
  const actions: MessageActions = {
    edit: async (m, body) => {
      try {
        const r = await edit.mutateAsync({ patientId, messageId: m.id, body, expectedVersion: m.version });
        cache.putMessage(threadId, { ...m, body, version: r.version, editedAt: new Date() });
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },
    remove: async (m) => {
      try {
        const r = await remove.mutateAsync({ patientId, messageId: m.id, expectedVersion: m.version });
        cache.putMessage(threadId, { ...m, body: null, reference: null, version: r.version, deletedAt: new Date() });
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },
  };

  return (
    <ThreadLayout
      patientId={patientId}
      viewerId={viewerId}
      forPatient={forPatient}
      thread={thread.data ?? null}
      messages={messages}
      loading={loaded.isPending}
      error={olderError ?? (loaded.error ? errorMessage(loaded.error) : null)}
      hasOlder={olderBefore !== null}
      onLoadOlder={() => void loadOlder()}
      actions={actions}
      composer={
        thread.data ? (
          <Composer
            patientId={patientId}
            space={thread.data.space}
            forPatient={forPatient}
            // Mentioning oneself notifies nobody, so the list leaves the viewer out.
            participants={thread.data.participants.filter((p) => p.userId !== viewerId)}
            Choices={TeamReferenceChoices}
            onSend={async (input) => {
              try {
                await post.mutateAsync({ patientId, threadId, ...input });
                void cache.refetchNewest(threadId);
                return null;
              } catch (error) {
                return errorMessage(error);
              }
            }}
          />
        ) : null
      }
    />
  );
}
