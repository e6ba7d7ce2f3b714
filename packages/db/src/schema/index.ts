export * from "./core";
export * from "./care-plan";
export * from "./progress";
export * from "./messaging";
export * from "./second-factor";
