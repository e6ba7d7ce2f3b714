export * from "./schemas";
export * from "./mentions";
export * from "./links";
export * from "./mention-suggestions";
export * from "./unread";
