"use client";
import { type ComponentType, type FormEvent, type ReactNode, useState } from "react";
import { MESSAGE_MAX, type MentionCandidate, TITLE_MAX, TITLE_MIN, type ThreadSpace } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { Textarea } from "@concord/ui/textarea";
import { When } from "~/components/viewer-clock";
import { MENTION_HINT, MentionTextarea } from "./mention-textarea";
import { type Message, type ThreadDetail, UNREACHABLE } from "./message-data";
import { MessageText } from "./message-text";
import { type ChosenReference, type ReferenceChoicesProps, ReferencePicker } from "./reference-picker";

/*
 * A conversation's markup, with no data layer: the care team's view (conversations.tsx, thread-view.tsx: the API
 * client and its cache) and the patient's (patient-conversation.tsx: server page and server actions) both render
 * these. Each change is a callback that answers null when it was done, or the refusal's words to show.
 */

/** Done (null) or refused (the words to show). */
export type Outcome = Promise<string | null>;

export interface MessageActions {
  edit: (message: Message, body: string) => Outcome;
  remove: (message: Message) => Outcome;
}

type ReferenceInput = { reference?: { kind: ChosenReference["kind"]; id: string } };
const referenceInput = (reference: ChosenReference | null): ReferenceInput => (reference ? { reference: { kind: reference.kind, id: reference.id } } : {});

/** Runs a change, tracking its pending state and the refusal to show. */
function useOutcome(): [pending: boolean, error: string | null, run: (change: () => Outcome) => Promise<boolean>, clear: () => void] {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (change: () => Outcome) => {
    setPending(true);
    try {
      const refused = await change();
      setError(refused);
      return refused === null;
    } catch {
      // The request itself failed (offline, the server unreachable): nothing was changed.
      setError(UNREACHABLE);
      return false;
    } finally {
      setPending(false);
    }
  };
  return [pending, error, run, () => setError(null)];
}

/** One thread: heading, older-page button, the messages (oldest at the top) and the composer below. */
export function ThreadLayout(props: {
  patientId: string;
  viewerId: string;
  forPatient: boolean;
  thread: ThreadDetail | null;
  /** Newest first, as loaded. */
  messages: readonly Message[];
  loading: boolean;
  error: string | null;
  hasOlder: boolean;
  onLoadOlder: () => void;
  actions: MessageActions;
  composer: ReactNode;
}) {
  const { patientId, viewerId, forPatient, thread, messages, loading, error, hasOlder, onLoadOlder, actions, composer } = props;
  const readers = thread?.readers ?? [];
  const ordered = [...messages].reverse();
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <h2 data-testid="thread-title" className="flex flex-wrap items-center gap-2 break-words">
        {thread?.title ?? "Conversation"} {thread ? <Badge variant="neutral">{thread.space === "team" ? "Care team only" : "With the patient"}</Badge> : null}
      </h2>
      {error ? <Alert variant="danger">{error}</Alert> : null}
      {hasOlder ? (
        <Button variant="secondary" size="sm" className="w-fit" onClick={onLoadOlder}>
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
            actions={actions}
          />
        ))}
      </ol>
      {thread ? composer : null}
    </div>
  );
}

/** Plan items and goals live on the plan, check-ins and alerts on progress. */
function referenceHref(kind: string, patientId: string, forPatient: boolean): string {
  const onPlan = kind === "plan_item" || kind === "goal";
  if (forPatient) return onPlan ? "/me/plan" : "/me/progress";
  return `/patients/${patientId}/${onPlan ? "plan" : "progress"}`;
}

function MessageItem(props: { message: Message; patientId: string; forPatient: boolean; mine: boolean; readBy: string[]; actions: MessageActions }) {
  const { message: m, patientId, forPatient, mine, readBy, actions } = props;
  const [editing, setEditing] = useState(false);
  const [editPending, editError, runEdit] = useOutcome();
  const [removePending, removeError, runRemove] = useOutcome();
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
            void runEdit(() => actions.edit(m, body)).then((done) => done && setEditing(false));
          }}
        >
          <Field id={`edit-${m.id}`} label="Edit message">
            <Textarea name="body" defaultValue={m.body ?? ""} maxLength={MESSAGE_MAX} required />
          </Field>
          {editError ? (
            <Alert variant="danger" role="alert">
              {editError}
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={editPending}>
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
            disabled={removePending}
            onClick={() => {
              if (window.confirm("Delete this message? Others will see that a message was deleted.")) void runRemove(() => actions.remove(m));
            }}
          >
            Delete
          </Button>
        </div>
      ) : null}
      {removeError ? (
        <Alert variant="danger" role="alert">
          {removeError}
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

/** The message box under a thread: mentions of the people in it, "Attach", Send. */
export function Composer(props: {
  patientId: string;
  space: ThreadSpace;
  forPatient: boolean;
  participants: MentionCandidate[];
  Choices: ComponentType<ReferenceChoicesProps>;
  onSend: (input: { body: string } & ReferenceInput) => Outcome;
}) {
  const { patientId, space, forPatient, participants, Choices, onSend } = props;
  const [body, setBody] = useState("");
  const [reference, setReference] = useState<ChosenReference | null>(null);
  const [pending, error, run] = useOutcome();
  return (
    <form
      className="mt-2 grid gap-3 border-t pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => onSend({ body, ...referenceInput(reference) })).then((done) => {
          if (!done) return;
          setBody("");
          setReference(null);
        });
      }}
    >
      <Field id="composer" label="Message" hint={`${MENTION_HINT} Plain text; links starting with http(s) are clickable.`}>
        {(control) => <MentionTextarea {...control} value={body} onValueChange={setBody} candidates={participants} maxLength={MESSAGE_MAX} />}
      </Field>
      <ReferencePicker patientId={patientId} space={space} forPatient={forPatient} value={reference} onChange={setReference} Choices={Choices} />
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button type="submit" className="w-fit" disabled={pending}>
        Send
      </Button>
    </form>
  );
}

/** A new thread: topic, first message (with mentions of the care team), "Attach". */
export function NewThreadForm(props: {
  patientId: string;
  space: ThreadSpace;
  spaceLabel: string;
  forPatient: boolean;
  candidates: MentionCandidate[];
  Choices: ComponentType<ReferenceChoicesProps>;
  onCreate: (input: { space: ThreadSpace; title: string; body: string } & ReferenceInput) => Outcome;
}) {
  const { patientId, space, spaceLabel, forPatient, candidates, Choices, onCreate } = props;
  const [body, setBody] = useState("");
  const [reference, setReference] = useState<ChosenReference | null>(null);
  const [pending, error, run] = useOutcome();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const title = String(new FormData(e.currentTarget).get("title") ?? "");
    void run(() => onCreate({ space, title, body, ...referenceInput(reference) }));
  };
  return (
    <form className="grid gap-4" onSubmit={submit}>
      <h2>New conversation · {spaceLabel}</h2>
      <Field id="thread-title" label="Topic">
        <Input name="title" required minLength={TITLE_MIN} maxLength={TITLE_MAX} placeholder="e.g. Pregabalin titration" />
      </Field>
      <Field id="thread-body" label="First message" hint={MENTION_HINT}>
        {(control) => <MentionTextarea {...control} value={body} onValueChange={setBody} candidates={candidates} required maxLength={MESSAGE_MAX} />}
      </Field>
      <ReferencePicker patientId={patientId} space={space} forPatient={forPatient} value={reference} onChange={setReference} Choices={Choices} />
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button type="submit" className="w-fit" disabled={pending}>
        Start conversation
      </Button>
    </form>
  );
}
