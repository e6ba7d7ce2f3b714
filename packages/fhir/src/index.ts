export * from "./terminology";
export * from "./record";
export * from "./ids";
export * from "./mappers";
export * from "./bundle";
export * from "./capability";
export * from "./request";
export * from "./observation-search";
export type { Bundle, OperationOutcome, Resource } from "@medplum/fhirtypes";
