import { secondOpinionResponse } from "~/server/second-opinion-response";

export const dynamic = "force-dynamic";

/** The signed-in patient's own second-opinion summary as a PDF (anyone else: 404). */
export async function GET(): Promise<Response> {
  return secondOpinionResponse(null);
}
