"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

/**
 * Ends one's own emergency access now. From the record itself (`leaveTo`) the clinician is taken to
 * their list of accesses, since the record is no longer theirs to read; from that list the page refreshes.
 */
export function EndAccessButton({ id, patientName, leaveTo }: { id: string; patientName: string; leaveTo?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const end = useMutation(trpc.emergencyAccess.end.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setError(null);
    try {
      await end.mutateAsync({ id });
      if (leaveTo) router.replace(leaveTo);
      else router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <Button variant="secondary" className="w-fit" onClick={onClick} disabled={end.isPending || end.isSuccess}>
        End access now<span className="sr-only"> to {patientName}'s record</span>
      </Button>
      {error ? (
        <Alert variant="danger" role="alert">
          {error}
        </Alert>
      ) : null}
    </>
  );
}
