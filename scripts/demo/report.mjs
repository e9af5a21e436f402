// demo-report.html: the results as a page with charts drawn here as inline SVG (no scripts, no
// network), written so that it is also well-formed XML.
import { describeUsage } from './cpu.mjs';
import { formatMs, formatRate } from './stats.mjs';
import { endpointTable } from './summary.mjs';

const COLORS = { idle: '#6b7280', before: '#dc2626', after: '#16a34a' };

const escape = (text) => String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const round = (value) => Math.round(value * 10) / 10;

/** A log10 scale over [low, high] (ms) onto [bottom, top] (px), and its decade ticks. */
function logScale(values, bottom, top) {
  const finite = values.filter((value) => Number.isFinite(value) && value > 0);
  const low = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...finite, 1))));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...finite, 10)));
  const at = (value) => bottom - ((Math.log10(Math.min(Math.max(value, low), high)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))) * (bottom - top);
  const ticks = [];
  for (let tick = low; tick <= high * 1.0001; tick *= 10) ticks.push(tick);
  return { at, ticks };
}

const tickLabel = (ms) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** /health latency of every probe, against time, one colour per phase. */
function timelineChart(phases) {
  const width = 860;
  const height = 340;
  const left = 64;
  const right = width - 200;
  const top = 20;
  const bottom = height - 40;
  const seconds = Math.max(...phases.map((phase) => phase.samples.at(-1)?.at ?? 0)) / 1000 || 1;
  const y = logScale(phases.flatMap((phase) => phase.samples.map((sample) => sample.ms)), bottom, top);
  const x = (ms) => left + (ms / 1000 / seconds) * (right - left);
  const parts = [];
  for (const tick of y.ticks) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${round(y.at(tick))}" y2="${round(y.at(tick))}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${left - 8}" y="${round(y.at(tick) + 4)}" text-anchor="end" class="tick">${escape(tickLabel(tick))}</text>`);
  }
  for (let second = 0; second <= Math.floor(seconds); second++) {
    parts.push(`<text x="${round(x(second * 1000))}" y="${bottom + 18}" text-anchor="middle" class="tick">${second} s</text>`);
  }
  parts.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#9ca3af"/>`);
  parts.push(`<text x="${(left + right) / 2}" y="${height - 4}" text-anchor="middle" class="axis">time into the measurement window</text>`);
  parts.push(`<text x="14" y="${(top + bottom) / 2}" text-anchor="middle" class="axis" transform="rotate(-90 14 ${(top + bottom) / 2})">/health latency (log scale)</text>`);
  phases.forEach((phase, index) => {
    const color = COLORS[phase.key];
    const dots = phase.samples
      .filter((sample) => Number.isFinite(sample.ms))
      .map((sample) => `<circle cx="${round(x(sample.at))}" cy="${round(y.at(sample.ms))}" r="1.8"/>`)
      .join('');
    parts.push(`<g fill="${color}" fill-opacity="0.55">${dots}</g>`);
    const p99 = round(y.at(phase.p99));
    parts.push(`<line x1="${left}" x2="${right}" y1="${p99}" y2="${p99}" stroke="${color}" stroke-dasharray="6 4" stroke-width="1.5"/>`);
    const legendY = top + 14 + index * 40;
    parts.push(`<circle cx="${right + 18}" cy="${legendY - 4}" r="5" fill="${color}"/>`);
    parts.push(`<text x="${right + 28}" y="${legendY}" class="legend">${escape(phase.label)}</text>`);
    parts.push(`<text x="${right + 28}" y="${legendY + 15}" class="tick">p99 ${escape(formatMs(phase.p99))} (dashed)</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="/health latency over time">${parts.join('')}</svg>`;
}

/** p50 and p99 of /health per phase, as bars on a log scale. */
function percentileChart(phases) {
  const width = 860;
  const height = 260;
  const left = 64;
  const top = 20;
  const bottom = height - 50;
  const y = logScale(phases.flatMap((phase) => [phase.p50, phase.p99]), bottom, top);
  const group = (width - left - 20) / phases.length;
  const bar = Math.min(70, group / 3);
  const parts = [];
  for (const tick of y.ticks) {
    parts.push(`<line x1="${left}" x2="${width - 20}" y1="${round(y.at(tick))}" y2="${round(y.at(tick))}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${left - 8}" y="${round(y.at(tick) + 4)}" text-anchor="end" class="tick">${escape(tickLabel(tick))}</text>`);
  }
  phases.forEach((phase, index) => {
    const center = left + group * (index + 0.5);
    for (const [offset, name, opacity] of [
      [-bar - 4, 'p50', 0.45],
      [4, 'p99', 1],
    ]) {
      const value = phase[name];
      const barTop = round(y.at(value));
      parts.push(`<rect x="${round(center + offset)}" y="${barTop}" width="${round(bar)}" height="${round(bottom - barTop)}" fill="${COLORS[phase.key]}" fill-opacity="${opacity}"/>`);
      parts.push(`<text x="${round(center + offset + bar / 2)}" y="${barTop - 5}" text-anchor="middle" class="tick">${escape(`${name} ${formatMs(value)}`)}</text>`);
    }
    parts.push(`<text x="${round(center)}" y="${bottom + 20}" text-anchor="middle" class="legend">${escape(phase.label)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${width - 20}" y1="${bottom}" y2="${bottom}" stroke="#9ca3af"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="/health p50 and p99 per phase">${parts.join('')}</svg>`;
}

/** How long one request to each endpoint kept the loop busy, before and after the fix. */
function holdChart(endpoints) {
  const width = 860;
  const rowHeight = 34;
  const left = 250;
  const right = width - 90;
  const top = 10;
  const height = top + endpoints.length * rowHeight + 30;
  const max = Math.max(...endpoints.flatMap((endpoint) => [endpoint.busyBefore, endpoint.busyAfter]), 1);
  const x = (ms) => left + (ms / max) * (right - left);
  const parts = [];
  endpoints.forEach((endpoint, index) => {
    const rowTop = top + index * rowHeight;
    parts.push(`<text x="${left - 10}" y="${rowTop + 17}" text-anchor="end" class="legend">${escape(endpoint.route)}</text>`);
    for (const [offset, key, value] of [
      [2, 'before', endpoint.busyBefore],
      [15, 'after', endpoint.busyAfter],
    ]) {
      parts.push(`<rect x="${left}" y="${rowTop + offset}" width="${round(Math.max(1, x(value) - left))}" height="11" fill="${COLORS[key]}"/>`);
      parts.push(`<text x="${round(Math.max(x(value), left + 1) + 6)}" y="${rowTop + offset + 10}" class="tick">${escape(formatMs(value))}</text>`);
    }
  });
  const legendY = height - 10;
  parts.push(`<rect x="${left}" y="${legendY - 9}" width="10" height="10" fill="${COLORS.before}"/><text x="${left + 16}" y="${legendY}" class="tick">original</text>`);
  parts.push(`<rect x="${left + 90}" y="${legendY - 9}" width="10" height="10" fill="${COLORS.after}"/><text x="${left + 106}" y="${legendY}" class="tick">after unblock fix</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="event-loop busy time per request">${parts.join('')}</svg>`;
}

export function renderReport(result) {
  const { phases, endpoints, loaded, changes, settings, verdict, cpus } = result;
  const [, before, after] = phases;
  const table = phases
    .map(
      (phase) =>
        `<tr><th scope="row"><span class="swatch" style="background:${COLORS[phase.key]}"></span>${escape(phase.label)}</th><td>${escape(formatMs(phase.p50))}</td><td>${escape(formatMs(phase.p99))}</td><td>${escape(phase.throughput === undefined ? '—' : formatRate(phase.throughput))}</td><td>${escape(formatMs(phase.maxDelayMs))}</td></tr>`,
    )
    .join('\n');
  const loadRates = endpointTable(endpoints, before, after);
  const endpointRows = endpoints
    .map(
      (endpoint, i) =>
        `<tr><td><code>${escape(endpoint.route)}</code></td><td>${escape(endpoint.work)}</td><td>${escape(formatMs(endpoint.workMs))}</td><td>${escape(formatMs(endpoint.busyBefore))}</td><td>${escape(formatMs(endpoint.busyAfter))}</td><td>${escape(loadRates[i][2])}</td><td>${escape(endpoint.loaded ? (endpoint.note || 'yes') : endpoint.note)}</td></tr>`,
    )
    .join('\n');
  const residuals = endpoints
    .filter((endpoint) => endpoint.loaded && endpoint.residual)
    .map((endpoint) => `<li><code>${escape(endpoint.route)}</code> (${escape(formatMs(endpoint.busyAfter))} a request after the fix): ${escape(endpoint.residual)}</li>`)
    .join('\n');
  const leftOut = endpoints
    .filter((endpoint) => endpoint.why)
    .map((endpoint) => `<li><code>${escape(endpoint.route)}</code>: ${escape(endpoint.why)}</li>`)
    .join('\n');
  const changeList = changes.map((change) => `<li><code>${escape(change.file)}</code> +${change.added} −${change.removed}: ${escape(change.fixed.join(', '))}</li>`).join('\n');
  const patches = changes.map((change) => change.patch).join('\n');
  return `<!DOCTYPE html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8"/>
<title>unblock demo: the example service before and after unblock fix</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 900px; margin: 2em auto; padding: 0 1em; color: #111827; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { padding: 4px 12px; border-bottom: 1px solid #e5e7eb; text-align: right; }
th:first-child, td:first-child, td:nth-child(2), td:last-child { text-align: left; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 8px; border-radius: 2px; }
.verdict { padding: 8px 12px; border-radius: 6px; background: ${verdict.met ? '#dcfce7' : '#fef3c7'}; }
svg { max-width: 100%; height: auto; }
svg .tick { font-size: 11px; fill: #4b5563; }
svg .axis, svg .legend { font-size: 13px; fill: #111827; }
pre { background: #f9fafb; padding: 1em; overflow-x: auto; font-size: 12px; }
</style>
</head>
<body>
<h1>The example service, before and after <code>unblock fix</code></h1>
<p>Latency of a cheap endpoint (<code>/health</code>) while ${escape(settings.connections)} autocannon connection${settings.connections === 1 ? '' : 's'} ${settings.connections === 1 ? 'keeps' : 'keep'} ${escape(loaded.join(' and '))} busy for ${escape(settings.loadSeconds)} s, probed every ${escape(settings.intervalMs)} ms, against the same probes with no load. Node ${escape(process.version)}, ${escape(settings.cpus)} CPUs, ${escape(settings.when)}. Each connection keeps one request in flight; with one core fewer connections than CPUs, the work the fix moves to libuv's thread pool and to worker threads leaves a core for the event loop, so that the comparison is about the loop, not about a saturated CPU.</p>
<table>
<thead><tr><th></th><th>/health p50</th><th>/health p99</th><th>throughput of the loaded endpoints</th><th>max event-loop delay</th></tr></thead>
<tbody>
${table}
</tbody>
</table>
<p class="verdict">${escape(verdict.text)}</p>
${verdict.met && after.cpu ? `<p>CPU during the after-fix loads: ${escape(describeUsage(after.cpu, cpus))}.</p>` : ''}
<p>The fixed copy was measured ${escape(after.runs.length)} times; its row gives the median of each figure, and the charts show the run whose p99 is the median. Idle is the quietest of the idle windows, one before each load. Max event-loop delay is <code>eventLoopStats().delay.maxMs</code> from <code>@unblock/runtime</code>, read from the service's <code>/metrics</code> over each window; it includes the monitor's 10 ms sampling interval.</p>
<h2>/health latency, every probe</h2>
${timelineChart(phases)}
<h2>p50 and p99</h2>
${percentileChart(phases)}
<h2>Event-loop busy time per request</h2>
<p>Measured as the ${escape(settings.busyMeasure)}, around one request at a time with no other load.</p>
${holdChart(endpoints)}
<table>
<thead><tr><th>endpoint</th><th>work</th><th>time per request</th><th>loop busy, original</th><th>after the fix</th><th>under load, before → after</th><th>in the load?</th></tr></thead>
<tbody>
${endpointRows}
</tbody>
</table>
${residuals === '' ? '' : `<p>In the load with what the fix leaves on the event loop, by design:</p>\n<ul>\n${residuals}\n</ul>`}
${leftOut === '' ? '' : `<p>Left out of the load because they still block after the fix, and why:</p>\n<ul>\n${leftOut}\n</ul>`}
<h2>What <code>unblock fix</code> changed</h2>
<ul>
${changeList}
</ul>
<details><summary>The diff</summary>
<pre>${escape(patches)}</pre>
</details>
</body>
</html>
`;
}
