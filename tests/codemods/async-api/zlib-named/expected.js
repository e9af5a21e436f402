import { gzip, gunzip } from 'node:zlib';
import { promisify } from 'node:util';
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export async function roundTrip(text) {
  const packed = await gzipAsync(text);
  const again = await gzipAsync(Buffer.from(text));
  return (await gunzipAsync(packed)).toString() + again.length;
}
