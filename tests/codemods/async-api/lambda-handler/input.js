import { readFileSync } from 'node:fs';

export const handler = (event) => {
  const template = readFileSync('template.html', 'utf8');
  return { statusCode: 200, body: template.replace('{{name}}', event.name) };
};
