// Runs one autocannon load in its own process, so that generating load does not share an event
// loop with the demo's latency probes. Takes its options as JSON in argv[2]; prints "started"
// when the load begins and the result as one JSON line when it ends.
import autocannon from 'autocannon';

const { url, requests, connections, durationSeconds } = JSON.parse(process.argv[2]);
const counts = Object.fromEntries(requests.map((entry) => [entry.name, 0]));

const instance = autocannon(
  {
    url,
    connections,
    duration: durationSeconds,
    timeout: 20,
    requests: requests.map((entry) => ({
      method: entry.method,
      path: entry.path,
      ...(entry.body === undefined ? {} : { body: JSON.stringify(entry.body), headers: { 'content-type': 'application/json' } }),
      onResponse: (status) => {
        if (status >= 200 && status < 300) counts[entry.name]++;
      },
    })),
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const completed = Object.values(counts).reduce((sum, count) => sum + count, 0);
    console.log(
      JSON.stringify({
        durationSeconds: result.duration,
        completed,
        counts,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      }),
    );
  },
);
instance.once('start', () => console.log('started'));
