// The async-api codemod as a jscodeshift transform: the adapter's contract
// (new text, or undefined when nothing changed; left sites reported; a file
// that does not parse fails), and the documented command on the built package:
//
//   npx jscodeshift --no-babel -t node_modules/unblock/dist/codemods/async-api/transform.js <paths>

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import transform from '../../../codemods/async-api/transform.js';
import { repoRoot } from '../../helpers/lint.js';

const SOURCE = `import { readFileSync, readSync } from 'node:fs';

export async function load(file, fd) {
  readSync(fd, Buffer.alloc(1));
  return readFileSync(file, 'utf8');
}
`;

const root = mkdtempSync(path.join(tmpdir(), 'unblock-async-api-jscodeshift-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('async-api as a jscodeshift transform', () => {
  it('returns the new text and reports the sites it left', () => {
    const reports: string[] = [];
    const output = transform({ path: path.join(root, 'load.js'), source: SOURCE }, { report: (message) => reports.push(message) });
    expect(output).toContain("import { readSync } from 'node:fs';");
    expect(output).toContain("import { readFile } from 'node:fs/promises';");
    expect(output).toContain("return await readFile(file, 'utf8');");
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/load\.js:4:3 fs\.readSync left: use a `FileHandle`/);
  });

  it('keeps a byte order mark, which jscodeshift leaves in the text it passes', () => {
    const api = { report: () => undefined };
    const plain = transform({ path: path.join(root, 'load.js'), source: SOURCE }, api);
    expect(transform({ path: path.join(root, 'load.js'), source: `\uFEFF${SOURCE}` }, api)).toBe(`\uFEFF${plain}`);
    expect(transform({ path: path.join(root, 'plain.js'), source: '\uFEFFexport const x = 1;\n' }, api)).toBeUndefined();
  });

  it('returns undefined for a file it leaves alone, and fails a file that does not parse', () => {
    const api = { report: () => undefined };
    expect(transform({ path: path.join(root, 'plain.js'), source: 'export const x = 1;\n' }, api)).toBeUndefined();
    expect(() => transform({ path: path.join(root, 'broken.js'), source: 'export async function (' }, api)).toThrow(/async-api: .*broken\.js: /);
  });

  const built = path.join(repoRoot, 'dist', 'codemods', 'async-api', 'transform.js');
  it.skipIf(!existsSync(built))('runs from the built package with `jscodeshift --no-babel`, JavaScript and TypeScript alike, keeping BOM and CRLF', async () => {
    writeFileSync(path.join(root, 'a.mjs'), SOURCE);
    writeFileSync(path.join(root, 'b.ts'), "import { gzipSync } from 'node:zlib';\n\nexport async function pack(body: string): Promise<Buffer> {\n  return gzipSync(body);\n}\n");
    writeFileSync(path.join(root, 'c.cjs'), "\uFEFFconst fs = require('fs');\r\n\r\nexports.load = async (file) => fs.readFileSync(file);\r\n");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js'), '--no-babel', '-t', built, '--extensions=js,mjs,cjs,jsx,ts,mts,cts,tsx', root],
      { cwd: root },
    );
    expect(stdout).toMatch(/0 errors/);
    expect(stdout).toMatch(/3 ok/);
    expect(readFileSync(path.join(root, 'a.mjs'), 'utf8')).toContain("return await readFile(file, 'utf8');");
    expect(readFileSync(path.join(root, 'b.ts'), 'utf8')).toContain('return await gzipAsync(body);');
    const bom = readFileSync(path.join(root, 'c.cjs'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.toString('utf8')).toContain('await readFile(file)');
    expect(bom.toString('utf8')).not.toMatch(/[^\r]\n/);
  });
});
