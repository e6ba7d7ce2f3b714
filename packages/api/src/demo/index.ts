// The demo clinic and its history, made through the use cases a user's request calls (`@concord/api/demo`).
export * from "./accounts";
export { DEMO_CLINIC_SETTINGS, DEMO_TIMELINE, type DemoClinicOptions, buildDemoClinic } from "./clinic";
export { ALEX_HISTORY, DEMO_THREAD_TITLES, type DemoHistoryOptions, type DemoHistoryResult, JORDAN_HISTORY, buildDemoHistory } from "./history";
export { type DemoLoadOptions, type DemoLoadResult, loadDemo } from "./load";
