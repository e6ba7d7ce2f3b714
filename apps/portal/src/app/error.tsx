"use client";
import { useEffect } from "react";
import { Button } from "@concord/ui/button";
import { Card } from "@concord/ui/card";

/**
 * A page that failed to load or render, in plain words: nothing the person did is lost by trying again,
 * and the technical detail stays in the server's log (the digest lets support find it there).
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Card role="alert" className="mx-auto mt-8 w-full max-w-lg items-start">
      {/* Lucide's triangle-alert (ISC), drawn inline: this boundary is on every page, and the icon library is not. */}
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="size-10 text-warning">
        <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" />
        <path d="M12 9v4" />
        <path d="M12 17h.01" />
      </svg>
      <h1>Something went wrong</h1>
      <p>This page could not be shown just now. Please try again. If it keeps happening, tell your clinic or the Concord administrator.</p>
      {error.digest ? <p className="text-sm text-muted-foreground">Reference for support: {error.digest}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => reset()}>Try again</Button>
        <Button variant="secondary" asChild>
          {/* A full load, not a client navigation: it starts from a clean page. */}
          <a href="/">Go to your home page</a>
        </Button>
      </div>
    </Card>
  );
}
