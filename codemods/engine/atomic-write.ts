// Replaces a file's contents so that a reader, a crash or a full disk never
// sees half a file: the new text goes to a temporary file beside the target
// (same directory, so same filesystem, so rename is atomic), is flushed to
// disk, and is then renamed over the target.

import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

import { whyNotReplaceable } from './replaceable.js';

/** What every temporary file's name ends with; a glob for the ones a run may have left. */
export const TEMP_FILE_SUFFIX = '.unblock-tmp';
const TEMP_FILE_NAME = /^\.(.+)\.[0-9a-f]{12}\.unblock-tmp$/;

/** `.<name>.<12 hex digits>.unblock-tmp`, beside the file it will replace. */
function tempFileFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_FILE_SUFFIX}`);
}

/**
 * The file a temporary file was meant to replace, when `file` is one of ours: a run killed
 * mid-write (SIGKILL, a power cut) leaves it behind, holding part of the new text.
 */
export function targetOfTempFile(file: string): string | undefined {
  const match = TEMP_FILE_NAME.exec(path.basename(file));
  return match ? path.join(path.dirname(file), match[1]!) : undefined;
}

/**
 * Replaces `file` with `content`, keeping its mode, owner and group. Throws, writing nothing, when
 * the file may not be replaced that way (see replaceable.ts): read-only for this user, in a
 * directory this user may not write, hard-linked, or with an owner or group this user cannot keep.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  // Write through a symbolic link rather than replacing the link with a file.
  const target = await realpath(file).catch(() => path.resolve(file));
  const refusal = await whyNotReplaceable(target);
  if (refusal !== undefined) throw new Error(refusal);
  const existing = await stat(target).catch(() => undefined);
  const mode = existing === undefined ? undefined : existing.mode & 0o7777;
  const temp = tempFileFor(target);
  let handle: FileHandle | undefined;
  try {
    // 'wx': never follow or clobber something already at the temporary name.
    handle = await open(temp, 'wx', mode ?? 0o666);
    await handle.writeFile(content);
    // The copy is a new file, owned by whoever runs this: give it the target's owner and group
    // (only root may give it another owner; whyNotReplaceable refused what this user cannot keep).
    if (existing !== undefined && process.platform !== 'win32') {
      const created = await handle.stat();
      if (created.uid !== existing.uid || created.gid !== existing.gid) await handle.chown(existing.uid, existing.gid);
    }
    // open() applies the umask, and chown may clear set-ID bits: chmod restores the exact mode.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

/** Makes the rename itself durable. Best effort: some platforms (Windows) cannot open a directory. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
