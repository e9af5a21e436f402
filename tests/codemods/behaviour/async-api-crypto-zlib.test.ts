// Runs crypto and zlib code before and after the async-api codemod: the same
// keys derive from the same inputs, and what one version compresses the other
// decompresses, byte for byte.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { asyncApi } from '../../../codemods/async-api/transform.js';

const SOURCE = `const crypto = require('crypto');
const { pbkdf2Sync, scryptSync, hkdfSync } = require('crypto');
const zlib = require('zlib');
const { gunzipSync, brotliDecompressSync } = require('zlib');

async function deriveKeys(password, salt) {
  return {
    pbkdf2: pbkdf2Sync(password, salt, 1000, 32, 'sha256').toString('hex'),
    scrypt: scryptSync(password, salt, 32, { N: 1024 }).toString('hex'),
    again: crypto.scryptSync(password, salt, 32, { N: 1024 }).toString('hex'),
    hkdf: Buffer.from(hkdfSync('sha256', password, salt, 'info', 16)).toString('hex'),
  };
}

async function keyPair() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { type: publicKey.asymmetricKeyType, curve: privateKey.asymmetricKeyDetails.namedCurve };
}

async function pack(text) {
  return { gzip: zlib.gzipSync(text), deflate: zlib.deflateSync(text), brotli: zlib.brotliCompressSync(text) };
}

async function unpack(packed) {
  return {
    gzip: gunzipSync(packed.gzip).toString(),
    deflate: zlib.inflateSync(packed.deflate).toString(),
    brotli: brotliDecompressSync(packed.brotli).toString(),
  };
}

module.exports = { deriveKeys, keyPair, pack, unpack };
`;

interface Packed {
  gzip: Buffer;
  deflate: Buffer;
  brotli: Buffer;
}

interface CryptoZlibModule {
  deriveKeys(password: string, salt: string): Promise<Record<string, string>>;
  keyPair(): Promise<{ type: string; curve: string }>;
  pack(text: string): Promise<Packed>;
  unpack(packed: Packed): Promise<Record<string, string>>;
}

const root = mkdtempSync(path.join(tmpdir(), 'unblock-async-api-crypto-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let before: CryptoZlibModule;
let after: CryptoZlibModule;
let output = '';

beforeAll(async () => {
  const result = asyncApi.transform(SOURCE, { filePath: path.join(root, 'work.cjs') });
  expect(result.error).toBeUndefined();
  expect(result.left).toEqual([]);
  output = result.output!;
  writeFileSync(path.join(root, 'before.cjs'), SOURCE);
  writeFileSync(path.join(root, 'after.cjs'), output);
  const load = async (file: string): Promise<CryptoZlibModule> => ((await import(pathToFileURL(path.join(root, file)).href)) as { default: CryptoZlibModule }).default;
  before = await load('before.cjs');
  after = await load('after.cjs');
});

describe('async-api codemod on crypto and zlib code, run', () => {
  it('promisifies through one promisify import and one helper per API', () => {
    expect(output.match(/require\('util'\)/g)).toHaveLength(1);
    expect(output.match(/const scryptAsync = /g)).toHaveLength(1);
    expect(output).not.toMatch(/\w+Sync\(/);
    expect(output).not.toContain('zlib/promises');
  });

  it('derives the same keys', async () => {
    const keys = await after.deriveKeys('correct horse', 'salt');
    expect(keys).toEqual(await before.deriveKeys('correct horse', 'salt'));
    expect(keys['scrypt']).toBe(keys['again']);
  });

  it('generates the same kind of key pair', async () => {
    expect(await after.keyPair()).toEqual(await before.keyPair());
  });

  it('compresses to the same bytes, and each version decompresses the other', async () => {
    const text = 'the quick brown fox '.repeat(200);
    const packedBefore = await before.pack(text);
    const packedAfter = await after.pack(text);
    for (const format of ['gzip', 'deflate', 'brotli'] as const) {
      expect(Buffer.isBuffer(packedAfter[format])).toBe(true);
      expect(packedAfter[format].equals(packedBefore[format]), format).toBe(true);
    }
    expect(await after.unpack(packedBefore)).toEqual({ gzip: text, deflate: text, brotli: text });
    expect(await before.unpack(packedAfter)).toEqual({ gzip: text, deflate: text, brotli: text });
  });

  it('fails the same way on corrupt input', async () => {
    const corrupt = { gzip: Buffer.from('not gzip'), deflate: Buffer.from('x'), brotli: Buffer.from('y') };
    const failure = async (module: CryptoZlibModule): Promise<unknown> =>
      module.unpack(corrupt).then(
        () => 'resolved',
        (error: { code?: string }) => error.code,
      );
    const code = await failure(after);
    expect(code).toBe('Z_DATA_ERROR');
    expect(code).toBe(await failure(before));
  });
});
