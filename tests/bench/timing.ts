import { performance } from "node:perf_hooks";

export interface Timing {
  p50: number;
  p95: number;
  opsPerSec: number;
  n: number;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `fn` n times (after `warmup` unmeasured runs) and reports latency percentiles and throughput. */
export async function measure(n: number, fn: (i: number) => Promise<unknown>, warmup = 0): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), opsPerSec: total > 0 ? (n / total) * 1000 : 0, n };
}

export const formatTiming = (t: Timing, digits = 2) => `p50 ${t.p50.toFixed(digits)} ms, p95 ${t.p95.toFixed(digits)} ms`;
