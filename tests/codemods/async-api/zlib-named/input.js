import { gzipSync, gunzipSync } from 'node:zlib';

export async function roundTrip(text) {
  const packed = gzipSync(text);
  const again = gzipSync(Buffer.from(text));
  return gunzipSync(packed).toString() + again.length;
}
