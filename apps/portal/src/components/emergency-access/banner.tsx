import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Banner } from "@concord/ui/alert";
import { When } from "~/components/viewer-clock";
import { EndAccessButton } from "./end-access-button";

export interface EmergencyAccessView {
  /** The access to end (null when the list could not name it: the time is still shown). */
  id: string | null;
  until: Date;
}

/**
 * Shown at the top of a patient's pages opened under emergency access: read-only, until when, and
 * the way to end it. The team's own view never carries it.
 */
export function EmergencyAccessBanner({ access, patientName }: { access: EmergencyAccessView; patientName: string }) {
  return (
    <Banner variant="warning" role="status" aria-label="Emergency access" data-testid="emergency-banner">
      <ShieldAlert aria-hidden="true" />
      <div className="grid gap-2">
        <p className="font-bold">
          Emergency access · read-only · ends at <When at={access.until} />
        </p>
        <p>
          You are not on {patientName}'s care team. You can read their record but not change it or send messages; every page you open is recorded
          with your reason, and their care team has been told. <Link href="/emergency-access">Your emergency accesses</Link>
        </p>
        {access.id ? <EndAccessButton id={access.id} patientName={patientName} leaveTo="/emergency-access" /> : null}
      </div>
    </Banner>
  );
}
