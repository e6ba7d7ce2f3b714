import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { accountRouter } from "./routers/account";
import { accountPasswordsRouter } from "./routers/account-passwords";
import { adminRouter } from "./routers/admin";
import { alertsRouter } from "./routers/alerts";
import { carePlanRouter } from "./routers/care-plan";
import { checkInsRouter } from "./routers/checkins";
import { complianceRouter } from "./routers/compliance";
import { emergencyAccessRouter } from "./routers/emergency-access";
import { fhirRouter } from "./routers/fhir";
import { measuresRouter } from "./routers/measures";
import { meRouter } from "./routers/me";
import { messagingRouter } from "./routers/messaging";
import { notificationsRouter } from "./routers/notifications";
import { patientsRouter } from "./routers/patients";
import { carePlanHistoryRouter, tasksRouter } from "./routers/tasks";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  me: meRouter,
  account: { ...accountRouter, ...accountPasswordsRouter },
  patients: patientsRouter,
  messaging: messagingRouter,
  notifications: notificationsRouter,
  admin: adminRouter,
  checkIns: checkInsRouter,
  measures: measuresRouter,
  alerts: alertsRouter,
  carePlan: carePlanRouter,
  emergencyAccess: emergencyAccessRouter,
  compliance: complianceRouter,
  tasks: tasksRouter,
  carePlanHistory: carePlanHistoryRouter,
  fhir: fhirRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
