// The specifiers a module names, read from its text without parsing it: enough to decide whether
// any module it imports could lead to a blocking call, so that most modules never need a parse.
// It may find a specifier in a comment or a string that is not an import; that costs a
// resolution, never a missed import of the usual forms.

const SPECIFIER = /\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n\r]{1,300})\1/g;
/** `const load = createRequire(import.meta.url)`: a require function by another name. */
const MADE_REQUIRE = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:[A-Za-z_$][\w$]*\.)?createRequire\s*\(/g;
/** `createRequire(import.meta.url)('./x')`: made and called at once. */
const MADE_AND_CALLED = /\bcreateRequire\s*\((?:[^()'"]|\([^()]*\))*\)\s*\(\s*(['"])([^'"\n\r]{1,300})\1/g;

export function quickSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]!);
  if (text.includes('createRequire')) {
    for (const match of text.matchAll(MADE_AND_CALLED)) found.add(match[2]!);
    for (const [, name] of text.matchAll(MADE_REQUIRE)) {
      if (name === 'require') continue;
      const calls = new RegExp(`(?<![\\w$.])${name!.replace(/\$/g, '\\$')}\\s*\\(\\s*(['"])([^'"\\n\\r]{1,300})\\1`, 'g');
      for (const match of text.matchAll(calls)) found.add(match[2]!);
    }
  }
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
