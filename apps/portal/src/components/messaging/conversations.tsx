"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ArrowLeft } from "lucide-react";
import { MESSAGE_MAX, type MentionCandidate, TITLE_MAX, TITLE_MIN, type ThreadSpace, unreadLabel } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { CardSection } from "@concord/ui/card";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@concord/ui/tabs";
import { cn } from "@concord/ui/utils";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { MENTION_HINT, MentionTextarea } from "./mention-textarea";
import { type ChosenReference, ReferencePicker } from "./reference-picker";
import { useThreadCache } from "./thread-cache";
import { ThreadView } from "./thread-view";

type Space = ThreadSpace;

const SPACE_LABEL: Record<Space, string> = { team: "Care team only", patient: "With the patient" };
/** The patient has one space; it is named for them, not for the team. */
const PATIENT_SPACE_LABEL = "Your care team";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The open thread lives in the URL (`?thread=<id>`), so a thread can be linked to, reloaded and left with
 * the browser's Back button; the list and the thread read the same value, no callbacks between them.
 */
function useThreadInUrl(): [string | null, (id: string | null) => void] {
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
 * A patient's conversations: space tabs (the team space only for the care team), the thread list
 * with unread counts, the open thread, and one live SSE subscription for all of it.
 */
export function Conversations(props: { patientId: string; viewerId: string; canSeeTeam: boolean }) {
  const { patientId, viewerId, canSeeTeam } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [space, setSpace] = useState<Space>(canSeeTeam ? "team" : "patient");
  const [threadId, setThreadId] = useThreadInUrl();
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
  const spaces = canSeeTeam ? (["team", "patient"] as const) : (["patient"] as const);

  const liveStatus = (
    <span className="text-sm text-muted-foreground" aria-live="polite" data-testid="live-status">
      {live.status === "pending" ? "Live" : live.status === "error" ? "Reconnecting…" : "Connecting…"}
    </span>
  );
  const spaceLabel = (s: Space) => (canSeeTeam ? SPACE_LABEL[s] : PATIENT_SPACE_LABEL);
  // On a phone one column shows at a time: the list, or the open thread (or the new-thread form).
  const showingThread = creating || threadId !== null;
  const panel = (s: Space) => (
    <div className="grid min-w-0 items-start gap-4 md:grid-cols-[minmax(14rem,1fr)_2.5fr]">
      <CardSection aria-labelledby={`threads-h-${s}`} className={cn("min-w-0 gap-3", showingThread && "max-md:hidden")}>
        <h2 id={`threads-h-${s}`}>{canSeeTeam ? SPACE_LABEL[s] : "Conversations"}</h2>
        {threads.error ? <Alert variant="danger">{errorMessage(threads.error)}</Alert> : null}
        {threads.isPending ? <p className="text-muted-foreground">Loading…</p> : null}
        {!threads.isPending && visible.length === 0 ? <p className="text-muted-foreground">No conversations yet.</p> : null}
        <ul className="grid gap-1" data-testid="thread-list">
          {visible.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className={cn(
                  "flex min-h-11 w-full cursor-pointer flex-wrap items-center gap-2 rounded-md border px-3 py-2 text-left font-medium break-words",
                  t.id === threadId ? "border-primary bg-accent font-bold text-accent-foreground" : "border-transparent hover:bg-accent",
                )}
                aria-current={t.id === threadId ? "true" : undefined}
                onClick={() => {
                  setCreating(false);
                  setThreadId(t.id);
                }}
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
        {threads.hasNextPage ? (
          <Button variant="secondary" size="sm" className="w-fit" onClick={() => void threads.fetchNextPage()} disabled={threads.isFetchingNextPage}>
            More conversations
          </Button>
        ) : null}
        <Button variant="secondary" className="w-fit" onClick={() => setCreating(true)}>
          New conversation
        </Button>
      </CardSection>
      <CardSection aria-label="Conversation" className={cn("min-w-0", !showingThread && "max-md:hidden")}>
        {showingThread ? (
          <Button
            variant="ghost"
            className="w-fit md:hidden"
            data-testid="back-to-conversations"
            onClick={() => {
              setCreating(false);
              if (threadId) setThreadId(null);
            }}
          >
            <ArrowLeft aria-hidden="true" className="size-4" />
            Back to conversations
          </Button>
        ) : null}
        {creating ? (
          <NewThreadForm
            patientId={patientId}
            space={space}
            spaceLabel={spaceLabel(space)}
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
          <p className="text-muted-foreground">Choose a conversation, or start a new one.</p>
        )}
      </CardSection>
    </div>
  );

  // One space (the patient's): no tablist of one tab, just the conversations with their care team.
  if (spaces.length === 1) {
    return (
      <div className="grid min-w-0 gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <p className="font-semibold">{PATIENT_SPACE_LABEL}</p>
          {liveStatus}
        </div>
        {panel(spaces[0])}
      </div>
    );
  }

  return (
    <Tabs
      value={space}
      onValueChange={(value) => {
        setSpace(value as Space);
        setCreating(false);
        if (threadId) setThreadId(null);
      }}
      className="min-w-0"
    >
      {/* A tablist may own only tabs: the live status sits beside it, not inside it. */}
      <div className="flex flex-wrap items-center gap-3">
        <TabsList aria-label="Conversation spaces">
          {spaces.map((s) => (
            <TabsTrigger key={s} value={s}>
              {SPACE_LABEL[s]}
              {unreadIn(s) > 0 ? <Badge variant="warning">{unreadLabel(unreadIn(s))} unread</Badge> : null}
            </TabsTrigger>
          ))}
        </TabsList>
        {liveStatus}
      </div>
      {spaces.map((s) => (
        <TabsContent key={s} value={s}>
          {panel(s)}
        </TabsContent>
      ))}
    </Tabs>
  );
}

function NewThreadForm(props: {
  patientId: string;
  space: Space;
  spaceLabel: string;
  forPatient: boolean;
  viewerId: string;
  onCreated: (threadId: string) => void;
}) {
  const { patientId, space, spaceLabel, forPatient, viewerId, onCreated } = props;
  const trpc = useTRPC();
  const [body, setBody] = useState("");
  const [reference, setReference] = useState<ChosenReference | null>(null);
  const candidates = useNewThreadCandidates(patientId, space, forPatient, viewerId);
  const create = useMutation(trpc.messaging.createThread.mutationOptions({ onSuccess: (r) => onCreated(r.threadId) }));
  return (
    <form
      className="grid gap-4"
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
      <h2>New conversation · {spaceLabel}</h2>
      <Field id="thread-title" label="Topic">
        <Input name="title" required minLength={TITLE_MIN} maxLength={TITLE_MAX} placeholder="e.g. Pregabalin titration" />
      </Field>
      <Field id="thread-body" label="First message" hint={MENTION_HINT}>
        {(control) => <MentionTextarea {...control} value={body} onValueChange={setBody} candidates={candidates} required maxLength={MESSAGE_MAX} />}
      </Field>
      <ReferencePicker patientId={patientId} space={space} forPatient={forPatient} value={reference} onChange={setReference} />
      {create.error ? (
        <Alert variant="danger" role="alert">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      <Button type="submit" className="w-fit" disabled={create.isPending}>
        Start conversation
      </Button>
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
