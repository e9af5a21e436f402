// `unblock merge-sarif`: the SARIF logs of a sharded scan (`unblock scan --shard i/n --format
// sarif`, one per CI job) merged into one log with one run, as one unsharded scan writes it.
// One run, not one per shard: code scanning keys an analysis by tool and category, so per-shard
// runs would each need a category of their own, and an alert fixed in a shard that a later
// matrix no longer has (the shard count changed) would stay open under its old category. A single
// merged upload closes it.

import type { SarifLog, SarifNotification, SarifResult } from '../scan/sarif.js';

type SarifRun = SarifLog['runs'][0];

/** Merges logs written by `unblock scan --format sarif`; `names` are the files they came from, for errors. */
export function mergeSarifLogs(logs: readonly unknown[], names: readonly string[]): SarifLog {
  if (logs.length === 0) throw new Error('merge-sarif needs at least one SARIF file');
  const runs = logs.map((log, index) => unblockRun(log, names[index] ?? `#${index + 1}`));
  const first = runs[0]!;
  for (const [index, run] of runs.entries()) {
    const version = run.tool.driver.version;
    if (version !== first.tool.driver.version) {
      throw new Error(`${names[index]} was written by unblock ${version} and ${names[0]} by ${first.tool.driver.version}: merge the logs of one version, whose rule lists agree`);
    }
  }

  const seen = new Set<string>();
  const results: SarifResult[] = [];
  const notifications: SarifNotification[] = [];
  for (const run of runs) {
    for (const result of run.results) {
      // Shards are disjoint; the same log given twice must not double its alerts.
      const key = JSON.stringify(result);
      if (seen.has(key)) continue;
      seen.add(key);
      results.push(result);
    }
    for (const invocation of run.invocations) notifications.push(...invocation.toolExecutionNotifications);
  }
  const invocations = runs.flatMap((run) => run.invocations);
  return {
    $schema: (logs[0] as SarifLog).$schema,
    version: '2.1.0',
    runs: [
      {
        ...first,
        invocations: [
          {
            executionSuccessful: invocations.every((invocation) => invocation.executionSuccessful),
            // The worst of the shards', as the exit status of one unsharded scan would be.
            exitCode: invocations.reduce((worst, invocation) => (severity(invocation.exitCode) > severity(worst) ? invocation.exitCode : worst), 0),
            toolExecutionNotifications: notifications,
          },
        ],
        results,
      },
    ],
  };
}

/** 1 (findings) outranks 2 (input problems), which outranks 0: scanExitCode's order. */
function severity(exitCode: number): number {
  return exitCode === 1 ? 2 : exitCode === 2 ? 1 : 0;
}

function unblockRun(log: unknown, name: string): SarifRun {
  const candidate = log as Partial<SarifLog> | null;
  if (typeof candidate !== 'object' || candidate === null || candidate.version !== '2.1.0' || !Array.isArray(candidate.runs)) {
    throw new Error(`${name} is not a SARIF 2.1.0 log`);
  }
  if (candidate.runs.length !== 1 || candidate.runs[0]?.tool?.driver?.name !== 'unblock') {
    throw new Error(`${name} is not a log of \`unblock scan --format sarif\` (one run, by unblock)`);
  }
  return candidate.runs[0];
}
