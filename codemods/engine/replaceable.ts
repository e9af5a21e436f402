// Whether an atomic write (a temporary file renamed over the target) may replace a file without
// going behind the file system's back. A rename needs only the directory's permission, so it
// would "write" a read-only file, and the new inode would split hard links and take the owner
// and group of whoever ran the fix. Those files are left as they are, with the reason; the same
// answer serves `--dry`, so a dry run counts what a real run would write.

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

/** The set-group-ID bit: a new file in such a directory gets the directory's group. */
const SET_GROUP_ID = 0o2000;

const mode = (bits: number): string => (bits & 0o7777).toString(8).padStart(4, '0');

/**
 * Why `target` (a real path, links resolved) must not be replaced, or undefined when it may be. A
 * file that does not exist yet may be created; the write itself then says whether it can.
 */
export async function whyNotReplaceable(target: string): Promise<string | undefined> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return undefined;
  if (info.nlink > 1) {
    return `it has ${info.nlink} hard links, and replacing it would leave the other ${info.nlink - 1 === 1 ? 'name' : `${info.nlink - 1} names`} with the old text; it was left as it was (copy it to a file of its own to fix it)`;
  }
  if (!(await permits(target, constants.W_OK))) return `this user may not write it (mode ${mode(info.mode)}); it was left as it was`;
  const directory = path.dirname(target);
  if (!(await permits(directory, constants.W_OK | constants.X_OK))) {
    return `this user may not create files in ${directory}, which a safe write (a temporary file renamed over it) needs; it was left as it was`;
  }
  return ownershipProblem(info, directory);
}

async function permits(file: string, wanted: number): Promise<boolean> {
  return access(file, wanted).then(
    () => true,
    () => false,
  );
}

/** The rewritten copy is a new file: it must end up with the same owner and group, which only root or a member of the group can arrange. */
async function ownershipProblem(info: { readonly uid: number; readonly gid: number }, directory: string): Promise<string | undefined> {
  // Windows has no uid or gid; root may give a file any owner (writeFileAtomic does).
  if (process.geteuid === undefined || process.getegid === undefined || process.geteuid() === 0) return undefined;
  if (info.uid !== process.geteuid()) {
    return `it belongs to another user (uid ${info.uid}), and a rewritten copy would belong to this one; it was left as it was`;
  }
  const folder = await stat(directory);
  const newGroup = folder.mode & SET_GROUP_ID ? folder.gid : process.getegid();
  if (info.gid !== newGroup && !(process.getgroups?.() ?? []).includes(info.gid)) {
    return `its group (gid ${info.gid}) is not one of this user's, so a rewritten copy could not keep it; it was left as it was`;
  }
  return undefined;
}
