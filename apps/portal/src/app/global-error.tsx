"use client";
import { Button } from "@concord/ui/button";
import "./globals.css";

/** When even the root layout fails: a page of its own (no header), in the same plain words as error.tsx. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="grid min-h-dvh place-items-center bg-background p-6 text-foreground">
        <div role="alert" className="grid max-w-lg gap-4 rounded-xl border bg-card p-6">
          <h1>Something went wrong</h1>
          <p>Concord could not be shown just now. Please try again in a moment.</p>
          <Button className="w-fit" onClick={() => reset()}>
            Try again
          </Button>
        </div>
      </body>
    </html>
  );
}
