export * from "./terminology";
export * from "./record";
export * from "./ids";
export * from "./mappers";
export * from "./bundle";
export * from "./capability";
