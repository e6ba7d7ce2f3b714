/** What a one-time link is for: setting a first password (72 hours) or resetting a forgotten one (30 minutes). */
export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "password_reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** What became of an account email once the mail server answered. */
export const EMAIL_DELIVERY_OUTCOMES = ["sent", "failed"] as const;
export type EmailDeliveryOutcome = (typeof EMAIL_DELIVERY_OUTCOMES)[number];
/** A link's email: not handed over yet ("pending"), or what the mail server answered. */
export const ACCOUNT_EMAIL_STATUSES = ["pending", ...EMAIL_DELIVERY_OUTCOMES] as const;
export type AccountEmailStatus = (typeof ACCOUNT_EMAIL_STATUSES)[number];

/**
 * Why a one-time link (an invitation or a password reset) cannot be used. Each kind of link words
 * these for its reader (UNUSABLE_LINK_MESSAGES, RESET_LINK_MESSAGES); no state changes on any of them.
 */
export const UNUSABLE_LINK_REASONS = ["invalid", "expired", "used", "revoked", "deactivated"] as const;
export type UnusableLinkReason = (typeof UNUSABLE_LINK_REASONS)[number];
