export * from "./terminology";
export * from "./record";
export * from "./ids";
export * from "./mappers";
export * from "./bundle";
export * from "./capability";
export * from "./request";
export type { Bundle, OperationOutcome, Resource } from "@medplum/fhirtypes";
