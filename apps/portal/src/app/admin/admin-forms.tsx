"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import type { RouterOutputs } from "@concord/api";
import { CRPS_CODES, type CrpsCode, ROLE_LABELS, type Role, STAFF_ROLES, describeTimeZone } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Badge } from "@concord/ui/badge";
import { Button } from "@concord/ui/button";
import { Field, Fieldset } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { Label } from "@concord/ui/label";
import { NativeSelect } from "@concord/ui/native-select";
import { RadioField, RadioGroup } from "@concord/ui/radio-group";
import { errorMessage } from "~/components/error-message";
import { ZonedTime } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { refusalOf } from "~/components/field-errors";

type Invitation = RouterOutputs["admin"]["users"]["list"]["items"][number]["invitation"];
type Delivery = RouterOutputs["admin"]["users"]["invite"]["invitation"];

function Feedback({ error, success, warning }: { error: string | null; success: string | null; warning?: string | null }) {
  if (error)
    return (
      <Alert variant="danger" role="alert">
        {error}
      </Alert>
    );
  if (warning)
    return (
      <Alert variant="warning" role="alert">
        {warning}
      </Alert>
    );
  if (success)
    return (
      <Alert variant="success" role="status">
        {success}
      </Alert>
    );
  return null;
}

function deliveryMessage(name: string, invitation: Delivery): { success: string | null; warning: string | null } {
  if (invitation.emailStatus === "sent") return { success: `Invitation sent to ${name}. The link works once and expires in 72 hours.`, warning: null };
  return { success: null, warning: `${name}'s account is ready, but the invitation email was not sent (${invitation.emailError ?? "unknown error"}). Use “Retry” in the account list.` };
}

/**
 * Invite a person: a clinician or administrator by email, or a patient with their record. Nobody types
 * a password here: the person sets their own through the emailed link.
 */
export function InviteForm({
  timeZones,
  zoneLabels,
  clinicTimeZone,
  patientsOnly = false,
}: {
  timeZones: readonly string[];
  /** The zones' descriptions (and the clinic zone's), made by the server. */
  zoneLabels: Readonly<Record<string, string>>;
  clinicTimeZone: string;
  /** A pain physician's form: patients only (they join the patient's care team). */
  patientsOnly?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<"staff" | "patient">(patientsOnly ? "patient" : "staff");
  const [diagnosis, setDiagnosis] = useState<CrpsCode>("G90.511");
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const [result, setResult] = useState<{ success: string | null; warning: string | null }>({ success: null, warning: null });
  const invite = useMutation(trpc.admin.users.invite.mutationOptions());
  const register = useMutation(trpc.patients.register.mutationOptions());
  const pending = invite.isPending || register.isPending;
  const errorFor = (...fields: string[]) => (refusal?.field && fields.includes(refusal.field) ? refusal.message : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const get = (k: string) => String(form.get(k) ?? "");
    setRefusal(null);
    setResult({ success: null, warning: null });
    try {
      const common = { email: get("email"), name: get("name"), timeZone: get("timeZone") || null };
      const made =
        kind === "staff"
          ? await invite.mutateAsync({ ...common, role: get("role") as (typeof STAFF_ROLES)[number] })
          : await register.mutateAsync({
              ...common,
              patient: {
                dateOfBirth: get("dateOfBirth"),
                diagnosisCode: diagnosis,
                onsetDate: get("onsetDate"),
                phone: get("phone") || undefined,
                mrn: get("mrn") || undefined,
              },
            });
      setResult(deliveryMessage(made.name, made.invitation));
      formElement.reset();
      router.refresh();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  const general = refusal && !refusal.field ? refusal.message : null;
  const unplaced = refusal?.field && !["email", "name", "role", "timeZone", "patient.dateOfBirth", "patient.diagnosisCode", "patient.onsetDate", "patient.phone", "patient.mrn"].includes(refusal.field) ? refusal.message : null;
  return (
    <form className="grid gap-4" onSubmit={onSubmit} aria-label="Invite a person" noValidate>
      <Feedback error={general ?? unplaced} success={result.success} warning={result.warning} />
      {patientsOnly ? null : (
        <Fieldset legend="Who are you inviting?" className="gap-0">
          <RadioGroup className="gap-0">
            <RadioField id="new-kind-staff" name="kind" value="staff" checked={kind === "staff"} onChange={() => setKind("staff")} label="Clinician or administrator" />
            <RadioField id="new-kind-patient" name="kind" value="patient" checked={kind === "patient"} onChange={() => setKind("patient")} label="Patient" />
          </RadioGroup>
        </Fieldset>
      )}
      <Field id="new-name" label="Full name" error={errorFor("name")} errorRole="alert">
        <Input name="name" required maxLength={120} />
      </Field>
      <Field id="new-email" label={kind === "patient" ? "Contact email (the invitation goes here)" : "Email (the invitation goes here)"} error={errorFor("email")} errorRole="alert">
        <Input name="email" type="email" required autoComplete="off" />
      </Field>
      {kind === "staff" ? (
        <Field id="new-role" label="Role" error={errorFor("role")} errorRole="alert">
          <NativeSelect name="role" defaultValue="physical_therapist">
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : (
        <Fieldset legend="Patient details" className="rounded-lg border p-4" legendClassName="px-1">
          <Field id="new-dob" label="Date of birth" error={errorFor("patient.dateOfBirth")} errorRole="alert">
            <Input name="dateOfBirth" type="date" required />
          </Field>
          <Field
            id="new-phone"
            label="Contact phone"
            error={errorFor("patient.phone")}
            errorRole="alert"
            hint="So the team can call the patient, e.g. about an urgent alert. Digits, spaces, +, - and brackets; 7 to 20 digits."
          >
            <Input name="phone" type="tel" autoComplete="off" maxLength={40} />
          </Field>
          <Field id="new-mrn" label="Medical record number (optional)" error={errorFor("patient.mrn")} errorRole="alert">
            <Input name="mrn" autoComplete="off" maxLength={40} />
          </Field>
          <Field id="new-dx" label="Diagnosis (ICD-10-CM)" error={errorFor("patient.diagnosisCode")} errorRole="alert" hint={`Limb: ${CRPS_CODES[diagnosis].limb}`}>
            <NativeSelect name="diagnosisCode" value={diagnosis} onChange={(e) => setDiagnosis(e.target.value as CrpsCode)}>
              {Object.entries(CRPS_CODES).map(([code, info]) => (
                <option key={code} value={code}>
                  {code} — {info.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="new-onset" label="Onset date" error={errorFor("patient.onsetDate")} errorRole="alert">
            <Input name="onsetDate" type="date" required />
          </Field>
        </Fieldset>
      )}
      <Field
        id="new-zone"
        label="Time zone"
        error={errorFor("timeZone")}
        errorRole="alert"
        hint="Times are shown on this clock; for a patient it is also the clock of their day (check-in dates, “this week”, dose steps). They can change it in Settings."
      >
        <NativeSelect name="timeZone" defaultValue="">
          <option value="">Clinic default ({zoneLabels[clinicTimeZone] ?? describeTimeZone(clinicTimeZone)})</option>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zoneLabels[zone] ?? describeTimeZone(zone)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <p className="text-muted-foreground">They receive an email with a link to set their own password. The link works once and expires after 72 hours.</p>
      <Button type="submit" className="w-fit" disabled={pending}>
        {pending ? "Sending…" : kind === "patient" ? "Register and invite" : "Send invitation"}
      </Button>
    </form>
  );
}

/** The state of a person's invitation, with the one action that helps. Never a link or a password. */
export function InvitationStatus({ userId, name, active, invitation }: { userId: string; name: string; active: boolean; invitation: Invitation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const resend = useMutation(trpc.admin.users.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.admin.users.revokeInvitation.mutationOptions());
  if (!invitation) return null;
  if (invitation.state === "accepted") return <span className="text-muted-foreground"> · Accepted</span>;

  async function run(action: () => Promise<{ invitation?: Delivery } | { revoked: number }>) {
    setError(null);
    setNotice(null);
    try {
      const result = await action();
      if ("revoked" in result) setNotice(`The invitation to ${name} was withdrawn; the link no longer works.`);
      else if (result.invitation?.emailStatus === "failed") setError(`The email was not sent again: ${result.invitation.emailError ?? "unknown error"}`);
      else if (result.invitation) setNotice(`A new invitation was sent to ${name}.`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const resendButton = (label: string) =>
    active ? (
      <Button variant="secondary" size="sm" disabled={resend.isPending} aria-label={`${label} invitation to ${name}`} onClick={() => run(() => resend.mutateAsync({ userId }))}>
        {label}
      </Button>
    ) : null;

  let text: ReactNode;
  let actions: ReactNode = null;
  switch (invitation.state) {
    case "sent":
    case "pending":
      text = (
        <>
          Invitation sent <ZonedTime at={invitation.sentAt} />, expires <ZonedTime at={invitation.expiresAt} />
        </>
      );
      actions = (
        <>
          {resendButton("Resend")}
          <Button variant="secondary" size="sm" disabled={revoke.isPending} aria-label={`Withdraw invitation to ${name}`} onClick={() => run(() => revoke.mutateAsync({ userId }))}>
            Withdraw
          </Button>
        </>
      );
      break;
    case "not_sent":
      text = (
        <Badge variant="danger" title={invitation.emailError ?? undefined}>
          Not sent
        </Badge>
      );
      actions = resendButton("Retry");
      break;
    case "expired":
      text = <Badge variant="warning">Expired</Badge>;
      actions = resendButton("Resend");
      break;
    case "revoked":
      text = <Badge variant="warning">Invitation withdrawn</Badge>;
      actions = resendButton("Resend");
      break;
    default:
      text = null;
  }
  return (
    <div className="mt-1 flex flex-wrap items-center gap-2 text-sm" data-testid={`invitation-${userId}`}>
      <span>{text}</span>
      {actions}
      {notice ? (
        <Badge role="status" variant="success" className="whitespace-normal">
          {notice}
        </Badge>
      ) : null}
      {error ? (
        <Badge role="alert" variant="danger" className="whitespace-normal">
          {error}
        </Badge>
      ) : null}
    </div>
  );
}

/** Deactivation asks first, naming the person and what happens; reactivation undoes it at once. */
export function ActiveToggle({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const setActive = useMutation(trpc.admin.users.setActive.mutationOptions());

  async function apply(next: boolean) {
    setError(null);
    try {
      await setActive.mutateAsync({ userId, active: next });
      setConfirming(false);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        className={active ? "text-danger-soft-foreground" : undefined}
        disabled={setActive.isPending}
        aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}
        onClick={() => {
          setError(null);
          if (active) setConfirming(true);
          else void apply(true);
        }}
      >
        {active ? "Deactivate" : "Reactivate"}
      </Button>
      {!confirming && error ? (
        <Badge role="alert" variant="danger" className="whitespace-normal">
          {error}
        </Badge>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Deactivate ${name}?`}
        confirmLabel="Deactivate"
        pending={setActive.isPending}
        error={confirming ? error : null}
        onConfirm={() => void apply(false)}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <p>They are signed out at once and cannot sign in until reactivated. An invitation they have not used yet stops working. Nothing in their records is deleted, and you can reactivate them later.</p>
      </ConfirmDialog>
    </>
  );
}

export function AssignClinicianForm({
  patientId,
  patientName,
  clinicians,
  idPrefix = "assign",
}: {
  patientId: string;
  patientName: string;
  clinicians: Array<{ id: string; name: string; role: Role }>;
  /** Keeps element ids unique when the same patient's form appears twice on a page. */
  idPrefix?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const assign = useMutation(trpc.admin.careTeams.assign.mutationOptions());
  const selectId = `${idPrefix}-${patientId}`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const clinicianId = String(new FormData(event.currentTarget).get("clinicianId") ?? "");
        setError(null);
        try {
          await assign.mutateAsync({ patientId, clinicianId });
          router.refresh();
        } catch (e) {
          setError(errorMessage(e));
        }
      }}
    >
      <div className="min-w-56 flex-1 sm:flex-none">
        <Label htmlFor={selectId} className="sr-only">
          Clinician to add to {patientName}&apos;s team
        </Label>
        <NativeSelect id={selectId} name="clinicianId" required>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} — {ROLE_LABELS[c.role]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="secondary" disabled={assign.isPending}>
        Add to team
      </Button>
      {error ? (
        <Badge role="alert" variant="danger" className="whitespace-normal">
          {error}
        </Badge>
      ) : null}
    </form>
  );
}

/** Removing someone from a team asks first, naming both people and what changes; a refusal is shown. */
export function RemoveMemberButton({ patientId, patientName, clinicianId, clinicianName }: { patientId: string; patientName: string; clinicianId: string; clinicianName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(trpc.admin.careTeams.remove.mutationOptions());
  return (
    <>
      <Button variant="ghost" size="sm" className="text-danger-soft-foreground" aria-label={`Remove ${clinicianName} from ${patientName}'s team`} disabled={remove.isPending} onClick={() => setConfirming(true)}>
        Remove
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Remove ${clinicianName} from ${patientName}'s care team?`}
        confirmLabel="Remove from team"
        pending={remove.isPending}
        error={error}
        onConfirm={async () => {
          setError(null);
          try {
            await remove.mutateAsync({ patientId, clinicianId });
            setConfirming(false);
            router.refresh();
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
        onCancel={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <p>
          {clinicianName} will no longer see {patientName}&apos;s record or be told about their alerts and messages. Their past notes stay in the record, and you can
          add them to the team again later.
        </p>
      </ConfirmDialog>
    </>
  );
}
