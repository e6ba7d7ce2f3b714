import type { OutgoingEmail } from "../mail/mailer";

/** Tells the person their two-factor sign-in was reset by an administrator. No clinical content. */
export function secondFactorResetEmail(opts: { to: string; name: string; signInUrl: string }): OutgoingEmail {
  return {
    to: opts.to,
    subject: "Your Concord two-factor sign-in was reset",
    text: [
      `Hello ${opts.name},`,
      "",
      "An administrator at your clinic has reset the two-factor sign-in of your Concord account.",
      "Your authenticator app and your recovery codes no longer work for this account.",
      "",
      `The next time you sign in (${opts.signInUrl}) you can set up two-factor sign-in again; administrators are asked to straight away.`,
      "",
      "If you did not ask for this, tell your clinic's administrator now.",
    ].join("\n"),
  };
}
