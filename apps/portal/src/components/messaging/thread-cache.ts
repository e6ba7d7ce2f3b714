"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { MessagingEvent } from "@concord/api";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { type Message, type MessagePage, PAGE_SIZE, upsert } from "./message-data";

/**
 * A thread's loaded messages live in the query cache, under the tRPC key of `messaging.messages`
 * for that thread: `items` holds every message loaded so far (newest first) and `nextBefore` the
 * cursor for older ones. The conversation list writes live events into it and the thread view
 * reads it, so the two share state through the cache and hold no reference to each other.
 */
export type { Message, MessagePage };
export { PAGE_SIZE, upsert };

export function useThreadCache(patientId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMemo(() => {
    const messagesKey = (threadId: string) => trpc.messaging.messages.queryKey({ patientId, threadId });
    const merge = (threadId: string, page: MessagePage, olderCursor: "keep" | "replace") =>
      queryClient.setQueryData(messagesKey(threadId), (current) => ({
        items: page.items.reduce(upsert, current?.items ?? []),
        nextBefore: current && olderCursor === "keep" ? current.nextBefore : page.nextBefore,
      }));
    return {
      messagesKey,
      /** The query's own fetch: the newest page, merged over what is already loaded. */
      fetchNewest: async (threadId: string): Promise<MessagePage> => {
        const page = await client.messaging.messages.query({ patientId, threadId, limit: PAGE_SIZE });
        return merge(threadId, page, "keep") ?? page;
      },
      loadOlder: async (threadId: string, before: number) => {
        const page = await client.messaging.messages.query({ patientId, threadId, before, limit: PAGE_SIZE });
        merge(threadId, page, "replace");
      },
      /** A message changed here (edit, delete): every view of the thread shows the new version. */
      putMessage: (threadId: string, message: Message) =>
        queryClient.setQueryData(messagesKey(threadId), (current) => (current ? { ...current, items: upsert(current.items, message) } : current)),
      /** A live event: a message goes into its thread's cache (if loaded), a read moves the receipts. */
      applyEvent: (event: MessagingEvent) => {
        if (event.kind === "message.read") {
          void queryClient.invalidateQueries({ queryKey: trpc.messaging.thread.queryKey({ patientId, threadId: event.threadId }) });
        } else {
          queryClient.setQueryData(messagesKey(event.threadId), (current) => (current ? { ...current, items: upsert(current.items, event.message) } : current));
        }
        void queryClient.invalidateQueries({ queryKey: trpc.messaging.threads.pathKey() });
      },
      /** Unread counts and thread order changed (read, posted, created). */
      refreshThreads: () => queryClient.invalidateQueries({ queryKey: trpc.messaging.threads.pathKey() }),
      refetchNewest: (threadId: string) => queryClient.invalidateQueries({ queryKey: messagesKey(threadId) }),
    };
  }, [trpc, client, queryClient, patientId]);
}
