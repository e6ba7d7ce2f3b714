export * from "./client";
export * as schema from "./schema/index";
export * from "./queries/cursor";
export * from "./queries/audit";
export * from "./queries/users";
export * from "./queries/patients";
export * from "./seed";
export { sql, eq, and, or, desc, asc } from "drizzle-orm";
