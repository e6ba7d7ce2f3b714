import type { ReactNode } from "react";

/** What a toast says; shared by <Toaster> (toast.tsx) and the region it loads (toast-region.tsx). */
export type ToastVariant = "default" | "success" | "danger";

export interface ToastMessage {
  title: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant | null;
  /** Milliseconds before it closes by itself (default 6 s). */
  duration?: number;
}

export type ShownToast = ToastMessage & { id: number; open: boolean };

