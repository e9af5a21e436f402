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

/**
 * The project files that `file`, whose text is `text`, imports: its quick specifiers, each
 * resolved by `resolve` (undefined for packages, built-ins and what does not resolve), without
 * `file` itself and without repeats. What the import graph, the text-only reach check and the
 * rules' gate all read of a module.
 */
export function quickProjectImports(file: string, text: string, resolve: (fromFile: string, specifier: string) => string | undefined): string[] {
  const targets = new Set<string>();
  for (const specifier of quickSpecifiers(text)) {
    const target = resolve(file, specifier);
    if (target !== undefined && target !== file) targets.add(target);
  }
  return [...targets];
}
