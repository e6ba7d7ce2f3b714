"use client";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { EMERGENCY_REASON_MAX, EMERGENCY_REASON_MIN } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { Textarea } from "@concord/ui/textarea";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

type FieldName = "name" | "dateOfBirth" | "mrn" | "reason";
type FieldErrors = Partial<Record<FieldName, string>>;
const FIELDS: readonly FieldName[] = ["name", "dateOfBirth", "mrn", "reason"];

/** The first message per field from the server's fieldErrors (its zod flatten). */
function firstPerField(fieldErrors: Record<string, string[] | undefined> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const field of FIELDS) {
    const message = fieldErrors?.[field]?.[0];
    if (message) out[field] = message;
  }
  return out;
}

/**
 * "Break the glass": the clinician names the patient exactly (full name, date of birth, the record
 * number when they have it) and says why. The server checks the fields (zod stays out of the browser
 * bundle) and its field errors land on the fields; its other refusals (no exact match, already on the
 * team) are shown above the form.
 */
export function OpenEmergencyAccessForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const open = useMutation(trpc.emergencyAccess.open.mutationOptions());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "");
    const raw = { name: get("name"), dateOfBirth: get("dateOfBirth"), mrn: get("mrn") || undefined, reason: get("reason") };
    setGeneral(null);
    setErrors({});
    try {
      const opened = await open.mutateAsync(raw);
      router.push(`/patients/${opened.patientId}`);
    } catch (error) {
      const fieldErrors = error instanceof TRPCClientError ? (error.data as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors : undefined;
      const placed = firstPerField(fieldErrors);
      if (Object.keys(placed).length > 0) setErrors(placed);
      else setGeneral(errorMessage(error));
    }
  }

  return (
    <form className="grid max-w-xl gap-4" onSubmit={onSubmit} aria-label="Open a record in an emergency" noValidate>
      {general ? (
        <Alert variant="danger" role="alert">
          {general}
        </Alert>
      ) : null}
      <Field id="ea-name" errorRole="alert" label="Patient's full name" error={errors.name} hint="As on their documents; it must match exactly (capitals and extra spaces do not matter).">
        <Input name="name" required maxLength={120} autoComplete="off" />
      </Field>
      <Field id="ea-dob" errorRole="alert" label="Date of birth" error={errors.dateOfBirth}>
        <Input name="dateOfBirth" type="date" required />
      </Field>
      <Field id="ea-mrn" errorRole="alert" label="Medical record number (optional)" error={errors.mrn} hint="If you give it, it must match too.">
        <Input name="mrn" maxLength={40} autoComplete="off" />
      </Field>
      <Field
        id="ea-reason"
        errorRole="alert"
        label="Reason"
        error={errors.reason}
        hint={`Why you need this record now, in ${EMERGENCY_REASON_MIN} to ${EMERGENCY_REASON_MAX} characters. It is kept with the access and shown to the patient, their care team and the compliance officer.`}
      >
        <Textarea name="reason" required minLength={EMERGENCY_REASON_MIN} maxLength={EMERGENCY_REASON_MAX} />
      </Field>
      <Button type="submit" variant="destructive" className="w-fit" disabled={open.isPending}>
        {open.isPending ? "Opening…" : "Open record in an emergency"}
      </Button>
    </form>
  );
}
