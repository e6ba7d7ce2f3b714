export * from "./password";
export * from "./sign-in";
export * from "./actor";
export * from "./next-auth";
export * from "./totp";
