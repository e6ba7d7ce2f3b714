import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { CRISIS_REGIONS, SECOND_FACTOR_REQUIREMENTS, clinicSettingsSchema } from "@concord/domain";

function repoRoot(): string {
  let dir = resolve(/*turbopackIgnore: true*/ process.cwd());
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  CONCORD_DATA_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Load the demo clinic into an empty database: only when asked (`npm start` asks unless told otherwise). */
  CONCORD_DEMO_DATA: z.enum(["on", "off"]).default("off"),
  /** Weeks of check-ins, measures, alerts and conversations loaded with a fresh demo clinic. */
  CONCORD_DEMO_HISTORY: z.enum(["on", "off"]).default("on"),
  /** The clinic's IANA time zone: the default for patients and staff who have not chosen one. */
  CONCORD_TIME_ZONE: z.string().default("America/New_York"),
  /** Which crisis resources patients see: us (911, 988), uk-ie (999/112, Samaritans) or generic. */
  CONCORD_CRISIS_REGION: z.enum(CRISIS_REGIONS).default("us"),
  CONCORD_EMERGENCY_NUMBER: z.string().optional(),
  CONCORD_CLINIC_CRISIS_PHONE: z.string().optional(),
  /** smtp:// or smtps:// URL of the mail server; unset: account email is written as .eml files under the data folder. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: "SMTP_URL must start with smtp:// or smtps://" }).optional(),
  CONCORD_MAIL_FROM: z.string().default("Concord <no-reply@concord.localhost>"),
  NEXTAUTH_URL: z.string().url().optional(),
  /** 1: a proxy we run sets x-forwarded-for, and sign-in throttling believes its last entry (see clientAddressFrom). */
  CONCORD_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Who must use two-factor sign-in: admins (default), clinicians-and-admins, or off; anyone may opt in. */
  CONCORD_SECOND_FACTOR: z.enum(SECOND_FACTOR_REQUIREMENTS).default("admins"),
  PORT: z.string().regex(/^\d+$/).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/** The one place that reads process.env. */
function loadEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const env = parsed.data;
  const secret = env.NEXTAUTH_SECRET ?? (env.NODE_ENV === "production" && env.DATABASE_URL ? undefined : "concord-local-development-secret-change-me");
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set when running against a PostgreSQL server in production.");
  const settings = clinicSettingsSchema.safeParse({
    timeZone: env.CONCORD_TIME_ZONE,
    crisisRegion: env.CONCORD_CRISIS_REGION,
    emergencyNumber: env.CONCORD_EMERGENCY_NUMBER,
    clinicCrisisPhone: env.CONCORD_CLINIC_CRISIS_PHONE,
  });
  if (!settings.success) {
    throw new Error(`Invalid clinic settings: ${settings.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return {
    clinicSettings: settings.data,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.CONCORD_MAIL_FROM,
    /** Links in email point here. */
    publicUrl: (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? "3000"}`).replace(/\/+$/, ""),
    databaseUrl: env.DATABASE_URL,
    dataDir: env.CONCORD_DATA_DIR ? resolve(env.CONCORD_DATA_DIR) : join(repoRoot(), ".data"),
    authSecret: secret,
    trustProxy: env.CONCORD_TRUST_PROXY === "1",
    secondFactorRequirement: env.CONCORD_SECOND_FACTOR,
    demoData: env.CONCORD_DEMO_DATA === "on",
    demoHistory: env.CONCORD_DEMO_HISTORY === "on",
  };
}

export type Env = ReturnType<typeof loadEnv>;
let cached: Env | null = null;
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
