// The example service's endpoints that block its event loop, and what to say about one that
// still does after `unblock fix`. Which ones do is measured, not assumed (see demo.mjs). An
// endpoint with a `residual` keeps part of its work on the loop after the fix, by design; it is
// loaded all the same, and the demo says what stays and why.

export const LOGIN_BODY = { password: 'correct horse battery staple', salt: 'demo-salt' };

export const ENDPOINTS = [
  {
    route: 'POST /login',
    method: 'POST',
    path: '/login',
    body: LOGIN_BODY,
    work: 'crypto.pbkdf2Sync (SHA-512)',
  },
  {
    route: 'GET /export',
    method: 'GET',
    path: '/export',
    work: 'fs.readFileSync + zlib.gzipSync of a CSV',
  },
  {
    route: 'GET /users/:id',
    method: 'GET',
    path: '/users/7',
    work: 'fs.readFileSync + JSON.parse of users.json',
    residualShort: 'JSON.parse of users.json',
    residual:
      'the read is async after the fix, but JSON.parse of the whole users file still runs on the loop: no codemod moves it, because it is not a blocking API but the handler\'s own work, and offloading the parse alone would copy the text in and the objects out, costing about what it saves (docs/runtime.md). Reading the file once, or a query per user, is the fix a person makes.',
  },
  {
    route: 'POST /users',
    method: 'POST',
    path: '/users',
    body: { name: 'ada', password: 'correct horse battery staple' },
    random: true, // a fresh salt per user
    work: 'hashPassword → pbkdf2Sync, one call deeper',
    helper: { name: 'hashPassword', file: 'src/lib/passwords.js', kind: 'a sync helper in another module, which the per-file codemods do not rewrite' },
  },
  {
    route: 'GET /reports/:name',
    method: 'GET',
    path: '/reports/weekly',
    work: 'buildReport → readFileSync + gzipSync',
    helper: { name: 'buildReport', file: 'src/lib/report.js', kind: 'a sync helper that start-up calls too, so it must stay sync there and run in a worker (workerModule) for the handler' },
  },
  {
    route: 'GET /users/:id/recommendations',
    method: 'GET',
    path: '/users/7/recommendations',
    work: 'recommend: scores the item catalogue (CPU)',
    helper: { name: 'recommend', file: 'src/cpu/score.js', kind: 'CPU work in JavaScript with no async twin: it can only leave the loop through a worker (workerModule), and start-up calls it too' },
  },
];

/** Why `endpoint` still blocks after a fix run with `codemods`, the sites that run left, and its files. */
export function whyStillBlocking(endpoint, { codemods, left }) {
  if (endpoint.residual) return endpoint.residual;
  if (endpoint.helper) {
    const { name, file, kind } = endpoint.helper;
    const reasons = left.filter((site) => site.file === file || site.reason.includes(name)).map((site) => `${site.file}:${site.line} ${site.reason}`);
    if (reasons.length > 0) return `\`${name}\` (${file}) was left: ${reasons.join('; ')}`;
    if (!codemods.includes('sync-callers')) {
      return `\`${name}\` (${file}) is ${kind}; that rewrite is the sync-callers codemod's, and this \`unblock fix\` runs only ${codemods.join(', ')}`;
    }
    return `\`${name}\` (${file}) is ${kind}; \`unblock fix\` (${codemods.join(', ')}) did not change it`;
  }
  return `\`unblock fix\` (${codemods.join(', ')}) did not take its blocking call off the loop`;
}
