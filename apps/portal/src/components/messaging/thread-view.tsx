"use client";
import { NOTIFICATIONS_READ, announce } from "~/components/shell/live-counts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { MESSAGE_MAX, type MentionCandidate, type ThreadSpace } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Textarea } from "@concord/ui/textarea";
import { errorMessage } from "~/components/error-message";
import { When } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";
import { MENTION_HINT, MentionTextarea } from "./mention-textarea";
import { MessageText } from "./message-text";
import { type ChosenReference, ReferencePicker } from "./reference-picker";
import { type Message, useThreadCache } from "./thread-cache";

/**
 * One thread: its messages come from the query cache (thread-cache.ts), which the conversation
 * list keeps current with live events; this view loads pages into it and writes its own edits.
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
  const loadError = olderError ?? (loaded.error ? errorMessage(loaded.error) : null);
  const loading = loaded.isPending;

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

  const readers = thread.data?.readers ?? [];
  const ordered = [...messages].reverse();

  return (
    <div className="flex min-w-0 flex-col gap-3">
      <h2 data-testid="thread-title" className="flex flex-wrap items-center gap-2 break-words">
        {thread.data?.title ?? "Conversation"}{" "}
        {thread.data ? <Badge variant="neutral">{thread.data.space === "team" ? "Care team only" : "With the patient"}</Badge> : null}
      </h2>
      {loadError ? <Alert variant="danger">{loadError}</Alert> : null}
      {olderBefore ? (
        <Button variant="secondary" size="sm" className="w-fit" onClick={() => void loadOlder()}>
          Load older messages
        </Button>
      ) : null}
      {loading ? <p className="text-muted-foreground">Loading messages…</p> : null}
      <ol className="divide-y" aria-label="Messages" data-testid="messages">
        {ordered.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            patientId={patientId}
            forPatient={forPatient}
            mine={m.authorId === viewerId}
            readBy={readers.filter((r) => r.userId !== viewerId && r.userId !== m.authorId && r.lastReadMessageId >= m.id).map((r) => r.label)}
            onChanged={(updated) => cache.putMessage(threadId, updated)}
          />
        ))}
      </ol>
      {thread.data ? (
        <Composer
          patientId={patientId}
          threadId={threadId}
          space={thread.data.space}
          forPatient={forPatient}
          // Mentioning oneself notifies nobody, so the list leaves the viewer out.
          participants={thread.data.participants.filter((p) => p.userId !== viewerId)}
          onPosted={() => void cache.refetchNewest(threadId)}
        />
      ) : null}
    </div>
  );
}

/** Plan items and goals live on the plan, check-ins and alerts on progress. */
function referenceHref(kind: string, patientId: string, forPatient: boolean): string {
  const onPlan = kind === "plan_item" || kind === "goal";
  if (forPatient) return onPlan ? "/me/plan" : "/me/progress";
  return `/patients/${patientId}/${onPlan ? "plan" : "progress"}`;
}

function MessageItem(props: { message: Message; patientId: string; forPatient: boolean; mine: boolean; readBy: string[]; onChanged: (m: Message) => void }) {
  const { message: m, patientId, forPatient, mine, readBy } = props;
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const edit = useMutation(
    trpc.messaging.edit.mutationOptions({
      onSuccess: (r, input) => {
        setEditing(false);
        props.onChanged({ ...m, body: input.body, version: r.version, editedAt: new Date() });
      },
    }),
  );
  const remove = useMutation(
    trpc.messaging.delete.mutationOptions({ onSuccess: (r) => props.onChanged({ ...m, body: null, reference: null, version: r.version, deletedAt: new Date() }) }),
  );
  return (
    <li data-testid="message" className="grid gap-1 py-3">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <strong>{m.authorName}</strong>
        <When className="text-sm text-muted-foreground" at={m.createdAt} />
        {m.editedAt && !m.deletedAt ? <span className="text-sm text-muted-foreground"> · edited</span> : null}
      </div>
      {m.deletedAt ? (
        <p className="text-muted-foreground italic">Message deleted</p>
      ) : editing ? (
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const body = String(new FormData(e.currentTarget).get("body") ?? "");
            edit.mutate({ patientId, messageId: m.id, body, expectedVersion: m.version });
          }}
        >
          <Field id={`edit-${m.id}`} label="Edit message">
            <Textarea name="body" defaultValue={m.body ?? ""} maxLength={MESSAGE_MAX} required />
          </Field>
          {edit.error ? (
            <Alert variant="danger" role="alert">
              {errorMessage(edit.error)}
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={edit.isPending}>
              Save
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <>
          <MessageText body={m.body ?? ""} />
          {m.reference ? (
            <p className="text-sm text-muted-foreground">
              Refers to: <a href={referenceHref(m.reference.kind, patientId, forPatient)}>{m.reference.label ?? m.reference.kind}</a>
            </p>
          ) : null}
        </>
      )}
      {mine && !m.deletedAt && !editing ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            variant="ghost"
            size="sm"
            className="text-danger-soft-foreground"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm("Delete this message? Others will see that a message was deleted.")) remove.mutate({ patientId, messageId: m.id, expectedVersion: m.version });
            }}
          >
            Delete
          </Button>
        </div>
      ) : null}
      {remove.error ? (
        <Alert variant="danger" role="alert">
          {errorMessage(remove.error)}
        </Alert>
      ) : null}
      {mine && readBy.length > 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="read-receipt">
          Read by {readBy.join(", ")}
        </p>
      ) : null}
    </li>
  );
}

function Composer(props: {
  patientId: string;
  threadId: string;
  space: ThreadSpace;
  forPatient: boolean;
  participants: MentionCandidate[];
  onPosted: () => void;
}) {
  const { patientId, threadId, space, forPatient, participants, onPosted } = props;
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [reference, setReference] = useState<ChosenReference | null>(null);
  const post = useMutation(
    trpc.messaging.post.mutationOptions({
      onSuccess: () => {
        setBody("");
        setReference(null);
        onPosted();
      },
    }),
  );
  return (
    <form
      className="mt-2 grid gap-3 border-t pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate({ patientId, threadId, body, ...(reference ? { reference: { kind: reference.kind, id: reference.id } } : {}) });
      }}
    >
      <Field id="composer" label="Message" hint={`${MENTION_HINT} Plain text; links starting with http(s) are clickable.`}>
        {(control) => <MentionTextarea {...control} value={body} onValueChange={setBody} candidates={participants} maxLength={MESSAGE_MAX} />}
      </Field>
      <ReferencePicker patientId={patientId} space={space} forPatient={forPatient} value={reference} onChange={setReference} />
      {post.error ? (
        <Alert variant="danger" role="alert">
          {errorMessage(post.error)}
        </Alert>
      ) : null}
      <Button type="submit" className="w-fit" disabled={post.isPending}>
        Send
      </Button>
    </form>
  );
}
