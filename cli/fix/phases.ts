// Where a run of `unblock fix` spends its time, phase by phase, and its memory high-water mark:
// the figures `--json` reports, so that a slow or heavy run says which part to look at.

export const PHASES = ['walk', 'analyse', 'program', 'rewrite', 'write'] as const;
export type Phase = (typeof PHASES)[number];

export type PhaseTimes = Readonly<Record<Phase, number>>;

export class PhaseClock {
  readonly #ms: Record<Phase, number> = { walk: 0, analyse: 0, program: 0, rewrite: 0, write: 0 };

  async time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.#ms[phase] += performance.now() - start;
    }
  }

  timeSync<T>(phase: Phase, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.#ms[phase] += performance.now() - start;
    }
  }

  /** Whole milliseconds per phase. */
  totals(): PhaseTimes {
    return Object.fromEntries(PHASES.map((phase) => [phase, Math.round(this.#ms[phase])])) as Record<Phase, number>;
  }
}

/** The most memory the process has held so far (its peak resident set), in bytes. */
export function peakRssBytes(): number {
  // resourceUsage() gives kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}
