/** One measured number. `goal` is checked by the runner and shown as pass/fail. */
export interface Figure {
  key: string;
  value: number;
  unit: 'ms' | 'bytes' | 'KB' | 'count' | 'ratio';
  goal?: { text: string; pass: boolean };
}

/** A group of figures; each module cleans up its own temp folders. */
export interface BenchModule {
  name: string;
  run(context: BenchContext): Promise<Figure[]> | Figure[];
}

export interface BenchContext {
  /** Progress lines go here (stderr), never to stdout: `--json` output must stay one object. */
  progress(message: string): void;
}

export const median = (values: number[]) => percentile(values, 0.5);

/** Nearest-rank percentile of a copy of `values`. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
