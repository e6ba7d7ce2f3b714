"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { CRPS_CODES, ROLES, ROLE_LABELS, type Role, describeTimeZone } from "@concord/domain";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

function Feedback({ error, success }: { error: string | null; success: string | null }) {
  if (error) return <div className="alert error" role="alert">{error}</div>;
  if (success) return <div className="alert success" role="status">{success}</div>;
  return null;
}

/** `timeZones`: the zones to offer (from the server); an account left on the clinic default follows the clinic. */
export function CreateAccountForm({ timeZones, clinicTimeZone }: { timeZones: readonly string[]; clinicTimeZone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [role, setRole] = useState<Role>("physical_therapist");
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const create = useMutation(trpc.admin.users.create.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const get = (k: string) => String(form.get(k) ?? "");
    setError(null);
    setSuccess(null);
    try {
      const created = await create.mutateAsync({
        email: get("email"),
        name: get("name"),
        role,
        password: get("password"),
        timeZone: get("timeZone") || null,
        patient: role === "patient" ? { dateOfBirth: get("dateOfBirth"), diagnosisCode: get("diagnosisCode") as never, onsetDate: get("onsetDate"), phone: get("phone") || undefined } : undefined,
      });
      setSuccess(`Created ${created.name} (${ROLE_LABELS[created.role]}).`);
      formElement.reset();
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Create an account">
      <Feedback error={error} success={success} />
      <div>
        <label htmlFor="new-name">Full name</label>
        <input id="new-name" name="name" required maxLength={120} />
      </div>
      <div>
        <label htmlFor="new-email">Email</label>
        <input id="new-email" name="email" type="email" required />
      </div>
      <div>
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </select>
      </div>
      {role === "patient" ? (
        <fieldset className="stack" style={{ border: "1px solid var(--border)", borderRadius: 6 }}>
          <legend>Patient details</legend>
          <div>
            <label htmlFor="new-dob">Date of birth</label>
            <input id="new-dob" name="dateOfBirth" type="date" required />
          </div>
          <div>
            <label htmlFor="new-dx">Diagnosis (ICD-10-CM)</label>
            <select id="new-dx" name="diagnosisCode" required>
              {Object.entries(CRPS_CODES).map(([code, info]) => (
                <option key={code} value={code}>{code} — {info.label}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="new-onset">Onset date</label>
            <input id="new-onset" name="onsetDate" type="date" required />
          </div>
          <div>
            <label htmlFor="new-phone">Phone (optional)</label>
            <input id="new-phone" name="phone" type="tel" autoComplete="off" maxLength={40} aria-describedby="new-phone-hint" />
            <p id="new-phone-hint" className="muted">So the team can call the patient, e.g. about an urgent alert. Digits, spaces, +, - and brackets; 7 to 20 digits.</p>
          </div>
        </fieldset>
      ) : null}
      <div>
        <label htmlFor="new-zone">Time zone</label>
        <select id="new-zone" name="timeZone" defaultValue="" aria-describedby="new-zone-hint">
          <option value="">Clinic default ({describeTimeZone(clinicTimeZone)})</option>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>{describeTimeZone(zone)}</option>
          ))}
        </select>
        <p id="new-zone-hint" className="muted">Times are shown on this clock; for a patient it is also the clock of their day (check-in dates, “this week”, dose steps). They can change it in Settings.</p>
      </div>
      <div>
        <label htmlFor="new-password">Initial password (at least 12 characters)</label>
        <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={12} />
      </div>
      <button type="submit" disabled={create.isPending}>Create account</button>
    </form>
  );
}

export function ActiveToggle({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const setActive = useMutation(trpc.admin.users.setActive.mutationOptions());
  return (
    <>
      <button
        type="button"
        className={active ? "danger" : "secondary"}
        disabled={setActive.isPending}
        aria-label={`${active ? "Deactivate" : "Reactivate"} ${name}`}
        onClick={async () => {
          setError(null);
          try {
            await setActive.mutateAsync({ userId, active: !active });
            router.refresh();
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
      {error ? <span role="alert" className="badge danger">{error}</span> : null}
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

export function RemoveMemberButton({ patientId, clinicianId, label }: { patientId: string; clinicianId: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.admin.careTeams.remove.mutationOptions());
  return (
    <button
      type="button"
      className="secondary"
      aria-label={`Remove ${label}`}
      disabled={remove.isPending}
      onClick={async () => {
        await remove.mutateAsync({ patientId, clinicianId }).catch(() => undefined);
        router.refresh();
      }}
    >
      Remove
    </button>
  );
}
