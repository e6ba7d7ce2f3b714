"use client";
import { type ReactNode, useState } from "react";
import { Button } from "@concord/ui/button";

/**
 * Signs out through next-auth's own endpoints (a CSRF token, then a POST to /api/auth/signout), which is
 * what next-auth/react's signOut() does; that module and its helpers are 10 kB gzipped on every page.
 * The session cookie is cleared by the server's response; the browser then loads the sign-in page.
 */
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/signin", json: "true" }),
  });
  if (!response.ok) throw new Error(`Sign-out answered ${response.status}`);
  window.location.assign("/signin");
}

/** `icon` is drawn by the server component that renders the button (no icon code in the browser bundle). */
export function SignOutButton({ icon }: { icon: ReactNode }) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => signOut().catch(() => setFailed(true))}>
        {icon}
        Sign out
      </Button>
      {failed ? (
        <span role="alert" className="text-sm text-danger">
          Sign-out did not go through. Check your connection and try again.
        </span>
      ) : null}
    </>
  );
}
