"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";

/** Resets a person's two-factor sign-in (a lost phone), after asking; the person is told by email. */
export function SecondFactorReset({ userId, name }: { userId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation(trpc.admin.users.resetSecondFactor.mutationOptions());

  async function apply() {
    setError(null);
    try {
      const result = await reset.mutateAsync({ userId });
      setConfirming(false);
      setDone(result.emailed ? `Two-factor sign-in reset for ${name}; they were told by email.` : `Two-factor sign-in reset for ${name}, but the email to tell them could not be sent.`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <Badge variant="neutral">Two-factor on</Badge>
      <Button variant="secondary" size="sm" disabled={reset.isPending} aria-label={`Reset two-factor sign-in for ${name}`} onClick={() => setConfirming(true)}>
        Reset two-factor
      </Button>
      {done ? (
        <Badge role="status" variant="success" className="whitespace-normal">
          {done}
        </Badge>
      ) : null}
      {!confirming && error ? (
        <Badge role="alert" variant="danger" className="whitespace-normal">
          {error}
        </Badge>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Reset two-factor sign-in for ${name}?`}
        confirmLabel="Reset"
        pending={reset.isPending}
        error={confirming ? error : null}
        onConfirm={() => void apply()}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <p>Their authenticator app and recovery codes stop working for Concord. They sign in with their password and set it up again (administrators must). They are told by email.</p>
      </ConfirmDialog>
    </>
  );
}
