export async function tick(onTick) {
  const end = Date.now() + 10;
  while (Date.now() < end) {}
  setTimeout(onTick, 0);
}
