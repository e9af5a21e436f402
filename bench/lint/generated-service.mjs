// A generated Express service of any size, for benches that need a big tree with realistic
// structure: route modules that call services, services that call helpers and models across
// modules, and 1% of helpers that block (a file read or a hash), some of them two modules away.
// Deterministic: the same count gives the same tree. bench/scale/generate.mjs nests this tree in
// its bigger ones as their CommonJS part, and asks for the planted sites (`sites`) to list them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes the tree under `root`; returns its files (absolute), routes first. Each blocking call
 * written is pushed to `sites` as `{ file, line, api }` (`file` relative to `root`, POSIX):
 * every one of them is reached from a route handler.
 */
export function writeGeneratedService(root, count, sites = []) {
  const groups = Math.max(1, Math.floor(count / 4));
  const files = [];
  const write = (relative, text) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push(file);
  };
  write('package.json', '{ "name": "generated-service", "private": true, "type": "commonjs" }\n');
  files.pop();
  for (let index = 0; index < groups; index++) {
    const blocking = index % 25 === 0;
    const next = (index + 1) % groups;
    // Line 6 of the helper below: the read.
    if (blocking) sites.push({ file: `src/lib/helper${index}.js`, line: 6, api: 'fs.readFileSync' });
    write(
      `src/lib/helper${index}.js`,
      [
        "'use strict';",
        blocking ? "const fs = require('fs');" : "const { format } = require('util');",
        `const { normalize${next} } = require('./format${next}');`,
        '',
        `function read${index}(name) {`,
        blocking ? `  return fs.readFileSync(\`data/\${normalize${next}(name)}.json\`, 'utf8');` : `  return format('%s-%d', normalize${next}(name), ${index});`,
        '}',
        '',
        `module.exports = { read${index} };`,
        '',
      ].join('\n'),
    );
    write(
      `src/lib/format${index}.js`,
      ["'use strict';", '', `function normalize${index}(value) {`, "  return String(value).trim().toLowerCase();", '}', '', `module.exports = { normalize${index} };`, ''].join('\n'),
    );
    write(
      `src/services/service${index}.js`,
      [
        "'use strict';",
        `const helper = require('../lib/helper${index}');`,
        `const { Model${index} } = require('../models/model${index}');`,
        '',
        `class Service${index} {`,
        '  constructor() {',
        `    this.model = new Model${index}();`,
        '  }',
        '  find(id) {',
        `    return { ...this.model.toJSON(id), detail: helper.read${index}(id) };`,
        '  }',
        '}',
        '',
        `module.exports = new Service${index}();`,
        '',
      ].join('\n'),
    );
    write(
      `src/models/model${index}.js`,
      ["'use strict';", '', `class Model${index} {`, '  toJSON(id) {', `    return { id, kind: 'model${index}' };`, '  }', '}', '', `module.exports = { Model${index} };`, ''].join('\n'),
    );
  }
  for (let index = 0; index < groups; index += 1) {
    if (index % 4 !== 0) continue;
    const services = [0, 1, 2, 3].map((offset) => (index + offset) % groups);
    write(
      `src/routes/route${index}.js`,
      [
        "'use strict';",
        "const express = require('express');",
        ...services.map((service) => `const service${service} = require('../services/service${service}');`),
        '',
        'const router = express.Router();',
        ...services.map((service) => `router.get('/${service}/:id', async (req, res) => {\n  res.json(service${service}.find(req.params.id));\n});`),
        '',
        'module.exports = router;',
        '',
      ].join('\n'),
    );
  }
  // Routes first: ESLint lints in path order, and the helpers then come from the module graph.
  return files.sort((a, b) => Number(!a.includes('/routes/')) - Number(!b.includes('/routes/')) || a.localeCompare(b));
}
