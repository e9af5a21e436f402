// Why a chain across modules stopped, for people: set `UNBLOCK_DEBUG=modules` (or `*`) and every
// import the module graph could not follow, and every module it could not summarise, is written
// to stderr once, with the reason. Nothing is written otherwise.

const enabled = (process.env['UNBLOCK_DEBUG'] ?? '').split(',').some((topic) => topic.trim() === 'modules' || topic.trim() === '*');
const said = new Set<string>();

export function debugModules(message: string): void {
  if (!enabled || said.has(message)) return;
  if (said.size > 10_000) said.clear();
  said.add(message);
  process.stderr.write(`unblock:modules ${message}\n`);
}

export function isDebuggingModules(): boolean {
  return enabled;
}
