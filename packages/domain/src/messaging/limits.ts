// Zod-free: the lengths and spaces the composer offers in the browser; ./schemas.ts builds the input schemas.

export const MESSAGE_MAX = 4000;
export const TITLE_MIN = 3;
export const TITLE_MAX = 120;

/** The two spaces of a patient's messages: the care team only, and the space shared with the patient. */
export const THREAD_SPACES = ["team", "patient"] as const;
export type ThreadSpace = (typeof THREAD_SPACES)[number];
