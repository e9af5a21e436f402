// One copy of the example service, started as `npm start` would (`node src/server.js`), on an
// ephemeral loopback port, with a shared data directory.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { exited, spawnNode, stopChild } from './processes.mjs';

const BLOCK_WARNING = /event loop blocked for (\d+) ms/;

export async function startService({ root, dataDir, label, lifetimeMs, startTimeoutMs = 30_000 }) {
  const child = spawnNode(path.join(root, 'src', 'server.js'), [], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir },
    lifetimeMs,
  });
  const log = [];
  let blockWarnings = 0;
  let buffered = '';
  const onData = (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) {
      if (BLOCK_WARNING.test(line)) blockWarnings++;
      else log.push(line);
    }
  };
  // Read both pipes to the end: a service writing to a full pipe would block on it.
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${label} did not start within ${startTimeoutMs / 1000} s:\n${log.join('\n')}`));
    }, startTimeoutMs);
    const check = () => {
      const listening = log.map((line) => /listening on (http:\/\/\S+)/.exec(line)).find(Boolean);
      if (listening) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(listening[1]);
      }
    };
    child.stdout.on('data', check);
    void exited(child).then((code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with code ${code} before listening:\n${log.join('\n')}`));
    });
  });

  return {
    label,
    url,
    pid: child.pid,
    /** CPU time of the service's main thread (the event loop's), in ms; undefined off Linux. */
    mainThreadCpuMs: () => mainThreadCpuMs(child.pid),
    get blockWarnings() {
      return blockWarnings;
    },
    metrics: (reset = false) => getJson(`${url}/metrics${reset ? '?reset' : ''}`),
    stop: () => stopChild(child),
  };
}

/** A bounded request with a body read to the end; resolves with status, body and time taken. */
export function request(url, { method = 'GET', body, timeoutMs = 15_000, agent } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      { method, agent, headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url} took more than ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Linux's per-thread scheduler statistics: the first field is time on a CPU, in ns. */
function mainThreadCpuMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

async function getJson(url) {
  const response = await request(url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
  return JSON.parse(response.body.toString());
}
