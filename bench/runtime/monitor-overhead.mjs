#!/usr/bin/env node
// bench/runtime/monitor-overhead: what monitorEventLoop() and eventLoopStats()
// cost a busy HTTP server. The same server runs with and without them, in
// turn, under the same autocannon load; the ratio of throughput and p99
// should sit inside the run-to-run noise, which the table also shows.
//
//   node bench/runtime/monitor-overhead.mjs [--quick]

import { fork } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { median } from './measure.mjs';
import { fixed, printTable, ratio } from './table.mjs';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const rounds = flags.quick ? 2 : 5;
const seconds = flags.quick ? 2 : 4;
const serverScript = new URL('./monitor-server.mjs', import.meta.url);

async function measure(withMonitor) {
  const child = fork(serverScript, withMonitor ? ['--monitor'] : [], { stdio: 'inherit' });
  const [{ port }] = await once(child, 'message');
  const result = await autocannon({ url: `http://127.0.0.1:${port}/items`, connections: 50, duration: seconds });
  child.send('stop');
  await once(child, 'exit');
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const runs = { bare: [], monitored: [] };
for (let round = 0; round < rounds; round++) {
  // Alternate which goes first, so a drift in machine load hits both.
  const order = round % 2 === 0 ? ['bare', 'monitored'] : ['monitored', 'bare'];
  for (const which of order) runs[which].push(await measure(which === 'monitored'));
}

const summary = (list) => ({ rps: median(list.map((r) => r.rps)), p99: median(list.map((r) => r.p99)) });
const bare = summary(runs.bare);
const monitored = summary(runs.monitored);
const spread = (list) => {
  const values = list.map((r) => r.rps);
  return `${fixed(((Math.max(...values) - Math.min(...values)) / median(values)) * 100)} %`;
};
printTable(
  `HTTP server under autocannon (50 connections, ${seconds} s × ${rounds} rounds, medians)`,
  ['server', 'req/s', '×bare', 'p99 ms', '×bare', 'req/s spread between rounds'],
  [
    ['bare', fixed(bare.rps, 0), ratio(bare.rps, bare.rps), fixed(bare.p99), ratio(bare.p99, bare.p99), spread(runs.bare)],
    ['monitorEventLoop + eventLoopStats', fixed(monitored.rps, 0), ratio(monitored.rps, bare.rps), fixed(monitored.p99), ratio(monitored.p99, bare.p99), spread(runs.monitored)],
  ],
);
