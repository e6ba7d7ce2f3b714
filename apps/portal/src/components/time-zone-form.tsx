"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { describeTimeZone, formatCalendarDate, formatDateTime } from "@concord/domain/client";
import { Alert } from "@concord/ui/alert";
import { Button } from "@concord/ui/button";
import { Field } from "@concord/ui/field";
import { NativeSelect } from "@concord/ui/native-select";
import { errorMessage } from "~/components/error-message";
import { useTRPC } from "~/trpc/react";

/** The zone this device is set to, read after the page has loaded (the server cannot know it). */
function useDeviceTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone ?? null);
  }, []);
  return zone;
}

interface ZoneChoiceProps {
  /** The zone chosen now; null: the clinic default. */
  current: string | null;
  clinicTimeZone: string;
  /** The zone names to offer (from the server, so the list renders the same on both sides). */
  zones: readonly string[];
  /** Their descriptions and the clinic zone's, made by the server (see describeTimeZones). */
  labels: Readonly<Record<string, string>>;
  label: string;
  hint: string;
  saving: boolean;
  onSave: (timeZone: string | null) => Promise<string>;
}

/**
 * A select of IANA zones: the clinic default first, then "this device's zone" once the browser has
 * said which it is, then every zone by name. Saving shows what the chosen clock reads now.
 */
function ZoneChoice({ current, clinicTimeZone, zones, labels, label, hint, saving, onSave }: ZoneChoiceProps) {
  const describe = (zone: string) => labels[zone] ?? describeTimeZone(zone);
  const id = useId();
  const device = useDeviceTimeZone();
  const [value, setValue] = useState(current ?? "");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const listed = new Set(zones);
  const extra = [current, device].filter((z): z is string => Boolean(z) && !listed.has(z as string));
  const options = [...new Set([...extra, ...zones])];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    try {
      setStatus({ ok: true, text: await onSave(value === "" ? null : value) });
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) });
    }
  }

  return (
    <form className="grid max-w-xl gap-3" onSubmit={onSubmit} aria-label={label}>
      {status ? (
        <Alert variant={status.ok ? "success" : "danger"} role={status.ok ? "status" : "alert"}>
          {status.text}
        </Alert>
      ) : null}
      <Field id={`${id}-zone`} label={label} hint={hint}>
        <NativeSelect name="timeZone" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">Clinic default ({describe(clinicTimeZone)})</option>
          {device ? <option value={device}>Use this device’s zone ({describeTimeZone(device)})</option> : null}
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {describe(zone)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Button type="submit" className="w-fit" disabled={saving}>
        Save time zone
      </Button>
    </form>
  );
}

function savedText(result: { timeZone: string; today: string }, who: string) {
  return `${who} now ${formatDateTime(new Date(), result.timeZone)}; today is ${formatCalendarDate(result.today)} there.`;
}

/** The signed-in person's own zone (for a patient, also the zone of their day). */
export function OwnTimeZoneForm(props: { current: string | null; clinicTimeZone: string; zones: readonly string[]; labels: Readonly<Record<string, string>>; isPatient: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.me.setTimeZone.mutationOptions());
  return (
    <ZoneChoice
      current={props.current}
      clinicTimeZone={props.clinicTimeZone}
      zones={props.zones}
      labels={props.labels}
      label="Your time zone"
      hint={
        props.isPatient
          ? "Times are shown on this clock, and your day follows it: which day a check-in belongs to, “this week” in your plan and when a new dose starts."
          : "Every time in Concord is shown on this clock, with the zone named."
      }
      saving={save.isPending}
      onSave={async (timeZone) => {
        const result = await save.mutateAsync({ timeZone });
        // The layout holds the clock every page reads: render it again with the new zone.
        router.refresh();
        return savedText(result, "Saved. It is");
      }}
    />
  );
}

/** A patient's zone, set by the care team on the patient's record (for example after a move). */
export function PatientTimeZoneForm(props: { patientId: string; patientName: string; current: string | null; clinicTimeZone: string; zones: readonly string[]; labels: Readonly<Record<string, string>> }) {
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.patients.setTimeZone.mutationOptions());
  return (
    <ZoneChoice
      current={props.current}
      clinicTimeZone={props.clinicTimeZone}
      zones={props.zones}
      labels={props.labels}
      label={`${props.patientName}’s time zone`}
      hint={`${props.patientName}’s day follows it: the date of a check-in, “this week” in the plan, when a dose step starts and the decision-support rules.`}
      saving={save.isPending}
      onSave={async (timeZone) => {
        const result = await save.mutateAsync({ patientId: props.patientId, timeZone });
        router.refresh();
        return savedText(result, `Saved. For ${props.patientName} it is`);
      }}
    />
  );
}
