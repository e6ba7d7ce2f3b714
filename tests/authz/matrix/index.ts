import type { Database } from "@concord/db";
import type { DemoIds } from "@concord/api/demo";
import { carePlanFixtures, carePlanRows } from "./care-plan";
import { complianceFixtures, complianceRows } from "./compliance";
import { foundationRows } from "./foundation";
import { invitationFixtures, invitationRows } from "./invitations";
import { messagingFixtures, messagingRows } from "./messaging";
import { passwordFixtures, passwordRows } from "./passwords";
import { patientQuestionFixtures, patientQuestionRows } from "./patient-questions";
import { progressFixtures, progressRows } from "./progress";
import { secondFactorFixtures, secondFactorRows } from "./second-factor";
import { tasksRows } from "./tasks";
import type { MatrixRow } from "./types";

export * from "./types";

/** The authorization matrix: one row per tRPC procedure. A procedure without a row fails the suite. */
export const MATRIX: MatrixRow[] = [...foundationRows, ...progressRows, ...carePlanRows, ...messagingRows, ...patientQuestionRows, ...invitationRows, ...passwordRows, ...secondFactorRows, ...complianceRows, ...tasksRows];

/** Feature set-ups run once per database before the matrix (e.g. create a plan item to act on). */
export const MATRIX_FIXTURES: Array<(db: Database, ids: DemoIds) => Promise<Record<string, string>>> = [progressFixtures, carePlanFixtures, messagingFixtures, patientQuestionFixtures, invitationFixtures, passwordFixtures, secondFactorFixtures, complianceFixtures];
