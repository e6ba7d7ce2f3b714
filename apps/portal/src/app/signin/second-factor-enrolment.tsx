"use client";
import { Card } from "@concord/ui/card";

export interface Enrolment {
  qrSvg: string;
  secret: string;
  recoveryCodes: string[];
}

/** Asks the server to start an enrolment for these credentials; the error is in words when it cannot. */
export async function requestEnrolment(email: string, password: string): Promise<{ enrolment: Enrolment } | { error: string }> {
  try {
    const response = await fetch("/api/auth/second-factor/enrol", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const body = (await response.json()) as Partial<Enrolment> & { error?: string };
    if (!response.ok || !body.qrSvg || !body.secret || !body.recoveryCodes) return { error: body.error ?? "Two-factor sign-in cannot be set up right now. Please try again." };
    return { enrolment: { qrSvg: body.qrSvg, secret: body.secret, recoveryCodes: body.recoveryCodes } };
  } catch {
    return { error: "Two-factor sign-in cannot be set up right now. Please try again." };
  }
}

/** The QR code (drawn by the server as SVG, no image service), the secret to type instead, and the recovery codes. */
export function EnrolmentDetails({ enrolment }: { enrolment: Enrolment }) {
  return (
    <div className="grid gap-4">
      <figure className="grid gap-2">
        {/* The SVG drawn by our server, shown as an image (a data: URL): nothing in it can run as script. */}
        {/* biome-ignore lint/performance/noImgElement: a small inline data: URL, nothing for next/image to optimise */}
        <img className="rounded-md bg-white p-2" width={200} height={200} alt="QR code for your authenticator app" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} />
        <figcaption>
          Can’t scan it? Enter this key in the app: <code className="font-mono break-all" data-testid="totp-secret">{enrolment.secret}</code>
        </figcaption>
      </figure>
      <Card className="gap-2 bg-muted">
        <h2>Recovery codes</h2>
        <p>
          Each code signs you in once if you lose your phone. Save them somewhere safe now: they are shown only once.
        </p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-x-4 gap-y-1 font-mono">
          {enrolment.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
