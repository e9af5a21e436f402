// The edits of one file, made on its original text through the engine's
// Rewriter (untouched bytes stay as they were) and ImportPlan (new imports in
// the file's style, unused ones dropped).

import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from '../../analysis/estree.js';
import { awaitAround, makeFunctionAsync, type PlacementEnv } from '../engine/await-placement.js';
import { detectStyle, type FileStyle } from '../engine/file-style.js';
import { ImportPlan } from '../engine/imports.js';
import { NamePicker } from '../engine/names.js';
import { Rewriter } from '../engine/rewriter.js';
import type { FunctionInfo } from './functions.js';
import type { ProgramFile } from './program.js';
import type { WorkerCall } from './worker-route.js';

export const RUNTIME_MODULE = '@unblock/runtime';

export class FileEdits {
  readonly file: ProgramFile;
  readonly rewriter: Rewriter;
  readonly style: FileStyle;
  readonly env: PlacementEnv;
  readonly #imports: ImportPlan;

  constructor(file: ProgramFile) {
    this.file = file;
    const { sourceCode } = file.view;
    this.rewriter = new Rewriter(file.text);
    const names = new NamePicker(sourceCode);
    this.style = detectStyle(sourceCode, file.path);
    this.env = { sourceCode, rewriter: this.rewriter, names, style: this.style, filePath: file.path };
    this.#imports = new ImportPlan(sourceCode, this.style, names, this.rewriter);
  }

  makeAsync(info: FunctionInfo): void {
    makeFunctionAsync(info.estree, this.env);
  }

  /** `f(x)` → `await f(x)`, once the placement has made the `await` legal. */
  awaitCall(call: TSESTree.CallExpression, place: () => void): void {
    this.rewriter.once(call, () => {
      place();
      this.#await(call);
    });
  }

  /** `f(x)` → `await fWorker.f(x)`. */
  offloadCall(call: TSESTree.CallExpression, place: () => void, route: WorkerCall): void {
    this.rewriter.once(call, () => {
      place();
      const binding = this.#workerBinding(route);
      const callee = call.callee;
      const identifiers = callee.type === AST_NODE_TYPES.Identifier ? [callee] : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? [callee.object] : [];
      this.rewriter.replace(callee, `${binding}.${route.exportName}`, identifiers);
      this.#await(call);
    });
  }

  /** The text of the file with every edit and import change, or undefined when nothing changed. */
  finish(): string | undefined {
    this.#imports.finish();
    return this.rewriter.changed ? this.rewriter.toString() : undefined;
  }

  /** `const templatesWorker = workerModule(new URL('./templates.js', import.meta.url));`, once per module. */
  #workerBinding(route: WorkerCall): string {
    const workerModule = this.#imports.named(RUNTIME_MODULE, 'workerModule', false);
    const { quote } = this.style;
    const literal = `${quote}${route.specifier}${quote}`;
    const base = `${camelCase(path.basename(route.specifier).replace(/\.[^.]*$/, ''))}Worker`;
    return this.#imports.declare(`worker:${route.specifier}`, base, () => `${workerModule}${route.typed ? `<typeof import(${literal})>` : ''}(new URL(${literal}, import.meta.url))`);
  }

  #await(call: TSESTree.CallExpression): void {
    let outer: TSESTree.Node = call;
    while (outer.parent?.type === AST_NODE_TYPES.ChainExpression || outer.parent?.type === AST_NODE_TYPES.TSNonNullExpression) outer = outer.parent;
    if (outer.parent?.type === AST_NODE_TYPES.AwaitExpression) return;
    const { open, close } = awaitAround(call, this.env.sourceCode);
    this.rewriter.before(call, open);
    if (close) this.rewriter.after(call, close);
  }
}

function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  const joined = words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  return /^[A-Za-z_$]/.test(joined) ? joined : `module${joined}`;
}
