// `execSync` / `execFileSync` → promisified `exec` / `execFile`, with the
// result kept identical: a Buffer unless an encoding was given, stderr echoed
// to this process as the sync form does by default, and a non-zero exit still
// thrown. Where the options make that impossible to keep, the site is left.

import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { walk } from '../../rules/analysis/ast.js';
import type { BlockingSite } from '../../rules/analysis/tracker.js';
import type { CallEnv, CallPlan } from './call-rewrite.js';

const refuse = (reason: string): CallPlan => ({ ok: false, reason });

/** Options the async forms take with the same meaning. */
const SAME_MEANING = new Set(['cwd', 'env', 'timeout', 'maxBuffer', 'killSignal', 'uid', 'gid', 'windowsHide', 'shell', 'encoding', 'stdio', 'signal', 'windowsVerbatimArguments', 'argv0']);
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
      const argumentsText = withBufferEncoding(call, options, encoding, env);
      if (!echoStderr) return { callee: promisified, argumentsText, outside: '.stdout' };
      const echo = imports.declare('echoStderr', 'echoStderr', () => echoHelper(env));
      return { callee: promisified, before: `${echo}(`, after: ')', argumentsText };
    },
  };
}

/** 'inherit' or 'pipe' for the stderr slot, when stdout is piped; undefined otherwise. */
function stderrSetting(value: TSESTree.Node): 'inherit' | 'pipe' | undefined {
  if (value.type === AST_NODE_TYPES.Literal) return value.value === 'pipe' || value.value === 'overlapped' ? 'pipe' : undefined;
  if (value.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const slot = (index: number): unknown => {
    const element = value.elements[index];
    return element?.type === AST_NODE_TYPES.Literal ? element.value : element === undefined ? 'pipe' : null;
  };
  if (slot(1) !== 'pipe') return undefined;
  const stderr = slot(2);
  if (stderr === 'inherit') return 'inherit';
  return stderr === 'pipe' || stderr === 'ignore' ? 'pipe' : undefined;
}

/** The arguments, with `encoding: 'buffer'` added when the sync form would have returned a Buffer. */
function withBufferEncoding(call: TSESTree.CallExpression, options: TSESTree.ObjectExpression | undefined, encoding: string | undefined, env: CallEnv): string | undefined {
  if (encoding !== undefined && encoding !== 'buffer') return undefined;
  if (encoding === 'buffer') return undefined;
  const text = env.sourceCode.text;
  const quote = env.style.quote;
  if (options) {
    const open = options.range[0] + 1;
    const inner = text.slice(open, options.range[1] - 1);
    const addition = inner.trim() === '' ? ` encoding: ${quote}buffer${quote} ` : ` encoding: ${quote}buffer${quote},${inner.startsWith(' ') || inner.startsWith('\n') ? '' : ' '}`;
    return `${text.slice(call.callee.range[1], open)}${addition}${text.slice(open, call.range[1])}`;
  }
  const argsText = text.slice(call.callee.range[1], call.range[1]);
  const close = argsText.lastIndexOf(')');
  const before = argsText.slice(0, close).replace(/,\s*$/, '');
  return `${before}, { encoding: ${quote}buffer${quote} })`;
}

/** A per-file helper: stderr goes where `execSync` would have sent it, and the result is stdout. */
function echoHelper(env: CallEnv): string {
  const typed = /\.[cm]?tsx?$/.test(env.filePath);
  return typed
    ? '<T extends { stdout: unknown; stderr: string | Uint8Array }>(pending: Promise<T>): Promise<T[\'stdout\']> =>\n' +
        '  pending.then(\n' +
        '    (result) => { process.stderr.write(result.stderr); return result.stdout; },\n' +
        '    (error: { stderr?: string | Uint8Array }) => { if (error.stderr) process.stderr.write(error.stderr); throw error; },\n' +
        '  )'
    : '(pending) =>\n' +
        '  pending.then(\n' +
        '    (result) => { process.stderr.write(result.stderr); return result.stdout; },\n' +
        '    (error) => { if (error.stderr) process.stderr.write(error.stderr); throw error; },\n' +
        '  )';
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
