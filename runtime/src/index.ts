// @unblock/runtime: run blocking work off the event loop, after Python's
// asyncio.to_thread / loop.run_in_executor. See docs/runtime.md.

export { offload, runInExecutor } from './offload.js';
export { ThreadPoolExecutor, type ExecutorStats, type SubmitOptions } from './executor.js';
export type { ExecutorOptions, ResolvedOptions } from './options.js';
export { workerModule, type WorkerModule, type WorkerModuleOptions } from './worker-module.js';
export { getDefaultExecutor, setDefaultExecutor } from './default-executor.js';
export { transfer } from './transfer.js';
export { monitorEventLoop, eventLoopStats, type BlockEvent, type MonitorOptions, type EventLoopStats } from './monitor.js';
export * from './errors.js';
