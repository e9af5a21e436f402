// How a Buffer's bytes travel: moved when the caller listed its memory, copied alone when it is a
// view into Node's shared pool, copied once and moved when large, and never taken from under a
// caller (or a worker module) that still holds it.

import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ThreadPoolExecutor, workerModule } from '@unblock/runtime';
import { fixture } from './helpers/node.js';

const executor = new ThreadPoolExecutor({ maxWorkers: 2, name: 'buffers-test' });
afterAll(() => executor.close());
const crossing = workerModule<typeof import('./fixtures/crossing.mjs')>(pathToFileURL(fixture('crossing.mjs')), { executor });
/** The proxy loses `echo`'s type parameter. */
const echo = <T>(value: T): Promise<T> => crossing.echo(value) as Promise<T>;

const MiB = 1024 * 1024;

describe('a Buffer from the shared pool', () => {
  it('arrives in the worker as a Buffer holding only its own bytes, and stays whole here', async () => {
    const salt = Buffer.from('pepper');
    const neighbour = Buffer.from('other bytes in the same pool');
    expect(salt.buffer.byteLength).toBeGreaterThan(salt.byteLength); // a view into the pool
    expect(await crossing.inspectBuffer(salt)).toEqual({ isBuffer: true, text: 'pepper', ownMemory: true });
    expect(salt.toString()).toBe('pepper');
    expect(neighbour.toString()).toBe('other bytes in the same pool');
  });

  it('made in the worker arrives here as a Buffer holding only its own bytes', async () => {
    const { bytes } = await crossing.poolBuffer('from the pool over there');
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.toString()).toBe('from the pool over there');
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('listed in transferList is copied, not moved: the pool holds other Buffers', async () => {
    const salt = Buffer.from('pool salt');
    const neighbour = Buffer.from('neighbour');
    const seen = await executor.submit(crossing.inspectBuffer, [salt], { transferList: [salt.buffer] });
    expect(seen).toEqual({ isBuffer: true, text: 'pool salt', ownMemory: true });
    expect(salt.toString()).toBe('pool salt');
    expect(neighbour.toString()).toBe('neighbour');
  });
});

describe('a transferred Buffer', () => {
  it('moves without a copy and arrives as a Buffer, nested too', async () => {
    const image = Buffer.alloc(MiB, 'px');
    const seen = await executor.submit((input: { image: Buffer }) => [Buffer.isBuffer(input.image), input.image.subarray(0, 4).toString()], [{ image }], {
      transferList: [image.buffer],
    });
    expect(seen).toEqual([true, 'pxpx']);
    expect(image.byteLength).toBe(0); // detached here: its memory went to the worker
  });

  it('moved back with transfer() arrives as a Buffer', async () => {
    const moved = await crossing.archive(4096);
    const file = moved.files.get('a.txt')!;
    expect(Buffer.isBuffer(file)).toBe(true);
    expect(file.byteLength).toBe(4096);
    expect(file.subarray(0, 4).toString()).toBe('mvmv');
  });
});

describe('a large Buffer that is not listed', () => {
  it('is copied: the caller keeps its bytes', async () => {
    const report = Buffer.alloc(2 * MiB, 'r');
    const seen = await crossing.inspectBuffer(report.subarray(0, 8));
    expect(seen.isBuffer).toBe(true);
    expect((await echo(report)).equals(report)).toBe(true);
    expect(report.byteLength).toBe(2 * MiB);
    expect(report.subarray(0, 3).toString()).toBe('rrr');
  });

  it('returned by a module that keeps it is copied too: the next call still finds it whole', async () => {
    const first = await crossing.cachedReport(MiB);
    const second = await crossing.cachedReport(MiB);
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(second.byteLength).toBe(MiB);
    expect(second.equals(first)).toBe(true);
  });
});

describe('shape and identity', () => {
  it('the caller’s objects are left as they were when a Buffer in them is sent as a copy', async () => {
    const salt = Buffer.from('pool');
    const big = Buffer.alloc(MiB);
    const input = { user: { salt }, list: [big] };
    await echo(input);
    expect(input.user.salt).toBe(salt);
    expect(input.list[0]).toBe(big);
    expect(big.byteLength).toBe(MiB);
  });

  it('one Buffer sent twice arrives as one Buffer twice', async () => {
    const salt = Buffer.from('shared');
    const back = await echo({ a: salt, b: [salt] });
    expect(Buffer.isBuffer(back.a)).toBe(true);
    expect(back.b[0]).toBe(back.a);
  });

  it('a value that holds itself keeps its cycle and its Buffers', async () => {
    type Node = { name: Buffer; self?: Node; peers: Node[] };
    const node: Node = { name: Buffer.from('loop'), peers: [] };
    node.self = node;
    node.peers.push(node);
    const back = await echo(node);
    expect(back.self).toBe(back);
    expect(back.peers[0]).toBe(back);
    expect(Buffer.isBuffer(back.name)).toBe(true);
    expect(back.name.toString()).toBe('loop');
  });

  it('Map and Set keep their order when a key or member is a Buffer', async () => {
    const back = await echo({
      map: new Map<unknown, unknown>([['a', 1], [Buffer.from('k'), Buffer.from('v')], ['z', 3]]),
      set: new Set<unknown>(['a', Buffer.from('m'), 'z']),
    });
    expect([...back.map.keys()].map((key) => (Buffer.isBuffer(key) ? `Buffer ${key.toString()}` : key))).toEqual(['a', 'Buffer k', 'z']);
    expect(Buffer.isBuffer([...back.map.values()][1])).toBe(true);
    expect([...back.set].map((member) => (Buffer.isBuffer(member) ? `Buffer ${member.toString()}` : member))).toEqual(['a', 'Buffer m', 'z']);
  });

  it('a Buffer over a SharedArrayBuffer is shared, not copied', async () => {
    const bytes = Buffer.from(new SharedArrayBuffer(32));
    expect(await crossing.writeShared(bytes)).toBe(true);
    expect(bytes.subarray(0, 15).toString()).toBe('from the worker');
  });
});

describe('a task run again after its worker died', () => {
  let single: ThreadPoolExecutor | undefined;
  afterEach(() => single?.close());

  it('sends its large Buffer again, whole', async () => {
    single = new ThreadPoolExecutor({ maxWorkers: 1, name: 'buffers-retry-test' });
    await single.submit(() => 'warm');
    const fatal = single.submit(() => process.exit(3));
    const behind = single.submit((bytes: Buffer) => [Buffer.isBuffer(bytes), bytes.byteLength, bytes.at(-1)], [Buffer.alloc(MiB, 5)]);
    await fatal.catch(() => undefined);
    expect(await behind).toEqual([true, MiB, 5]);
  });
});
