// `unblock scan --max-findings <n>`: pass (exit 0) while at most n blocking calls are reported,
// fail (exit 1) above that. `--max-warnings` is accepted too, because ESLint users know it.

export type LimitOption = '--max-findings' | '--max-warnings';

export interface FindingLimit {
  /** The name the user gave, so that messages repeat it. */
  readonly option: LimitOption;
  readonly max: number;
}

export interface LimitInput {
  /** `--max-findings`, as typed. */
  readonly maxFindings?: string | undefined;
  /** `--max-warnings`, as typed. */
  readonly maxWarnings?: string | undefined;
}

/** The limit the options ask for, or undefined for none; a bad value is an error naming the option. */
export function findingLimit(input: LimitInput): FindingLimit | undefined {
  if (input.maxFindings !== undefined && input.maxWarnings !== undefined) {
    throw new Error('--max-findings and --max-warnings are the same option; give one of them');
  }
  const option: LimitOption = input.maxWarnings !== undefined ? '--max-warnings' : '--max-findings';
  const value = input.maxWarnings ?? input.maxFindings;
  if (value === undefined) return undefined;
  const max = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(max)) {
    throw new Error(`${option} ${value === '' ? "''" : value}: expected a non-negative integer, the number of blocking calls to allow`);
  }
  return { option, max };
}
