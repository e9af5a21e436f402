import fse from 'fs-extra';
import { outputFileSync } from 'fs-extra';

export async function writeConfig(file, data) {
  fse.ensureDirSync('config');
  const previous = fse.readJsonSync(file);
  outputFileSync(`${file}.bak`, JSON.stringify(previous));
  fse.writeJsonSync(file, { ...previous, ...data });
  return fse.pathExistsSync(file);
}

export async function present(file) {
  return fse.existsSync(file) && fse.statSync(file).size > 0;
}
