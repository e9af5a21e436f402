// asyncio's debug mode for Node: report each stretch during which the event
// loop did not get a turn. Built on perf_hooks only (no async_hooks, which
// would tax every callback):
//
// - a timer that fires every `intervalMs`: when it is late, the loop was
//   busy; the event-loop utilisation over the same window says for how long;
// - monitorEventLoopDelay, sampled by libuv in C++, for the percentiles that
//   eventLoopStats() serves to a health endpoint.
//
// Both are unref'd: a monitor never keeps a process alive.

import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { InvalidOptionError } from './errors.js';

export interface BlockEvent {
  /** How long the loop was busy without a break, in ms (event-loop active time over the stretch). */
  readonly durationMs: number;
  /** How late the monitor's timer fired: a lower bound of the stretch. */
  readonly delayMs: number;
  /** performance.timeOrigin-relative start and end (ms), for correlating with traces. */
  readonly startTime: number;
  readonly endTime: number;
  /** Wall-clock end, ms since the epoch. */
  readonly endedAt: number;
}

export interface MonitorOptions {
  /** Report stretches at least this long. Default: 100 ms. */
  readonly thresholdMs?: number;
  readonly onBlock: (event: BlockEvent) => void;
  /** Timer period. Default: half the threshold, from 10 to 1000 ms. */
  readonly intervalMs?: number;
}

export interface EventLoopStats {
  /** Event-loop delay percentiles in ms, sampled every 10 ms by libuv. */
  readonly delay: {
    readonly minMs: number;
    readonly maxMs: number;
    readonly meanMs: number;
    readonly stddevMs: number;
    readonly p50Ms: number;
    readonly p90Ms: number;
    readonly p99Ms: number;
  };
  /** Share of wall time the loop was busy, 0…1, over the same window. */
  readonly utilization: number;
  /** Stretches reported by running monitors over the window. */
  readonly blocks: { readonly count: number; readonly totalMs: number; readonly longestMs: number };
  /** Length of the window, ms: since the first call, or since the last `reset`. */
  readonly windowMs: number;
}

interface Window {
  readonly histogram: IntervalHistogram;
  utilization: EventLoopUtilization;
  startedAt: number;
  blocks: number;
  blockedMs: number;
  longestMs: number;
  /** The first turn's delay sample of the window (see `watchFirstTurn`), once it has been taken. */
  firstTurnMs: number | undefined;
  /** Which window a first-turn timer belongs to: a reset starts a new one. */
  generation: number;
}

const RESOLUTION_MS = 10;

let window: Window | undefined;

function ensureWindow(): Window {
  if (window === undefined) {
    const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    histogram.enable();
    window = {
      histogram,
      utilization: performance.eventLoopUtilization(),
      startedAt: performance.now(),
      blocks: 0,
      blockedMs: 0,
      longestMs: 0,
      firstTurnMs: undefined,
      generation: 0,
    };
    watchFirstTurn(window);
  }
  return window;
}

/**
 * Node's delay histogram records the time between two of its timer's turns, and after `enable()`
 * or `reset()` it has no previous turn: the first interval is never recorded. A block that starts
 * right after a reset (a health check that resets its window, then a slow request) would vanish
 * from the window. A one-shot timer of the same resolution takes that first sample instead.
 */
function watchFirstTurn(target: Window): void {
  const generation = ++target.generation;
  const startedAt = performance.now();
  target.firstTurnMs = undefined;
  setTimeout(() => {
    if (target.generation === generation) target.firstTurnMs = performance.now() - startedAt;
  }, RESOLUTION_MS).unref();
}

/**
 * Calls `onBlock` for every stretch of at least `thresholdMs` during which the
 * event loop was blocked. Returns a function that stops the monitor.
 */
export function monitorEventLoop(options: MonitorOptions): () => void {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('options', 'an object with onBlock', options);
  const { thresholdMs = 100, onBlock } = options;
  if (typeof thresholdMs !== 'number' || !Number.isFinite(thresholdMs) || thresholdMs <= 0) {
    throw new InvalidOptionError('thresholdMs', 'a positive number of milliseconds', thresholdMs);
  }
  if (typeof onBlock !== 'function') throw new InvalidOptionError('onBlock', 'a function', onBlock);
  const intervalMs = options.intervalMs ?? Math.min(Math.max(thresholdMs / 2, 10), 1000);
  if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs < 1) {
    throw new InvalidOptionError('intervalMs', 'a number of milliseconds ≥ 1', intervalMs);
  }
  const stats = ensureWindow();

  let last = performance.now();
  let utilization = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.now();
    const delayMs = now - last - intervalMs;
    last = now;
    const span = performance.eventLoopUtilization(utilization);
    utilization = performance.eventLoopUtilization();
    // Busy time over the window covers the whole stretch, including the part
    // before the timer was due, which the delay alone would miss.
    const durationMs = Math.max(span.active, delayMs);
    if (delayMs <= 0 || durationMs < thresholdMs) return;
    stats.blocks++;
    stats.blockedMs += durationMs;
    stats.longestMs = Math.max(stats.longestMs, durationMs);
    onBlock({ durationMs, delayMs, startTime: now - durationMs, endTime: now, endedAt: Date.now() });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Event-loop delay percentiles, utilisation and reported blocks since the
 * first call (which starts sampling) or since the last call with `reset: true`.
 */
export function eventLoopStats(options: { readonly reset?: boolean } = {}): EventLoopStats {
  const stats = ensureWindow();
  const { histogram } = stats;
  const ms = (ns: number): number => (Number.isFinite(ns) ? ns / 1e6 : 0);
  const empty = histogram.count === 0;
  // The first turn's sample joins the extremes; one sample among a window's hundreds hardly
  // moves the mean or the percentiles, which stay the histogram's (or are that sample alone).
  const first = stats.firstTurnMs;
  const only = empty ? (first ?? 0) : undefined;
  const result: EventLoopStats = {
    delay: {
      minMs: only ?? (first === undefined ? ms(histogram.min) : Math.min(ms(histogram.min), first)),
      maxMs: only ?? Math.max(ms(histogram.max), first ?? 0),
      meanMs: only ?? ms(histogram.mean),
      stddevMs: empty ? 0 : ms(histogram.stddev),
      p50Ms: only ?? ms(histogram.percentile(50)),
      p90Ms: only ?? ms(histogram.percentile(90)),
      p99Ms: only ?? ms(histogram.percentile(99)),
    },
    utilization: performance.eventLoopUtilization(stats.utilization).utilization,
    blocks: { count: stats.blocks, totalMs: stats.blockedMs, longestMs: stats.longestMs },
    windowMs: performance.now() - stats.startedAt,
  };
  if (options.reset === true) {
    histogram.reset();
    watchFirstTurn(stats);
    stats.utilization = performance.eventLoopUtilization();
    stats.startedAt = performance.now();
    stats.blocks = 0;
    stats.blockedMs = 0;
    stats.longestMs = 0;
  }
  return result;
}
