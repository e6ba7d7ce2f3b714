import type { ClinicSettings } from "@concord/domain";
import { type Database, type DatabaseKind, isEmpty } from "@concord/db";
import type { DemoIds } from "./accounts";
import { buildDemoClinic } from "./clinic";
import { type DemoHistoryResult, buildDemoHistory } from "./history";

export interface DemoLoadOptions {
  hashPassword: (plain: string) => Promise<string>;
  /** Also replay the weeks of history (check-ins, measures, alerts, conversations). */
  history: boolean;
  settings?: ClinicSettings;
  now?: Date;
}

export type DemoLoadResult =
  | { loaded: false }
  | { loaded: true; ids: DemoIds; history: DemoHistoryResult | null; historyError: unknown };

/**
 * Loads the demo clinic, and its history when asked, into an empty database; a database with any
 * account in it is left alone, so the demo never mixes with anyone's data. A history that fails is
 * reported, not thrown: the clinic is loaded and usable without it.
 */
export async function loadDemo(handle: { db: Database; kind: DatabaseKind }, options: DemoLoadOptions): Promise<DemoLoadResult> {
  if (!(await isEmpty(handle.db))) return { loaded: false };
  // One "now" for the clinic and its history, so their dates line up even across midnight.
  const now = options.now ?? new Date();
  const ids = await buildDemoClinic(handle, { hashPassword: options.hashPassword, now, ...(options.settings ? { settings: options.settings } : {}) });
  if (!options.history) return { loaded: true, ids, history: null, historyError: null };
  try {
    const history = await buildDemoHistory(handle, ids, { now, ...(options.settings ? { settings: options.settings } : {}) });
    return { loaded: true, ids, history, historyError: null };
  } catch (error) {
    return { loaded: true, ids, history: null, historyError: error };
  }
}
