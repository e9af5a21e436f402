import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function saveReport(directory, name, report) {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  await writeFile(file, JSON.stringify(report));
  return await readFile(file, 'utf8');
}
