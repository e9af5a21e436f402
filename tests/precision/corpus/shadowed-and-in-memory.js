// Names that look like blocking APIs but are not: local helpers, parameters,
// in-memory *Sync methods of other libraries.
import { CookieJar } from 'tough-cookie';
import { Effect } from 'effect';
import * as yup from 'yup';

const jar = new CookieJar();
const schema = yup.object({ name: yup.string().required() });

function readFileSync(cache, key) {
  return cache.get(key);
}

export async function handle(request, cache) {
  const cookies = jar.getCookiesSync(request.url);
  const body = schema.validateSync(request.body);
  const value = readFileSync(cache, body.name);
  const total = Effect.runSync(Effect.succeed(value.length));
  return { cookies, total };
}

export async function render(fs, name) {
  // `fs` here is a parameter: an in-memory file system passed in, not node:fs.
  return fs.readFileSync(name, 'utf8');
}

export async function compute(list) {
  const execSync = (command) => `would run ${command}`;
  return list.map((item) => execSync(item));
}
