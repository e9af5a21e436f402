// `execSync` / `execFileSync` → promisified `exec` / `execFile`, with the
// result kept identical: a Buffer unless an encoding was given, stderr echoed
// to this process as the sync form does by default, a non-zero exit still
// thrown, and the child's stdin closed at once as the sync form closes it
// (an open stdin would leave `cat` or `grep` waiting forever). Where the
// options make that impossible to keep, the site is left.

import { AST_NODE_TYPES, type TSESTree } from '../../analysis/estree.js';
import { walk } from '../../analysis/ast.js';
import type { BlockingSite } from '../../analysis/tracker.js';
import type { Rewriter } from '../engine/rewriter.js';
import type { CallEnv, CallPlan } from './types.js';

const refuse = (reason: string): CallPlan => ({ ok: false, reason });

/**
 * Options the async forms take with the same meaning. `stdio` is checked on its own: the async
 * forms ignore it and always pipe, which the rewrite makes up for.
 */
const SAME_MEANING = new Set(['cwd', 'env', 'timeout', 'maxBuffer', 'killSignal', 'uid', 'gid', 'windowsHide', 'shell', 'encoding', 'stdio', 'windowsVerbatimArguments']);
/** Error fields only the sync forms set: a catch that reads them would change meaning. */
const SYNC_ERROR_FIELDS = new Set(['status', 'output', 'pid']);

export function planChildProcess(site: BlockingSite, call: TSESTree.CallExpression, asyncName: string, env: CallEnv): CallPlan {
  const isFile = asyncName === 'execFile';
  const args = call.arguments;
  let options: TSESTree.CallExpressionArgument | undefined;
  if (isFile) {
    const second = args[1];
    if (args.length > 3) return refuse('it takes more arguments than `execFileSync(file, args, options)`');
    if (args.length === 3) options = args[2];
    else if (second?.type === AST_NODE_TYPES.ObjectExpression) options = second;
    else if (second && second.type !== AST_NODE_TYPES.ArrayExpression) return refuse('its second argument could be the arguments or the options; write it out');
  } else {
    if (args.length > 2) return refuse('it takes more arguments than `execSync(command, options)`');
    options = args[1];
  }
  if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return refuse('its options are not written out, so what it returns cannot be known');

  let encoding: string | undefined;
  let echoStderr = true;
  for (const property of options?.properties ?? []) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) {
      return refuse('its options are spread or computed, so what it returns cannot be known');
    }
    const key = property.key.name;
    if (key === 'input') return refuse('`input` has no counterpart in the async form');
    if (!SAME_MEANING.has(key)) return refuse(`the option \`${key}\` is not known to mean the same for the async form`);
    const value = property.value;
    if (key === 'encoding') {
      if (value.type !== AST_NODE_TYPES.Literal || typeof value.value !== 'string') return refuse('its `encoding` is not a string literal');
      encoding = value.value;
    }
    if (key === 'stdio') {
      const stderr = stderrSetting(value);
      if (stderr === undefined) return refuse('its `stdio` does not pipe stdout, which the async form always does');
      echoStderr = stderr === 'inherit';
    }
  }
  const catchReads = syncOnlyErrorField(call, env);
  if (catchReads) return refuse(`the surrounding \`catch\` reads \`error.${catchReads}\`, which only the sync form sets`);

  const module = site.module ?? 'child_process';
  return {
    ok: true,
    build: () => {
      const { imports } = env;
      const promisify = imports.named('util', 'promisify', true);
      const original = site.moduleObject ? undefined : imports.named(module, asyncName, true);
      const moduleObject = site.moduleObject ? env.sourceCode.getText(site.moduleObject) : undefined;
      if (moduleObject) env.imports.keep(moduleObject);
      const target = original ?? `${moduleObject}.${asyncName}`;
      const promisified = imports.declare(`promisify:${module}:${asyncName}`, `${asyncName}Async`, () => `${promisify}(${target})`);
      const edit = withBufferEncoding(call, options, encoding, env);
      const stdout = imports.declare('execStdout', 'stdoutOf', () => stdoutHelper(env));
      return { callee: promisified, before: `${stdout}(`, after: echoStderr ? ')' : ', false)', ...(edit ? { edit } : {}) };
    },
  };
}

/** 'inherit' or 'pipe' for the stderr slot, when stdin is not inherited and stdout is piped; undefined otherwise. */
function stderrSetting(value: TSESTree.Node): 'inherit' | 'pipe' | undefined {
  if (value.type === AST_NODE_TYPES.Literal) return value.value === 'pipe' || value.value === 'overlapped' ? 'pipe' : undefined;
  if (value.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const slot = (index: number): unknown => {
    const element = value.elements[index];
    return element?.type === AST_NODE_TYPES.Literal ? element.value : element === undefined ? 'pipe' : null;
  };
  // The async forms always give the child a pipe for stdin, closed at once by the rewrite.
  if (slot(0) !== 'pipe' && slot(0) !== 'ignore' && slot(0) !== 'overlapped') return undefined;
  if (slot(1) !== 'pipe' && slot(1) !== 'overlapped') return undefined;
  const stderr = slot(2);
  if (stderr === 'inherit') return 'inherit';
  return stderr === 'pipe' || stderr === 'ignore' || stderr === 'overlapped' ? 'pipe' : undefined;
}

/** Adds `encoding: 'buffer'` to the options when the sync form would have returned a Buffer: the async form returns a string by default. */
function withBufferEncoding(call: TSESTree.CallExpression, options: TSESTree.ObjectExpression | undefined, encoding: string | undefined, env: CallEnv): ((rewriter: Rewriter) => void) | undefined {
  if (encoding !== undefined) return undefined;
  const { quote } = env.style;
  const property = `encoding: ${quote}buffer${quote}`;
  if (options) {
    const open = options.range[0] + 1;
    if (options.properties.length === 0) {
      return (rewriter) => rewriter.replaceRange(open, options.range[1] - 1, ` ${property} `);
    }
    const first = options.properties[0]!;
    if (first.loc.start.line !== options.loc.start.line) {
      // One property per line: a line of its own, indented as the first one.
      const text = env.sourceCode.text;
      const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', first.range[0] - 1) + 1))?.[0] ?? '';
      return (rewriter) => rewriter.after(open, `${env.style.eol}${indent}${property},`);
    }
    const spaced = /\s/.test(env.sourceCode.text[open] ?? '');
    return (rewriter) => rewriter.after(open, spaced ? ` ${property},` : `${property}, `);
  }
  const last = call.arguments.at(-1);
  if (!last) return undefined;
  // Before the next token, after whatever a rewrite of the last argument appends to it.
  return (rewriter) => rewriter.before(last.range[1], `, { ${property} }`);
}

/**
 * A per-file helper that makes a promisified `exec`/`execFile` call settle as the sync form
 * returns: the child's stdin closed at once (the sync form gives it an empty, closed stdin),
 * stderr echoed to this process unless the options piped it, stdout as the result, and a
 * failure thrown with the child's output.
 */
function stdoutHelper(env: CallEnv): string {
  const { eol, semicolon: semi } = env.style;
  const typed = /\.[cm]?tsx?$/.test(env.filePath);
  const lines = typed
    ? [
        `<T extends { stdout: unknown; stderr: string | Uint8Array }>(`,
        `  pending: Promise<T> & { child: { stdin: { end(): void } | null } },`,
        `  echoStderr = true,`,
        `): Promise<T['stdout']> => {`,
      ]
    : ['(pending, echoStderr = true) => {'];
  return [
    ...lines,
    `  pending.child.stdin?.end()${semi}`,
    `  return pending.then(`,
    `    (result) => {`,
    `      if (echoStderr) process.stderr.write(result.stderr)${semi}`,
    `      return result.stdout${semi}`,
    `    },`,
    typed ? `    (error: { stderr?: string | Uint8Array }) => {` : `    (error) => {`,
    `      if (echoStderr && error.stderr) process.stderr.write(error.stderr)${semi}`,
    `      throw error${semi}`,
    `    },`,
    `  )${semi}`,
    `}`,
  ].join(eol);
}

/** A field only sync errors carry, read in a `catch` around the call. */
function syncOnlyErrorField(call: TSESTree.Node, env: CallEnv): string | undefined {
  for (let current: TSESTree.Node | undefined = call; current; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type !== AST_NODE_TYPES.TryStatement || parent.block !== current || !parent.handler) continue;
    const param = parent.handler.param;
    if (param?.type !== AST_NODE_TYPES.Identifier) continue;
    for (const node of walk(parent.handler.body, env.sourceCode.visitorKeys)) {
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.object.type === AST_NODE_TYPES.Identifier &&
        node.object.name === param.name &&
        !node.computed &&
        node.property.type === AST_NODE_TYPES.Identifier &&
        SYNC_ERROR_FIELDS.has(node.property.name)
      ) {
        return node.property.name;
      }
    }
  }
  return undefined;
}
