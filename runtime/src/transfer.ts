// Lets code running in a worker move ArrayBuffers back instead of copying them.

import type { TransferListItem } from 'node:worker_threads';
import { TRANSFER_MARKER, type TransferEnvelope } from './protocol.js';

/**
 * Return `transfer(value, [buffer])` from a worker function to move `buffer`
 * to the main thread instead of copying it. The worker loses access to it, so
 * never transfer a buffer the module keeps (a cache, a pool). Typed as `T`
 * so the function keeps its declared return type.
 */
export function transfer<T>(value: T, transferList: readonly TransferListItem[]): T {
  const envelope: TransferEnvelope = { [TRANSFER_MARKER]: true, value, transferList };
  return envelope as unknown as T;
}
