export * from "./roles";
export * from "./errors";
export * from "./patients";
export * from "./access/permissions";
export * from "./access/decide";
export * from "./care-plan/index";
export * from "./progress/index";
export * from "./messaging/index";
