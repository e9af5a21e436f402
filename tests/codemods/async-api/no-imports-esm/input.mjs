// Nothing imported yet: the codemod adds what it needs at the top.

export async function handler(event) {
  return process.getBuiltinModule('node:zlib').gzipSync(event.body);
}
