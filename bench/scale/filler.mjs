// Harmless code for the generated files: most of a real service is code that never blocks, and
// the analysis pays for every line of it (parsing, scopes, the module summaries). Each piece is
// a function over plain values, using only globals, so it can go into any file, ESM or CommonJS.

const PIECES = [
  (name) => [
    `function ${name}(record) {`,
    '  const fields = Object.entries(record ?? {}).filter(([, value]) => value !== undefined);',
    '  return fields.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join(\'&\');',
    '}',
  ],
  (name) => [
    `function ${name}(items, size = 20) {`,
    '  const pages = [];',
    '  for (let start = 0; start < items.length; start += size) {',
    '    pages.push({ start, items: items.slice(start, start + size) });',
    '  }',
    '  return { total: items.length, pages };',
    '}',
  ],
  (name) => [
    `function ${name}(value) {`,
    "  if (typeof value !== 'string') return null;",
    '  const trimmed = value.trim();',
    "  return /^[a-z0-9-]{1,64}$/i.test(trimmed) ? trimmed.toLowerCase() : null;",
    '}',
  ],
  (name) => [
    `async function ${name}(fetchPage, limit = 3) {`,
    '  const results = [];',
    '  for (let page = 0; page < limit; page++) {',
    '    const batch = await fetchPage(page);',
    '    if (batch.length === 0) break;',
    '    results.push(...batch);',
    '  }',
    '  return results;',
    '}',
  ],
  (name) => [
    `function ${name}(rows, key) {`,
    '  const groups = new Map();',
    '  for (const row of rows) {',
    '    const group = groups.get(row[key]) ?? [];',
    '    group.push(row);',
    '    groups.set(row[key], group);',
    '  }',
    '  return Object.fromEntries(groups);',
    '}',
  ],
  (name) => [
    `function ${name}(date = new Date()) {`,
    "  const pad = (n) => String(n).padStart(2, '0');",
    '  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;',
    '}',
  ],
  (name) => [
    `class ${name[0].toUpperCase()}${name.slice(1)}Error extends Error {`,
    '  constructor(message, status = 400) {',
    '    super(message);',
    '    this.status = status;',
    '  }',
    '}',
  ],
  (name) => [
    `async function ${name}(task, attempts = 3) {`,
    '  let last;',
    '  for (let attempt = 1; attempt <= attempts; attempt++) {',
    '    try {',
    '      return await task(attempt);',
    '    } catch (error) {',
    '      last = error;',
    '      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));',
    '    }',
    '  }',
    '  throw last;',
    '}',
  ],
];

/** `count` harmless declarations named from `prefix`, chosen by `random`; `exported` prefixes them with `export `. */
export function fillerLines(random, prefix, count, { exported = false } = {}) {
  const lines = [];
  for (let index = 0; index < count; index++) {
    const piece = random.pick(PIECES)(`${prefix}${index}`);
    if (exported) piece[0] = `export ${piece[0]}`;
    lines.push('', ...piece);
  }
  return lines;
}
