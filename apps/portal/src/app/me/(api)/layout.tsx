import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";

/**
 * The patient pages whose forms call the API from the browser (check-in, questionnaires, messages, plan).
 * The other /me pages are server-rendered and load none of the API client (26 kB gzipped).
 */
export default function PatientApiLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
