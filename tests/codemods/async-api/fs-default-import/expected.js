import fs from 'fs';
import { readFile } from 'fs/promises';

const settings = JSON.parse(fs.readFileSync('settings.json', 'utf8'));

export async function loadTemplate(name) {
  const source = await readFile(`templates/${name}.html`, 'utf8');
  return source.replace('{{title}}', settings.title);
}
