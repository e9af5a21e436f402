import { readFileSync } from 'node:fs';

export const handler = (event, context, callback) => {
  callback(null, { statusCode: 200, body: readFileSync('page.html', 'utf8') });
};
