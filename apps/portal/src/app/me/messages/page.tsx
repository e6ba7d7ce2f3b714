import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { plainMessage } from "~/components/refusal";
import { PAGE_SIZE, UUID } from "~/components/messaging/message-data";
import { type OpenThread, PatientConversation } from "~/components/messaging/patient-conversation";
import { getCaller } from "~/server/caller";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Messages" };

/**
 * The patient's messages: only the space shared with the care team exists here. The server reads the thread
 * list and the open thread (`?thread=<id>`, so a link opens it); the browser loads no API client, it changes
 * things through server actions (./actions.ts) and re-reads this page when a live event arrives.
 */
export default async function MyMessagesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  const patientId = session.actor.patientId;
  const caller = await getCaller(session);
  const raw = (await searchParams).thread;
  const threadId = typeof raw === "string" && UUID.test(raw) ? raw : null;
  const [threads, open] = await Promise.all([caller.messaging.threads({ patientId, limit: 50 }), threadId ? readThread(caller, patientId, threadId) : null]);
  return (
    <>
      <h1>Messages with your care team</h1>
      <p className="text-muted-foreground">Your care team reads these during working hours. In an emergency, call your local emergency number.</p>
      <PatientConversation patientId={patientId} viewerId={session.actor.userId} threads={threads} open={open} />
    </>
  );
}

/** The open thread's header and newest messages; a thread the patient may not see reads as not found, in words. */
async function readThread(caller: Awaited<ReturnType<typeof getCaller>>, patientId: string, threadId: string): Promise<OpenThread> {
  try {
    const [thread, page] = await Promise.all([caller.messaging.thread({ patientId, threadId }), caller.messaging.messages({ patientId, threadId, limit: PAGE_SIZE })]);
    return { threadId, thread, page, error: null };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { threadId, thread: null, page: null, error: plainMessage(error.message) };
  }
}
