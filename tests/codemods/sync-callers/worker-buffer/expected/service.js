import { workerModule } from '@unblock/runtime';
const archiveWorker = workerModule(new URL('./lib/archive.js', import.meta.url));

export async function exportArchive(file) {
  const { name, gzipped, lines } = await archiveWorker.archive(file);
  return {
    name,
    bytes: gzipped.length,
    alpha: lines.get('alpha')?.toString('hex'),
    buffers: Buffer.isBuffer(gzipped) && [...lines.values()].every((line) => Buffer.isBuffer(line)),
  };
}
