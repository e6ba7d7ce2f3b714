import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";

/** This section's forms and lists call the API from the browser; the provider is here, not in the root layout, so pages that do not are spared its 26 kB. */
export default function ApiClientLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
