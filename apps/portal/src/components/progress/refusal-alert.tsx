"use client";
import { useEffect, useRef } from "react";
import { Alert } from "@concord/ui/alert";
import type { Refusal } from "~/components/refusal";

/** A failed send's message, in the server's plain words, focused when it appears so it is read out and seen. */
export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert ref={ref} tabIndex={-1} variant="danger" role="alert">
      {refusal.message}
    </Alert>
  );
}
