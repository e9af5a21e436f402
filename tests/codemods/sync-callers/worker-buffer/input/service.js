import { archive } from './lib/archive.js';

export async function exportArchive(file) {
  const { name, gzipped, lines } = archive(file);
  return {
    name,
    bytes: gzipped.length,
    alpha: lines.get('alpha')?.toString('hex'),
    buffers: Buffer.isBuffer(gzipped) && [...lines.values()].every((line) => Buffer.isBuffer(line)),
  };
}
