// The specifiers a module names, read from its text without parsing it: enough to decide whether
// any module it imports could lead to a blocking call, so that most modules never need a parse.
// It may find a specifier in a comment or a string that is not an import; that costs a
// resolution, never a missed import of the usual forms.

const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n\r]{1,300})\1/g;

export function quickSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]!);
  return [...found];
}
