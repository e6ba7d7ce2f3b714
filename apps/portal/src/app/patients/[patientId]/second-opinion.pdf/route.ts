import { secondOpinionResponse } from "~/server/second-opinion-response";

export const dynamic = "force-dynamic";

/** A patient's second-opinion summary as a PDF, for their care team (anyone else: 404). */
export async function GET(_req: Request, { params }: { params: Promise<{ patientId: string }> }): Promise<Response> {
  return secondOpinionResponse((await params).patientId);
}
