import { formatDateTime } from "@concord/domain";
import type { OutgoingEmail } from "../mail/mailer";

/**
 * The reset email: a greeting, what the link is for, the link and when it stops working. No clinical
 * content (not a diagnosis, a team or a clinic's name beyond "Concord"), so it is safe in any inbox.
 */
export function passwordResetEmail(opts: { to: string; name: string; link: string; expiresAt: Date; timeZone: string }): OutgoingEmail {
  const expires = formatDateTime(opts.expiresAt, opts.timeZone);
  return {
    to: opts.to,
    subject: "Reset your Concord password",
    text: [
      `Hello ${opts.name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Concord account.",
      "",
      `Choose a new password here: ${opts.link}`,
      "",
      `This link works once and expires at ${expires} (30 minutes after it was sent).`,
      "Resetting your password signs you out of Concord everywhere.",
      "",
      "If you did not ask for this, you can ignore this email: your password stays the same.",
    ].join("\n"),
  };
}
