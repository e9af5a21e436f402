export async function pause(ms) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    // spin
  }
  return 'done';
}
