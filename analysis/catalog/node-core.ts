import type { ModuleApiEntry } from './types.js';

/** child_process, crypto and zlib: Node core's sync APIs beyond fs. */

export const NODE_CHILD_PROCESS_APIS: readonly ModuleApiEntry[] = [
  {
    id: 'child_process.execSync',
    display: 'child_process.execSync',
    modules: ['child_process'],
    path: ['execSync'],
    family: 'child_process',
    severity: 'high',
    recipe: { kind: 'promisify', name: 'exec' },
    caveat: '`execSync` returns a Buffer unless an encoding is given and echoes stderr; promisified `exec` resolves `{ stdout, stderr }` as strings',
    returnsBuffer: 'without-encoding',
  },
  {
    id: 'child_process.execFileSync',
    display: 'child_process.execFileSync',
    modules: ['child_process'],
    path: ['execFileSync'],
    family: 'child_process',
    severity: 'high',
    recipe: { kind: 'promisify', name: 'execFile' },
    caveat: '`execFileSync` returns a Buffer unless an encoding is given and echoes stderr; promisified `execFile` resolves `{ stdout, stderr }`',
    returnsBuffer: 'without-encoding',
  },
  {
    id: 'child_process.spawnSync',
    display: 'child_process.spawnSync',
    modules: ['child_process'],
    path: ['spawnSync'],
    family: 'child_process',
    severity: 'high',
    recipe: { kind: 'manual', advice: 'use `child_process.spawn` and await its `close` event' },
  },
];

/** [sync name, callback twin, severity, blocking only without a callback]. */
const CRYPTO_APIS: ReadonlyArray<readonly [string, string, 'high' | 'low', boolean?]> = [
  ['pbkdf2Sync', 'pbkdf2', 'high'],
  ['scryptSync', 'scrypt', 'high'],
  ['argon2Sync', 'argon2', 'high'],
  ['hkdfSync', 'hkdf', 'high'],
  ['generateKeyPairSync', 'generateKeyPair', 'high'],
  ['generateKeySync', 'generateKey', 'high'],
  ['generatePrimeSync', 'generatePrime', 'high'],
  ['checkPrimeSync', 'checkPrime', 'high'],
  ['randomBytes', 'randomBytes', 'low', true],
  ['pseudoRandomBytes', 'pseudoRandomBytes', 'low', true],
  ['randomFillSync', 'randomFill', 'low'],
];

/** The crypto calls whose result is a Buffer (the others return keys, ArrayBuffers, booleans or their argument). */
const CRYPTO_BUFFER_RESULTS = new Set(['pbkdf2Sync', 'scryptSync', 'argon2Sync', 'randomBytes', 'pseudoRandomBytes']);

export const NODE_CRYPTO_APIS: readonly ModuleApiEntry[] = CRYPTO_APIS.map(([name, twin, severity, unlessCallback]) => ({
  id: `crypto.${name}`,
  display: `crypto.${name}`,
  modules: ['crypto'],
  path: [name],
  family: 'crypto',
  severity,
  recipe: { kind: 'promisify', name: twin },
  ...(unlessCallback ? { syncUnlessCallback: true } : {}),
  ...(CRYPTO_BUFFER_RESULTS.has(name) ? { returnsBuffer: 'always' as const } : {}),
}));

const ZLIB_APIS: ReadonlyArray<readonly [string, string]> = [
  ['deflateSync', 'deflate'],
  ['deflateRawSync', 'deflateRaw'],
  ['inflateSync', 'inflate'],
  ['inflateRawSync', 'inflateRaw'],
  ['gzipSync', 'gzip'],
  ['gunzipSync', 'gunzip'],
  ['unzipSync', 'unzip'],
  ['brotliCompressSync', 'brotliCompress'],
  ['brotliDecompressSync', 'brotliDecompress'],
  ['zstdCompressSync', 'zstdCompress'],
  ['zstdDecompressSync', 'zstdDecompress'],
];

// There is no `zlib/promises`: the callback API through util.promisify is the native async form.
export const NODE_ZLIB_APIS: readonly ModuleApiEntry[] = ZLIB_APIS.map(([name, twin]) => ({
  id: `zlib.${name}`,
  display: `zlib.${name}`,
  modules: ['zlib'],
  path: [name],
  family: 'zlib',
  severity: 'high',
  recipe: { kind: 'promisify', name: twin },
  returnsBuffer: 'always',
}));
