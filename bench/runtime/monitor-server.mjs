// The server bench/runtime/monitor-overhead.mjs loads: a small JSON endpoint
// that does a little real work per request, with or without the monitor.
import { createServer } from 'node:http';
import { eventLoopStats, monitorEventLoop } from '@unblock/runtime';

const withMonitor = process.argv.includes('--monitor');
let blocks = 0;
if (withMonitor) {
  monitorEventLoop({ thresholdMs: 100, onBlock: () => blocks++ });
  eventLoopStats();
}

const server = createServer((req, res) => {
  const items = Array.from({ length: 50 }, (_, i) => ({ id: i, name: `item ${i}`, url: req.url }));
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ items, blocks }));
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
process.on('message', (message) => {
  if (message === 'stop') server.close(() => process.exit(0));
});
