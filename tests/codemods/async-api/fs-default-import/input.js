import fs from 'fs';

const settings = JSON.parse(fs.readFileSync('settings.json', 'utf8'));

export async function loadTemplate(name) {
  const source = fs.readFileSync(`templates/${name}.html`, 'utf8');
  return source.replace('{{title}}', settings.title);
}
