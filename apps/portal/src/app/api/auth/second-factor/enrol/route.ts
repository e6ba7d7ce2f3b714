import { INCORRECT_CREDENTIALS, SignInRefused, beginSecondFactorEnrolment, clientAddressFrom, secondFactorConfig } from "@concord/auth";
import { signInThrottleMessage } from "@concord/domain";
import { env } from "~/env";
import { getDb } from "~/server/runtime";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * Starts setting up two-factor sign-in, authenticated by email and password (the same throttle as
 * sign-in): at a first sign-in that requires it, and from /security. Answers the QR code (SVG), the
 * secret to type instead, and the recovery codes, once; the first code then confirms it at sign-in.
 */
export async function POST(req: Request) {
  const config = env();
  // A cross-site page must not start an enrolment in someone's name (it would need their password anyway).
  const origin = req.headers.get("origin");
  if (origin && origin !== new URL(config.publicUrl).origin && origin !== new URL(req.url).origin) {
    return Response.json({ error: "This request came from another site." }, { status: 403, headers: NO_STORE });
  }
  const body: unknown = await req.json().catch(() => null);
  try {
    const result = await beginSecondFactorEnrolment(await getDb(), body, {
      address: clientAddressFrom(Object.fromEntries(req.headers), config.trustProxy),
      secondFactor: secondFactorConfig({ secret: config.authSecret, secondFactorRequirement: config.secondFactorRequirement }),
    });
    if (result === null) return Response.json({ error: INCORRECT_CREDENTIALS }, { status: 400, headers: NO_STORE });
    if (result === "already") {
      return Response.json(
        { error: "Two-factor sign-in is already set up for this account. If you lost your phone, use a recovery code or ask an administrator to reset it." },
        { status: 409, headers: NO_STORE },
      );
    }
    return Response.json(result, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof SignInRefused) return Response.json({ error: signInThrottleMessage(error.decision) }, { status: 429, headers: NO_STORE });
    throw error;
  }
}
