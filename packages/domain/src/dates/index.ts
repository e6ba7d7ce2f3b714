// The one date module: calendar days, strict date parsing, time zones and the display formats.
export * from "./calendar";
export * from "./schemas";
export * from "./zones";
export * from "./format";
