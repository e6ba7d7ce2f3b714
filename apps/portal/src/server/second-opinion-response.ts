import "server-only";
import { TRPCError } from "@trpc/server";
import { getCaller } from "./caller";
import { renderSecondOpinionPdf } from "./second-opinion-pdf";
import { getSessionActor } from "./session";

const NOT_FOUND = () => new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * The second-opinion PDF download for one patient: authenticate, read the summary through its
 * procedure (permission, relation to the patient, audit row), draw it. Anyone without access — no
 * session included — gets the same 404 as for a patient that does not exist.
 */
export async function secondOpinionResponse(patientId: string | null): Promise<Response> {
  const session = await getSessionActor();
  const id = patientId ?? session?.actor.patientId ?? null;
  if (!session || !id) return NOT_FOUND();
  try {
    const caller = await getCaller(session);
    const summary = await caller.patients.secondOpinion({ patientId: id });
    const pdf = await renderSecondOpinionPdf(summary);
    const name = summary.patient.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "patient";
    return new Response(new Uint8Array(pdf), {
      status: 200,
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="second-opinion-${name}-${summary.generatedOn}.pdf"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) return NOT_FOUND();
    throw error;
  }
}
