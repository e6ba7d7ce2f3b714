"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import type { RouterOutputs } from "@concord/api";
import { CRPS_CODES, type CrpsCode, ROLE_LABELS, type Role, STAFF_ROLES, describeTimeZone } from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { ZonedTime } from "~/components/viewer-clock";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { refusalOf } from "./field-errors";

type Invitation = RouterOutputs["admin"]["users"]["list"]["items"][number]["invitation"];
type Delivery = RouterOutputs["admin"]["users"]["invite"]["invitation"];

function Feedback({ error, success, warning }: { error: string | null; success: string | null; warning?: string | null }) {
  if (error) return <div className="alert error" role="alert">{error}</div>;
  if (warning) return <div className="alert warning" role="alert">{warning}</div>;
  if (success) return <div className="alert success" role="status">{success}</div>;
  return null;
}

/** A server refusal about this field, shown under it and tied to the input. */
function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? <p id={id} className="alert error" role="alert" style={{ margin: ".25rem 0 0" }}>{message}</p> : null;
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error: string | null; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p id={`${id}-hint`} className="muted">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** aria props tying an input to its hint and its error. */
function described(id: string, error: string | null, hint = false) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined };
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
  clinicTimeZone,
  patientsOnly = false,
}: {
  timeZones: readonly string[];
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
    <form className="stack" onSubmit={onSubmit} aria-label="Invite a person" noValidate>
      <Feedback error={general ?? unplaced} success={result.success} warning={result.warning} />
      {patientsOnly ? null : (
        <fieldset className="inline" style={{ border: 0, padding: 0 }}>
          <legend>Who are you inviting?</legend>
          <label><input type="radio" name="kind" value="staff" checked={kind === "staff"} onChange={() => setKind("staff")} style={{ width: "auto" }} /> Clinician or administrator</label>
          <label><input type="radio" name="kind" value="patient" checked={kind === "patient"} onChange={() => setKind("patient")} style={{ width: "auto" }} /> Patient</label>
        </fieldset>
      )}
      <Field id="new-name" label="Full name" error={errorFor("name")}>
        <input id="new-name" name="name" required maxLength={120} {...described("new-name", errorFor("name"))} />
      </Field>
      <Field id="new-email" label={kind === "patient" ? "Contact email (the invitation goes here)" : "Email (the invitation goes here)"} error={errorFor("email")}>
        <input id="new-email" name="email" type="email" required autoComplete="off" {...described("new-email", errorFor("email"))} />
      </Field>
      {kind === "staff" ? (
        <Field id="new-role" label="Role" error={errorFor("role")}>
          <select id="new-role" name="role" defaultValue="physical_therapist" {...described("new-role", errorFor("role"))}>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r]}</option>
            ))}
          </select>
        </Field>
      ) : (
        <fieldset className="stack" style={{ border: "1px solid var(--border)", borderRadius: 6 }}>
          <legend>Patient details</legend>
          <Field id="new-dob" label="Date of birth" error={errorFor("patient.dateOfBirth")}>
            <input id="new-dob" name="dateOfBirth" type="date" required {...described("new-dob", errorFor("patient.dateOfBirth"))} />
          </Field>
          <Field
            id="new-phone"
            label="Contact phone"
            error={errorFor("patient.phone")}
            hint="So the team can call the patient, e.g. about an urgent alert. Digits, spaces, +, - and brackets; 7 to 20 digits."
          >
            <input id="new-phone" name="phone" type="tel" autoComplete="off" maxLength={40} {...described("new-phone", errorFor("patient.phone"), true)} />
          </Field>
          <Field id="new-mrn" label="Medical record number (optional)" error={errorFor("patient.mrn")}>
            <input id="new-mrn" name="mrn" autoComplete="off" maxLength={40} {...described("new-mrn", errorFor("patient.mrn"))} />
          </Field>
          <Field id="new-dx" label="Diagnosis (ICD-10-CM)" error={errorFor("patient.diagnosisCode")} hint={`Limb: ${CRPS_CODES[diagnosis].limb}`}>
            <select id="new-dx" name="diagnosisCode" value={diagnosis} onChange={(e) => setDiagnosis(e.target.value as CrpsCode)} {...described("new-dx", errorFor("patient.diagnosisCode"), true)}>
              {Object.entries(CRPS_CODES).map(([code, info]) => (
                <option key={code} value={code}>{code} — {info.label}</option>
              ))}
            </select>
          </Field>
          <Field id="new-onset" label="Onset date" error={errorFor("patient.onsetDate")}>
            <input id="new-onset" name="onsetDate" type="date" required {...described("new-onset", errorFor("patient.onsetDate"))} />
          </Field>
        </fieldset>
      )}
      <Field
        id="new-zone"
        label="Time zone"
        error={errorFor("timeZone")}
        hint="Times are shown on this clock; for a patient it is also the clock of their day (check-in dates, “this week”, dose steps). They can change it in Settings."
      >
        <select id="new-zone" name="timeZone" defaultValue="" {...described("new-zone", errorFor("timeZone"), true)}>
          <option value="">Clinic default ({describeTimeZone(clinicTimeZone)})</option>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>{describeTimeZone(zone)}</option>
          ))}
        </select>
      </Field>
      <p className="muted">They receive an email with a link to set their own password. The link works once and expires after 72 hours.</p>
      <button type="submit" disabled={pending}>{pending ? "Sending…" : kind === "patient" ? "Register and invite" : "Send invitation"}</button>
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
  if (invitation.state === "accepted") return <span className="muted"> · Accepted</span>;

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
      <button type="button" className="secondary" disabled={resend.isPending} aria-label={`${label} invitation to ${name}`} onClick={() => run(() => resend.mutateAsync({ userId }))}>
        {label}
      </button>
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
          <button type="button" className="secondary" disabled={revoke.isPending} aria-label={`Withdraw invitation to ${name}`} onClick={() => run(() => revoke.mutateAsync({ userId }))}>
            Withdraw
          </button>
        </>
      );
      break;
    case "not_sent":
      text = <span className="badge danger" title={invitation.emailError ?? undefined}>Not sent</span>;
      actions = resendButton("Retry");
      break;
    case "expired":
      text = <span className="badge warn">Expired</span>;
      actions = resendButton("Resend");
      break;
    case "revoked":
      text = <span className="badge warn">Invitation withdrawn</span>;
      actions = resendButton("Resend");
      break;
    default:
      text = null;
  }
  return (
    <div className="inline" data-testid={`invitation-${userId}`}>
      <span>{text}</span>
      {actions}
      {notice ? <span role="status" className="badge ok">{notice}</span> : null}
      {error ? <span role="alert" className="badge danger">{error}</span> : null}
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
      <button
        type="button"
        className={active ? "danger" : "secondary"}
        disabled={setActive.isPending}
        aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}
        onClick={() => {
          setError(null);
          if (active) setConfirming(true);
          else void apply(true);
        }}
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
      {!confirming && error ? <span role="alert" className="badge danger">{error}</span> : null}
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
      className="inline"
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
      <div>
        <label htmlFor={selectId} className="sr-only">Clinician to add to {patientName}&apos;s team</label>
        <select id={selectId} name="clinicianId" required>
          {clinicians.map((c) => (
            <option key={c.id} value={c.id}>{c.name} — {ROLE_LABELS[c.role]}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary" disabled={assign.isPending}>Add to team</button>
      {error ? <span role="alert" className="badge danger">{error}</span> : null}
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
      <button type="button" className="secondary" aria-label={`Remove ${clinicianName} from ${patientName}'s team`} disabled={remove.isPending} onClick={() => setConfirming(true)}>
        Remove
      </button>
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
