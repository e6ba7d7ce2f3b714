import { formatDateTime } from "@concord/domain";
import type { OutgoingEmail } from "../mail/mailer";

/**
 * The invitation email. No clinical content: not the diagnosis, not the care team, not who on the
 * team registered the person — a greeting, who invited them, the link and when it stops working.
 */
export function invitationEmail(v: {
  to: string;
  inviteeName: string;
  /** The admin's name; null when a clinician registered the patient (naming them would reveal the care relationship). */
  inviterName: string | null;
  link: string;
  expiresAt: Date;
  timeZone: string;
}): OutgoingEmail {
  const by = v.inviterName ? `by ${v.inviterName}` : "by your clinic";
  return {
    to: v.to,
    subject: "Your invitation to Concord",
    text: [
      `Hello ${v.inviteeName},`,
      "",
      `You have been invited to Concord ${by}. Concord is where you and your clinic keep in touch about your care.`,
      "",
      `Set your password here: ${v.link} .`,
      "",
      `This link works once and expires on ${formatDateTime(v.expiresAt, v.timeZone)}. If it has expired, ask your clinic to send a new one.`,
      "",
      "If you were not expecting this email, you can ignore it: no account can be used until a password is set with this link.",
    ].join("\n"),
  };
}
