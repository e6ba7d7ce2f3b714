"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useMemo, useState } from "react";
import { MESSAGE_MAX, type MentionCandidate, TITLE_MAX, TITLE_MIN, type ThreadSpace, unreadLabel } from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { MENTION_HINT, MentionTextarea } from "./mention-textarea";
import { type ChosenReference, ReferencePicker } from "./reference-picker";
import { useThreadCache } from "./thread-cache";
import { ThreadView } from "./thread-view";

type Space = ThreadSpace;

const SPACE_LABEL: Record<Space, string> = { team: "Care team only", patient: "With the patient" };

/**
 * A patient's conversations: space tabs (the team space only for the care team), the thread list
 * with unread counts, the open thread, and one live SSE subscription for all of it.
 */
export function Conversations(props: { patientId: string; viewerId: string; canSeeTeam: boolean; initialThreadId: string | null }) {
  const { patientId, viewerId, canSeeTeam } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [space, setSpace] = useState<Space>(canSeeTeam ? "team" : "patient");
  const [threadId, setThreadId] = useState<string | null>(props.initialThreadId);
  const [creating, setCreating] = useState(false);
  const threads = useInfiniteQuery(
    trpc.messaging.threads.infiniteQueryOptions({ patientId, limit: 50 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  // Live events go into the query cache, where the open thread (and the list) read them.
  const cache = useThreadCache(patientId);
  const live = useSubscription(
    trpc.messaging.events.subscriptionOptions(
      { patientId },
      {
        // (Re)connected: anything before the stream's starting point is re-read from the server.
        onStarted: () => void queryClient.invalidateQueries({ queryKey: trpc.messaging.pathKey() }),
        onData: (event) => cache.applyEvent(event.data),
      },
    ),
  );

  const all = threads.data?.pages.flatMap((page) => page.items) ?? [];
  const open = all.find((t) => t.id === threadId) ?? null;
  useEffect(() => {
    if (open && open.space !== space) setSpace(open.space);
  }, [open, space]);
  const visible = all.filter((t) => t.space === space);
  const unreadIn = (s: Space) => all.filter((t) => t.space === s).reduce((sum, t) => sum + t.unread, 0);

  return (
    <div>
      {/* A tablist may own only tabs: the live status sits beside it, not inside it. */}
      <div className="inline" style={{ marginBottom: "1rem" }}>
        <div className="inline" role="tablist" aria-label="Conversation spaces">
          {(canSeeTeam ? (["team", "patient"] as const) : (["patient"] as const)).map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={space === s}
              className={space === s ? "" : "secondary"}
              onClick={() => {
                setSpace(s);
                setThreadId(null);
              }}
            >
              {SPACE_LABEL[s]}
              {unreadIn(s) > 0 ? <span className="badge warn" style={{ marginLeft: ".4rem" }}>{unreadLabel(unreadIn(s))} unread</span> : null}
            </button>
          ))}
        </div>
        <span className="muted" aria-live="polite" data-testid="live-status">
          {live.status === "pending" ? "Live" : live.status === "error" ? "Reconnecting…" : "Connecting…"}
        </span>
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "minmax(220px, 1fr) 2.5fr", gap: "1rem", alignItems: "start" }}>
        <section className="card" aria-labelledby="threads-h">
          <h2 id="threads-h" style={{ marginTop: 0 }}>{SPACE_LABEL[space]}</h2>
          {threads.error ? <p className="alert error">{errorMessage(threads.error)}</p> : null}
          {threads.isPending ? <p className="muted">Loading…</p> : null}
          {!threads.isPending && visible.length === 0 ? <p className="muted">No conversations yet.</p> : null}
          <ul className="plain" data-testid="thread-list">
            {visible.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className={t.id === threadId ? "" : "secondary"}
                  style={{ width: "100%", textAlign: "left" }}
                  aria-current={t.id === threadId ? "true" : undefined}
                  onClick={() => {
                    setThreadId(t.id);
                    setCreating(false);
                  }}
                  data-testid="thread-item"
                >
                  {t.title}
                  {t.unread > 0 ? (
                    <span className="badge warn" style={{ marginLeft: ".4rem" }} data-testid="unread-badge">
                      {unreadLabel(t.unread)} unread
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
          {threads.hasNextPage ? (
            <button type="button" className="secondary" style={{ marginTop: ".75rem" }} onClick={() => void threads.fetchNextPage()} disabled={threads.isFetchingNextPage}>
              More conversations
            </button>
          ) : null}
          <button type="button" className="secondary" style={{ marginTop: ".75rem" }} onClick={() => setCreating(true)}>
            New conversation
          </button>
        </section>
        <section className="card" aria-label="Conversation">
          {creating ? (
            <NewThreadForm
              patientId={patientId}
              space={space}
              forPatient={!canSeeTeam}
              viewerId={viewerId}
              onCreated={(id) => {
                setCreating(false);
                setThreadId(id);
                void cache.refreshThreads();
              }}
            />
          ) : threadId ? (
            <ThreadView key={threadId} patientId={patientId} threadId={threadId} viewerId={viewerId} forPatient={!canSeeTeam} />
          ) : (
            <p className="muted">Choose a conversation, or start a new one.</p>
          )}
        </section>
      </div>
    </div>
  );
}

function NewThreadForm(props: { patientId: string; space: Space; forPatient: boolean; viewerId: string; onCreated: (threadId: string) => void }) {
  const { patientId, space, forPatient, viewerId, onCreated } = props;
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [reference, setReference] = useState<ChosenReference | null>(null);
  const candidates = useNewThreadCandidates(patientId, space, forPatient, viewerId);
  const create = useMutation(trpc.messaging.createThread.mutationOptions({ onSuccess: (r) => onCreated(r.threadId) }));
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        create.mutate({
          patientId,
          space,
          title: String(form.get("title") ?? ""),
          body,
          ...(reference ? { reference: { kind: reference.kind, id: reference.id } } : {}),
        });
      }}
    >
      <h2 style={{ marginTop: 0 }}>New conversation · {SPACE_LABEL[space]}</h2>
      <div>
        <label htmlFor="thread-title">Topic</label>
        <input id="thread-title" name="title" required minLength={TITLE_MIN} maxLength={TITLE_MAX} placeholder="e.g. Pregabalin titration" />
      </div>
      <div>
        <label htmlFor="thread-body">First message</label>
        <MentionTextarea id="thread-body" value={body} onValueChange={setBody} candidates={candidates} required maxLength={MESSAGE_MAX} aria-describedby="thread-body-hint" />
        <p id="thread-body-hint" className="muted" style={{ fontSize: ".85rem", margin: ".25rem 0 0" }}>{MENTION_HINT}</p>
      </div>
      <ReferencePicker patientId={patientId} space={space} forPatient={forPatient} value={reference} onChange={setReference} />
      {create.error ? <p className="alert error" role="alert">{errorMessage(create.error)}</p> : null}
      <button type="submit" disabled={create.isPending}>Start conversation</button>
    </form>
  );
}

/**
 * Before a thread exists there is no participant list: the active care team (patients.careTeam)
 * and, in the shared space, the patient — the same people the server accepts mentions of.
 */
function useNewThreadCandidates(patientId: string, space: Space, forPatient: boolean, viewerId: string): MentionCandidate[] {
  const trpc = useTRPC();
  const withPatient = space === "patient" && !forPatient;
  const team = useQuery(trpc.patients.careTeam.queryOptions({ patientId }));
  const patient = useQuery({ ...trpc.patients.get.queryOptions({ patientId }), enabled: withPatient });
  return useMemo(() => {
    const members: MentionCandidate[] = (team.data ?? [])
      .filter((m) => m.active && m.clinicianId !== viewerId)
      .map((m) => ({ userId: m.clinicianId, name: m.name, discipline: m.discipline }));
    // Only the name is used for suggestions; the server resolves who it is.
    if (withPatient && patient.data) members.push({ userId: `patient:${patient.data.id}`, name: patient.data.name, discipline: null });
    return members;
  }, [team.data, patient.data, withPatient, viewerId]);
}
