"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { MESSAGE_MAX, type MentionCandidate, type ThreadSpace } from "@concord/domain";
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
  const markRead = useMutation(trpc.messaging.markRead.mutationOptions({ onSuccess: () => void cache.refreshThreads() }));
  const markReadMutate = markRead.mutate;
  useEffect(() => {
    if (newestId !== null) markReadMutate({ patientId, threadId, lastReadMessageId: newestId });
  }, [newestId, patientId, threadId, markReadMutate]);

  const readers = thread.data?.readers ?? [];
  const ordered = [...messages].reverse();

  return (
    <div>
      <h2 style={{ marginTop: 0 }} data-testid="thread-title">
        {thread.data?.title ?? "Conversation"}{" "}
        {thread.data ? <span className="badge">{thread.data.space === "team" ? "Care team only" : "With the patient"}</span> : null}
      </h2>
      {loadError ? <p className="alert error">{loadError}</p> : null}
      {olderBefore ? (
        <button type="button" className="secondary" onClick={() => void loadOlder()}>
          Load older messages
        </button>
      ) : null}
      {loading ? <p className="muted">Loading messages…</p> : null}
      <ol className="plain" style={{ listStyle: "none", padding: 0 }} aria-label="Messages" data-testid="messages">
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
    <li data-testid="message" style={{ padding: ".6rem 0", borderBottom: "1px solid var(--border)" }}>
      <div>
        <strong>{m.authorName}</strong>{" "}
        <When className="muted" at={m.createdAt} />
        {m.editedAt && !m.deletedAt ? <span className="muted"> · edited</span> : null}
      </div>
      {m.deletedAt ? (
        <p className="muted" style={{ fontStyle: "italic", margin: ".25rem 0" }}>Message deleted</p>
      ) : editing ? (
        <form
          className="stack"
          style={{ maxWidth: "100%" }}
          onSubmit={(e) => {
            e.preventDefault();
            const body = String(new FormData(e.currentTarget).get("body") ?? "");
            edit.mutate({ patientId, messageId: m.id, body, expectedVersion: m.version });
          }}
        >
          <label htmlFor={`edit-${m.id}`}>Edit message</label>
          <textarea id={`edit-${m.id}`} name="body" defaultValue={m.body ?? ""} maxLength={MESSAGE_MAX} required />
          {edit.error ? <p className="alert error" role="alert">{errorMessage(edit.error)}</p> : null}
          <div className="inline">
            <button type="submit" disabled={edit.isPending}>Save</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>Cancel</button>
          </div>
        </form>
      ) : (
        <>
          <MessageText body={m.body ?? ""} />
          {m.reference ? (
            <p className="muted" style={{ margin: 0 }}>
              Refers to: <a href={referenceHref(m.reference.kind, patientId, forPatient)}>{m.reference.label ?? m.reference.kind}</a>
            </p>
          ) : null}
        </>
      )}
      {mine && !m.deletedAt && !editing ? (
        <div className="inline">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>Edit</button>
          <button
            type="button"
            className="secondary"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm("Delete this message? Others will see that a message was deleted.")) remove.mutate({ patientId, messageId: m.id, expectedVersion: m.version });
            }}
          >
            Delete
          </button>
        </div>
      ) : null}
      {remove.error ? <p className="alert error" role="alert">{errorMessage(remove.error)}</p> : null}
      {mine && readBy.length > 0 ? <p className="muted" style={{ margin: ".25rem 0 0", fontSize: ".85rem" }} data-testid="read-receipt">Read by {readBy.join(", ")}</p> : null}
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
      className="stack"
      style={{ maxWidth: "100%", marginTop: "1rem" }}
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate({ patientId, threadId, body, ...(reference ? { reference: { kind: reference.kind, id: reference.id } } : {}) });
      }}
    >
      <div>
        <label htmlFor="composer">Message</label>
        <MentionTextarea id="composer" value={body} onValueChange={setBody} candidates={participants} maxLength={MESSAGE_MAX} aria-describedby="composer-hint" />
        <p id="composer-hint" className="muted" style={{ fontSize: ".85rem", margin: ".25rem 0 0" }}>{MENTION_HINT} Plain text; links starting with http(s) are clickable.</p>
      </div>
      <ReferencePicker patientId={patientId} space={space} forPatient={forPatient} value={reference} onChange={setReference} />
      {post.error ? <p className="alert error" role="alert">{errorMessage(post.error)}</p> : null}
      <div>
        <button type="submit" disabled={post.isPending}>Send</button>
      </div>
    </form>
  );
}
