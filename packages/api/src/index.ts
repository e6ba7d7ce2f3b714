export * from "./root";
export * from "./context";
export { describeZodError, type Meta } from "./trpc";
export * from "./services";
export * from "./mail/mailer";
export * from "./procedures";
export { EventBus, startRealtime, type RealtimeRuntime } from "./realtime/event-bus";
export type { MessagingEvent } from "./realtime/patient-stream";
