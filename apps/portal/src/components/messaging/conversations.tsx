"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useMemo, useState } from "react";
import { type MentionCandidate, type ThreadSpace, unreadLabel } from "@concord/domain/client";
import { Badge } from "@concord/ui/badge";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@concord/ui/tabs";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { ConversationPanes, type LiveState, LiveStatus, OneSpace, PATIENT_SPACE_LABEL, useConversationNavigation } from "./conversation-parts";
import { useThreadCache } from "./thread-cache";
import { NewThreadForm } from "./thread-parts";
import { TeamReferenceChoices, ThreadView } from "./thread-view";

type Space = ThreadSpace;

const SPACE_LABEL: Record<Space, string> = { team: "Care team only", patient: "With the patient" };

/**
 * A patient's conversations as the care team sees them, through the API client: space tabs (the team space
 * only for the care team), the thread list with unread counts, the open thread, and one live SSE subscription
 * for all of it. (The patient's own page is patient-conversation.tsx, with no API client.)
 */
export function Conversations(props: { patientId: string; viewerId: string; canSeeTeam: boolean }) {
  const { patientId, viewerId, canSeeTeam } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [space, setSpace] = useState<Space>(canSeeTeam ? "team" : "patient");
  const { threadId, setThreadId, creating, setCreating, onOpen, onNew, onBack } = useConversationNavigation();
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
  const unreadIn = (s: Space) => all.filter((t) => t.space === s).reduce((sum, t) => sum + t.unread, 0);
  const spaces = canSeeTeam ? (["team", "patient"] as const) : (["patient"] as const);

  const liveState: LiveState = live.status === "pending" ? "live" : live.status === "error" ? "reconnecting" : "connecting";
  const spaceLabel = (s: Space) => (canSeeTeam ? SPACE_LABEL[s] : PATIENT_SPACE_LABEL);
  const panel = (s: Space) => (
    <ConversationPanes
      headingId={`threads-h-${s}`}
      heading={canSeeTeam ? SPACE_LABEL[s] : "Conversations"}
      threads={all.filter((t) => t.space === s)}
      threadId={threadId}
      creating={creating}
      error={threads.error ? errorMessage(threads.error) : null}
      loading={threads.isPending}
      more={threads.hasNextPage ? { onMore: () => void threads.fetchNextPage(), disabled: threads.isFetchingNextPage } : null}
      onOpen={onOpen}
      onNew={onNew}
      onBack={onBack}
    >
      {creating ? (
        <TeamNewThreadForm
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
    </ConversationPanes>
  );

  // One space (the patient's): no tablist of one tab, just the conversations with their care team.
  if (spaces.length === 1) return <OneSpace live={liveState}>{panel(spaces[0])}</OneSpace>;

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
        <LiveStatus state={liveState} />
      </div>
      {spaces.map((s) => (
        <TabsContent key={s} value={s}>
          {panel(s)}
        </TabsContent>
      ))}
    </Tabs>
  );
}

function TeamNewThreadForm(props: {
  patientId: string;
  space: Space;
  spaceLabel: string;
  forPatient: boolean;
  viewerId: string;
  onCreated: (threadId: string) => void;
}) {
  const { patientId, space, spaceLabel, forPatient, viewerId, onCreated } = props;
  const trpc = useTRPC();
  const candidates = useNewThreadCandidates(patientId, space, forPatient, viewerId);
  const create = useMutation(trpc.messaging.createThread.mutationOptions());
  return (
    <NewThreadForm
      patientId={patientId}
      space={space}
      spaceLabel={spaceLabel}
      forPatient={forPatient}
      candidates={candidates}
      Choices={TeamReferenceChoices}
      onCreate={async (input) => {
        try {
          const created = await create.mutateAsync({ patientId, ...input });
          onCreated(created.threadId);
          return null;
        } catch (error) {
          return errorMessage(error);
        }
      }}
    />
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
