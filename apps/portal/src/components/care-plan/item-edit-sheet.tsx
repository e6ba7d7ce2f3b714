"use client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  DISCIPLINE_LABELS,
  type Intervention,
  PLAN_TEXT_LIMITS,
  type PlanCommand,
  addCalendarDays,
  allowedStatusChanges,
  describeDoseBounds,
  doseOn,
  formatCalendarDate,
  formatDose,
  interventionName,
  isFinalStatus,
  ownersOf,
  reconcileDoseChange,
} from "@concord/domain/client";
import { Button } from "@concord/ui/button";
import { Fieldset } from "@concord/ui/field";
import { Input } from "@concord/ui/input";
import { NativeSelect } from "@concord/ui/native-select";
import { Sheet, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from "@concord/ui/sheet";
import { Textarea } from "@concord/ui/textarea";
import { useEditor } from "./editor-context";
import { Field, type FieldErrors, type Fields, FormError, num, optional } from "./form-kit";
import { PrescriptionFields, changedFields, prescriptionFrom, prescriptionTitle } from "./intervention-edit-forms";
import { agentOf, checkMedicationRules, isMedicationItem } from "./medication-edit-forms";
import { type EditPart, fieldsOfRefusal } from "./item-edit-refusal";

/**
 * One form per plan item, in a side panel (full screen on a phone): status, prescription, dose and
 * titration, notes; one Save sends one `editIntervention` command, so the change is one version.
 * Which statuses are offered, the dose bounds and the withdrawn titration steps come from the
 * domain; the server's refusals land on the fields they are about.
 */
export function ItemEditPanel({ item, open, onOpenChange: setOpen }: { item: Intervention; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { data, edit, busy } = useEditor();
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const name = interventionName(item);
  const id = (field: string) => `${item.id}-edit-${field}`;
  const statuses = allowedStatusChanges(item, data.viewerDiscipline);
  const medication = isMedicationItem(item) ? item : null;
  const d = item.details;
  const doseChangeable = medication !== null && (item.status === "active" || item.status === "paused");
  const [typedDose, setTypedDose] = useState("");
  // Each opening starts clean: no refusal or typed dose left from the last time.
  useEffect(() => {
    if (!open) return;
    setErrors({});
    setTypedDose("");
  }, [open]);
  const today = data.today;
  const to = num(typedDose);
  const withdrawn =
    medication && Number.isFinite(to) && to > 0 && to !== doseOn(medication.details, today) ? reconcileDoseChange(medication.details, to, today, today).withdrawn : [];
  const owners = ownersOf(item);
  const candidates = data.team.filter((m) => owners.includes(m.discipline));
  const current = item.responsibleClinicianId;
  const formerMember = current !== null && !candidates.some((m) => m.clinicianId === current);
  const tomorrow = addCalendarDays(today, 1);
  const agent = medication ? agentOf(medication) : undefined;
  const doseHint = agent ? describeDoseBounds(agent) : medication && medication.details.maxDailyDose !== null ? `At most ${formatDose(medication.details.maxDailyDose, medication.details.unit)} a day.` : undefined;

  /** The parts this Save sends, each with the control names its fields carry (for the server's refusals). */
  function build(get: Fields, form: FormData): { changes: Record<string, unknown>[]; parts: EditPart[]; errors: FieldErrors } {
    const changes: Record<string, unknown>[] = [];
    const parts: EditPart[] = [];
    const found: FieldErrors = {};
    const detailsPatch: Record<string, unknown> = {};
    if (medication) {
      const md = medication.details;
      const dosesPerDay = optional(get("dosesPerDay"));
      if (dosesPerDay !== undefined && num(dosesPerDay) !== md.dosesPerDay) detailsPatch.dosesPerDay = num(dosesPerDay);
      const schedule = get("schedule").trim();
      if (schedule !== md.schedule) detailsPatch.schedule = schedule;
      const stepDate = optional(get("stepStartsOn"));
      const stepDose = optional(get("stepDose"));
      if (stepDate || stepDose) {
        if (!stepDate) found.stepStartsOn = "Choose the day the step starts.";
        else if (!stepDose || !Number.isFinite(num(stepDose))) found.stepDose = "Enter the step's dose as a number.";
        else {
          const note = optional(get("stepNote"));
          detailsPatch.titrationSteps = [...md.titrationSteps, { startsOn: stepDate, dose: num(stepDose), ...(note ? { note } : {}) }].sort((a, b) =>
            a.startsOn.localeCompare(b.startsOn),
          );
        }
      }
      if (Object.keys(detailsPatch).length > 0) {
        // The domain's verdict before sending, beside the field it is about.
        const check = checkMedicationRules(item.custom || !item.therapyId ? { custom: true, name, category: item.category, ownerDiscipline: item.ownerDiscipline } : item.therapyId, {
          ...md,
          ...detailsPatch,
        });
        if (!check.ok) found[check.field === "titrationSteps" ? "stepDose" : check.field === "dosesPerDay" ? "dosesPerDay" : "form"] = check.message;
      }
    } else if (!isFinalStatus(item.status)) {
      Object.assign(detailsPatch, changedFields(d, prescriptionFrom(item, get, form, today)));
    }
    const note = optional(get("note")) ?? null;
    const nextReviewDate = optional(get("nextReviewDate")) ?? null;
    const responsible = optional(get("responsibleClinicianId")) ?? null;
    const update: Record<string, unknown> = { type: "updateIntervention" };
    if (Object.keys(detailsPatch).length > 0) update.details = detailsPatch;
    if (note !== item.note) update.note = note;
    if (nextReviewDate !== item.nextReviewDate) update.nextReviewDate = nextReviewDate;
    if (responsible !== current) update.responsibleClinicianId = responsible;
    if (Object.keys(update).length > 1) {
      changes.push(update);
      parts.push("details");
    }
    if (doseChangeable && medication && optional(get("to")) !== undefined) {
      const next = num(get("to"));
      const md = medication.details;
      if (!Number.isFinite(next)) found.to = "Enter the new dose as a number.";
      else if (next === doseOn(md, today)) found.to = `The dose of ${name} is already ${formatDose(next, md.unit)}.`;
      else {
        const { steps } = reconcileDoseChange(md, next, today, today);
        const check = checkMedicationRules(item.therapyId && !item.custom ? item.therapyId : { custom: true, name, category: item.category, ownerDiscipline: item.ownerDiscipline }, {
          ...md,
          dose: next,
          titrationSteps: steps,
        });
        if (!check.ok) found.to = check.message;
        else if (get("doseReason").trim().length < 2) found.doseReason = "Give a reason for the dose change.";
      }
      changes.push({ type: "recordTrialEntry", entry: { type: "dose_change", to: next, date: today, reason: get("doseReason") } });
      parts.push("dose");
    }
    const status = get("status");
    if (status && status !== item.status) {
      changes.push({ type: "changeInterventionStatus", to: status, reason: optional(get("statusReason")) });
      parts.push("status");
    }
    if (changes.length === 0 && Object.keys(found).length === 0) found.form = "Nothing has changed yet: change a field, then save.";
    return { changes, parts, errors: found };
  }

  function focusFirst(found: FieldErrors) {
    const element = formRef.current;
    if (!element) return;
    const names = Object.keys(found).filter((n) => n !== "form");
    const first = names.length > 0 ? element.querySelector<HTMLElement>(names.map((n) => `[name="${n}"]`).join(", ")) : null;
    (first ?? element.querySelector<HTMLElement>("[data-form-error]"))?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get: Fields = (k) => String(form.get(k) ?? "");
    const built = build(get, form);
    if (Object.keys(built.errors).length > 0) {
      setErrors(built.errors);
      // Focus after React has drawn the messages, so the field is announced with its error.
      requestAnimationFrame(() => focusFirst(built.errors));
      return;
    }
    setErrors({});
    const command = { type: "editIntervention", interventionId: item.id, changes: built.changes } as PlanCommand;
    const result = await edit(command, { label: name });
    if (result.saved || result.conflict) {
      // Saved (a toast says so) or refused as stale (the conflict panel on the page says why).
      setOpen(false);
      return;
    }
    const found = fieldsOfRefusal(result.error, built.parts);
    setErrors(found);
    requestAnimationFrame(() => focusFirst(found));
  }

  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetContent
        aria-describedby={id("description")}
        onCloseAutoFocus={(event) => {
          // Back to the item that was edited (its button is redrawn after a save, so find it again).
          event.preventDefault();
          document.querySelector<HTMLElement>(`[data-edit-item="${item.id}"]`)?.focus();
        }}
      >
        <SheetHeader>
          <SheetTitle>Edit {name}</SheetTitle>
          <SheetDescription id={id("description")}>One save changes the plan once, as version {data.version + 1}.</SheetDescription>
        </SheetHeader>
        <form ref={formRef} key={data.version} className="grid content-start gap-6" onSubmit={onSubmit} aria-label={`Edit ${name}`} noValidate>
          {statuses.length > 0 ? (
            <Fieldset legend="Status">
              <Field id={id("status")} label="Status" error={errors.status}>
                <NativeSelect id={id("status")} name="status" defaultValue={item.status}>
                  <option value={item.status}>{`${item.status} (now)`}</option>
                  {statuses.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Field id={id("status-reason")} label="Reason (required to stop)" error={errors.statusReason}>
                <Input id={id("status-reason")} name="statusReason" maxLength={PLAN_TEXT_LIMITS.statusReason} />
              </Field>
            </Fieldset>
          ) : null}

          {!medication && !isFinalStatus(item.status) ? (
            <Fieldset legend={prescriptionTitle(item)}>
              <PrescriptionFields item={item} errors={errors} />
            </Fieldset>
          ) : null}

          {medication && !isFinalStatus(item.status) ? (
            <Fieldset legend="Dose and titration">
              {doseChangeable ? (
                <>
                  <Field id={id("dose")} label={`New dose (${medication.details.unit})`} hint={doseHint} error={errors.to}>
                    <Input id={id("dose")} name="to" type="number" step="any" min={0} value={typedDose} onChange={(e) => setTypedDose(e.target.value)} />
                  </Field>
                  {withdrawn.length > 0 ? (
                    <p className="text-muted-foreground" aria-live="polite">
                      Planned {withdrawn.length === 1 ? "step" : "steps"} this dose makes unnecessary, withdrawn when you save:{" "}
                      {withdrawn.map((s) => `${formatDose(s.dose, medication.details.unit)} from ${formatCalendarDate(s.startsOn)}`).join(", ")}
                    </p>
                  ) : null}
                  <Field id={id("dose-reason")} label="Reason for the dose change" error={errors.doseReason}>
                    <Input id={id("dose-reason")} name="doseReason" maxLength={PLAN_TEXT_LIMITS.doseChangeReason} />
                  </Field>
                </>
              ) : null}
              <Field id={id("doses-per-day")} label="Doses per day" error={errors.dosesPerDay}>
                <Input id={id("doses-per-day")} name="dosesPerDay" type="number" min={1} step={1} defaultValue={medication.details.dosesPerDay ?? ""} />
              </Field>
              <Field id={id("schedule")} label="Timing note (optional)" error={errors.schedule}>
                <Input id={id("schedule")} name="schedule" maxLength={PLAN_TEXT_LIMITS.timingNote} defaultValue={medication.details.schedule} />
              </Field>
              <div className="flex flex-wrap items-start gap-3">
                <Field id={id("step-date")} label="Add a titration step from (optional)" error={errors.stepStartsOn}>
                  <Input id={id("step-date")} name="stepStartsOn" type="date" min={tomorrow} />
                </Field>
                <Field id={id("step-dose")} label={`Step dose (${medication.details.unit})`} error={errors.stepDose}>
                  <Input id={id("step-dose")} name="stepDose" type="number" step="any" min={0} />
                </Field>
              </div>
              <Field id={id("step-note")} label="Step note (optional)">
                <Input id={id("step-note")} name="stepNote" maxLength={PLAN_TEXT_LIMITS.stepNote} />
              </Field>
            </Fieldset>
          ) : null}

          {!isFinalStatus(item.status) ? (
            <Fieldset legend="Notes, review and responsibility">
              <Field id={id("responsible")} label="Responsible clinician" error={errors.responsibleClinicianId}>
                <NativeSelect id={id("responsible")} name="responsibleClinicianId" defaultValue={current ?? ""}>
                  <option value="">Not assigned</option>
                  {formerMember ? <option value={current}>{`${data.names[current] ?? "A former team member"} (no longer on the team)`}</option> : null}
                  {candidates.map((m) => (
                    <option key={m.clinicianId} value={m.clinicianId}>
                      {m.name} ({DISCIPLINE_LABELS[m.discipline]})
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Field id={id("next-review")} label="Next review (leave empty for none)" error={errors.nextReviewDate}>
                <Input id={id("next-review")} name="nextReviewDate" type="date" defaultValue={item.nextReviewDate ?? ""} />
              </Field>
              <Field id={id("note")} label="Note for the team" error={errors.note}>
                <Textarea id={id("note")} name="note" maxLength={PLAN_TEXT_LIMITS.note} defaultValue={item.note ?? ""} />
              </Field>
            </Fieldset>
          ) : null}

          <div data-form-error tabIndex={-1} className="empty:hidden">
            <FormError error={errors.form} />
          </div>
          <SheetFooter>
            <Button type="submit" disabled={busy}>
              Save changes to {name}
            </Button>
          </SheetFooter>
        </form>
      </SheetContent>
    </Sheet>
  );
}
