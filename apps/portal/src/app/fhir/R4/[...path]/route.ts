import { fhirGet, methodNotAllowed } from "../fhir-response";

export const dynamic = "force-dynamic";

/** The FHIR R4 read API on the signed-in portal session (see fhir-response.ts; /fhir/R4/metadata lists what it supports). */
export async function GET(request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return fhirGet(request, (await context.params).path);
}

export const POST = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
