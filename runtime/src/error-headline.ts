// One line that names what was thrown, for messages and warnings.

export function errorHeadline(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null) return Object.prototype.toString.call(error);
  return String(error);
}
