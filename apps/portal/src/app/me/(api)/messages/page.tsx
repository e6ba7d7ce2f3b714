import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Conversations } from "~/components/messaging/conversations";
import { requireSessionActor } from "~/server/session";

export const metadata: Metadata = { title: "Messages" };

/** The patient's messages: only the space shared with the care team exists here. */
/** The open thread is `?thread=<id>`, read by the client (Conversations), so a link opens it. */
export default async function MyMessagesPage() {
  const session = await requireSessionActor();
  if (session.actor.role !== "patient" || !session.actor.patientId) redirect("/");
  return (
    <>
      <h1>Messages with your care team</h1>
      <p className="text-muted-foreground">Your care team reads these during working hours. In an emergency, call your local emergency number.</p>
      <Conversations
        patientId={session.actor.patientId}
        viewerId={session.actor.userId}
        canSeeTeam={false}
      />
    </>
  );
}
