import fse from 'fs-extra';
import { outputFile } from 'fs-extra';

export async function writeConfig(file, data) {
  await fse.ensureDir('config');
  const previous = await fse.readJson(file);
  await outputFile(`${file}.bak`, JSON.stringify(previous));
  await fse.writeJson(file, { ...previous, ...data });
  return await fse.pathExists(file);
}

export async function present(file) {
  return await fse.pathExists(file) && (await fse.stat(file)).size > 0;
}
