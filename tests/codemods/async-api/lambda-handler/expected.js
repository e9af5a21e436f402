import { readFile } from 'node:fs/promises';

export const handler = async (event) => {
  const template = await readFile('template.html', 'utf8');
  return { statusCode: 200, body: template.replace('{{name}}', event.name) };
};
