// Colours for what the CLI prints for people. All of it goes to stderr, so the decision follows
// stderr, not stdout as picocolors' own default does: `unblock scan > report.txt` on a terminal
// still gets colours on the terminal, and a piped stderr gets none.
// NO_COLOR (https://no-color.org) and FORCE_COLOR follow their conventions, including
// FORCE_COLOR=0, which picocolors reads as "on". CI services render ANSI in their logs, so CI=…
// turns colours on, as it does for ESLint's own output.

import picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;

interface ColorEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

/** Whether output for people should carry ANSI colours. */
export function wantsColor({ env, isTTY }: ColorEnvironment): boolean {
  if ((env.NO_COLOR ?? '') !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false');
}

/** The colours for the CLI's stderr in this process. */
export const colors: Colors = picocolors.createColors(
  wantsColor({ env: process.env, isTTY: process.stderr.isTTY === true }),
);
