export * from "./root";
export * from "./context";
export { describeZodError, type Meta } from "./trpc";
export * from "./services";
export * from "./procedures";
