"use client";
import { type ComponentType, type ReactNode, Suspense, lazy } from "react";

/**
 * A component whose code loads the first time it renders (a panel opened, a disclosure unfolded), with
 * `fallback` shown meanwhile. React's own lazy + Suspense: next/dynamic does the same and adds about 1 kB
 * gzipped of its own loader to every page that uses it.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per module at load time (as next/dynamic is), never during a render
  function LazyComponent(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
