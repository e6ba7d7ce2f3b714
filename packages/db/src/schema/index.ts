export * from "./core";
export * from "./care-plan";
