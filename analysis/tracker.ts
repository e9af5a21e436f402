import { AST_NODE_TYPES, ASTUtils, DefinitionType, type TSESLint, type TSESTree } from './estree.js';
import {
  isFunctionNode,
  memberName,
  outermostSameValue,
  propertyKeyName,
  staticString,
  unwrapExpression,
  walk,
  type FunctionNode,
} from './ast.js';
import type { ApiEntry } from './catalog/types.js';
import type { HandlerRegistrar } from './frameworks/types.js';
import type { OffloadPoint } from './runtime-api.js';
import { esmImportBindings, exportPathOf } from './import-bindings.js';
import type { Knowledge, TrackedValue } from './knowledge.js';
import { memberShape, resultShape, type ExportShape, type PendingCall, type ProjectModules, type RemoteChain } from './module-graph/shapes.js';
import { isBuiltinModule, normalizeModuleSpecifier } from './module-specifier.js';
import { globalReferences } from './globals.js';

type Variable = TSESLint.Scope.Variable;

/** A place where a known blocking API runs: a call, or a reference handed to another function. */
export interface BlockingSite {
  /** The call (or `new`) expression, or the reference for `form: 'reference'`. */
  readonly node: TSESTree.Node;
  readonly entry: ApiEntry;
  readonly form: 'call' | 'reference';
  /** The module the API was reached through (`fs-extra`), when it came from an import. */
  readonly module?: string;
  /**
   * For `x.api(...)` where `x` holds the module itself: `x`. Suggestions rewrite through it
   * (`fs.readFileSync(p)` → `fs.promises.readFile(p)`).
   */
  readonly moduleObject?: TSESTree.Node;
  /**
   * Set for a call of a helper in another of the project's modules that blocks: the node is the
   * call here, and `remote` the chain over there. Only the transitive rule reports these.
   */
  readonly remote?: RemoteChain;
}

export interface Registration {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly registrar: HandlerRegistrar;
}

/** A call that sends a function to a worker: `offload(fn, …)`, `executor.submit(fn)`. */
export interface OffloadCall {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly point: OffloadPoint;
}

export interface TrackingResult {
  /** Calls of known blocking APIs in this file. */
  readonly sites: readonly BlockingSite[];
  /** Calls of helpers from the project's other modules: whether they block is looked up when it matters. */
  readonly pendingCalls: readonly PendingCall[];
  readonly offloadCalls: readonly OffloadCall[];
  readonly registrations: readonly Registration[];
  /** Functions that receive a framework object to configure (Fastify plugins): start-up code. */
  readonly pluginFunctions: ReadonlySet<FunctionNode>;
  /** Local names bound to imports of each module, for handler type evidence and decorators. */
  readonly importedNames: ReadonlyMap<Variable, { module: string; imported: string }>;
}

const MAX_DEPTH = 64;

/** `import('fs')`, `import("node:fs")`, ``import(`fs`)``: the specifier of a static dynamic import. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"`]([^'"`]+)['"`]\s*\)/g;

/**
 * True when the line up to `index` says it is a comment: it starts with `*` (a JSDoc line, where
 * `{import('./models/Book')}` names a type, not a module loaded at run time) or `//`. Only these
 * sure cases: a real `import()` on any other line is still found by the walk.
 */
function inJsDocOrLineComment(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  let at = lineStart;
  while (at < index && (text[at] === ' ' || text[at] === '\t')) at++;
  return text[at] === '*' || (text[at] === '/' && text[at + 1] === '/');
}

/** Follows every value that comes from a module the knowledge base cares about, within one file. */
/** The project's own modules, and the path of the file being tracked, for following helpers across modules. */
export interface ProjectContext {
  readonly modules: ProjectModules;
  readonly file: string;
}

export class Tracker {
  private readonly sites: BlockingSite[] = [];
  private readonly pendingCalls: PendingCall[] = [];
  private readonly registrations: Registration[] = [];
  private readonly offloadCalls: OffloadCall[] = [];
  private readonly pluginFunctions = new Set<FunctionNode>();
  private readonly importedNames = new Map<Variable, { module: string; imported: string }>();
  /** Variable → value keys already followed, so aliasing cycles (`a = b; b = a`) end. */
  private readonly followed = new Map<Variable, Set<string>>();
  /** Class body → field name → value, for `this.db = new Database()` followed to `this.db.prepare()`. */
  private readonly classFields = new Map<TSESTree.ClassBody, Map<string, TrackedValue>>();
  private depth = 0;

  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly knowledge: Knowledge;
  private readonly project: ProjectContext | undefined;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, knowledge: Knowledge, project?: ProjectContext) {
    this.sourceCode = sourceCode;
    this.knowledge = knowledge;
    this.project = project;
  }

  run(): TrackingResult {
    this.trackImports();
    this.trackRequires();
    this.trackBuiltinModuleLookups();
    this.trackDynamicImports();
    this.trackInjectedServices();
    this.trackClassFields();
    return {
      sites: this.sites,
      pendingCalls: this.pendingCalls,
      offloadCalls: this.offloadCalls,
      registrations: this.registrations,
      pluginFunctions: this.pluginFunctions,
      importedNames: this.importedNames,
    };
  }

  // ── roots ────────────────────────────────────────────────────────────────────────────────

  private trackImports(): void {
    for (const binding of esmImportBindings(this.sourceCode.ast)) {
      const module = this.knowledge.moduleKey(binding.specifier, this.project?.file);
      for (const variable of this.sourceCode.getDeclaredVariables(binding.declaration)) {
        this.importedNames.set(variable, { module, imported: binding.imported });
        // Type-only imports carry no runtime value but still serve as type evidence above.
        if (binding.typeOnly) continue;
        if (this.knowledge.isInteresting(module)) this.followVariable(variable, { kind: 'module', module, path: exportPathOf(binding) });
        else {
          const shape = this.projectShape(binding.specifier, binding.imported, binding.path);
          if (shape) this.followVariable(variable, { kind: 'project', shape });
        }
      }
    }
  }

  /**
   * `require('fs')` through the global `require` or one made by `createRequire(import.meta.url)`,
   * kept in a variable of any name or called at once (`createRequire(import.meta.url)('./x')`).
   */
  private trackRequires(): void {
    const requireIdentifiers = globalReferences(this.sourceCode, 'require');
    const madeRequires = this.madeRequires();
    for (const variable of madeRequires.variables) {
      for (const reference of variable.references) {
        if (reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier) requireIdentifiers.push(reference.identifier);
      }
    }
    for (const identifier of requireIdentifiers) {
      const call = identifier.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
      this.trackModuleCall(call, call.arguments[0]);
    }
    for (const call of madeRequires.calledAtOnce) this.trackModuleCall(call, call.arguments[0]);
  }

  /** What `createRequire(...)` made: variables that behave like the global `require`, and calls of it made at once. */
  private madeRequires(): { variables: Variable[]; calledAtOnce: TSESTree.CallExpression[] } {
    const variables: Variable[] = [];
    const calledAtOnce: TSESTree.CallExpression[] = [];
    if (!this.sourceCode.text.includes('createRequire')) return { variables, calledAtOnce };
    const callees = [...globalReferences(this.sourceCode, 'createRequire'), ...this.importedIdentifiers('module', 'createRequire')].map((identifier) => outermostSameValue(identifier));
    // `module.createRequire(…)`, through a default or namespace import of node:module.
    for (const identifier of [...this.importedIdentifiers('module', 'default'), ...this.importedIdentifiers('module', '*')]) {
      const object = outermostSameValue(identifier);
      const member = object.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === object && memberName(member) === 'createRequire') callees.push(outermostSameValue(member));
    }
    for (const callee of callees) {
      const call = callee.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) continue;
      const made = outermostSameValue(call);
      const user = made.parent;
      if (user?.type === AST_NODE_TYPES.VariableDeclarator && user.id.type === AST_NODE_TYPES.Identifier) variables.push(...this.sourceCode.getDeclaredVariables(user));
      else if (user?.type === AST_NODE_TYPES.CallExpression && user.callee === made) calledAtOnce.push(user);
    }
    return { variables, calledAtOnce };
  }

  private importedIdentifiers(module: string, name: string): TSESTree.Identifier[] {
    const identifiers: TSESTree.Identifier[] = [];
    for (const [variable, binding] of this.importedNames) {
      if (binding.module === module && binding.imported === name) {
        for (const reference of variable.references) {
          if (reference.identifier.type === AST_NODE_TYPES.Identifier) identifiers.push(reference.identifier);
        }
      }
    }
    return identifiers;
  }

  /** `process.getBuiltinModule('fs')` (Node ≥ 20.16), the way to load built-ins from any module type. */
  private trackBuiltinModuleLookups(): void {
    if (!this.sourceCode.text.includes('getBuiltinModule')) return;
    for (const identifier of globalReferences(this.sourceCode, 'process')) {
      const member = outermostSameValue(identifier).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== 'getBuiltinModule') continue;
      const call = outermostSameValue(member).parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostSameValue(member)) {
        this.trackModuleCall(call, call.arguments[0]);
      }
    }
  }

  /**
   * `await import('fs')`. Finding ImportExpressions takes a walk of the whole tree, so the text
   * decides first whether any `import('<module we know>')` is there at all.
   */
  private trackDynamicImports(): void {
    const text = this.sourceCode.text;
    if (!text.includes('import(')) return;
    let relevant = false;
    for (const match of text.matchAll(DYNAMIC_IMPORT)) {
      if (inJsDocOrLineComment(text, match.index)) continue;
      const module = this.knowledge.moduleKey(match[1]!, this.project?.file);
      if (this.knowledge.isInteresting(module) || (this.project && !isBuiltinModule(normalizeModuleSpecifier(match[1]!)))) {
        relevant = true;
        break;
      }
    }
    if (!relevant) return;
    for (const node of walk(this.sourceCode.ast, this.sourceCode.visitorKeys)) {
      if (node.type === AST_NODE_TYPES.ImportExpression) this.trackModuleCall(node, node.source);
    }
  }

  private trackModuleCall(node: TSESTree.Node, specifierNode: TSESTree.Node | undefined): void {
    const specifier = staticString(specifierNode);
    if (specifier === undefined) return;
    const module = this.knowledge.moduleKey(specifier, this.project?.file);
    if (this.knowledge.isInteresting(module)) {
      this.flowFrom(node, { kind: 'module', module, path: [] });
      return;
    }
    // `require('./x')` is module.exports; `import('./x')` resolves to the namespace.
    const shape = this.projectShape(specifier, node.type === AST_NODE_TYPES.ImportExpression ? '*' : 'require', []);
    if (shape) this.flowFrom(node, { kind: 'project', shape });
  }

  /** A link to what a binding to one of the project's modules holds. */
  private projectShape(specifier: string, imported: string, path: readonly string[]): ExportShape | undefined {
    if (!this.project || isBuiltinModule(normalizeModuleSpecifier(specifier))) return undefined;
    return this.project.modules.importLink(this.project.file, specifier, imported, path);
  }

  /** `value.name`: the knowledge base's answer, or one more step of a link into the project's modules. */
  private member(value: TrackedValue, name: string): TrackedValue | undefined {
    if (value.kind !== 'project') return this.knowledge.member(value, name);
    const shape = memberShape(value.shape, name);
    return shape.kind === 'unknown' || tooLong(shape) ? undefined : { kind: 'project', shape };
  }

  // ── flow ─────────────────────────────────────────────────────────────────────────────────

  /** `node` evaluates to `value`: follow where that value goes next. */
  private flowFrom(node: TSESTree.Node, value: TrackedValue): void {
    if (this.depth > MAX_DEPTH) return;
    this.depth++;
    try {
      this.flowStep(outermostSameValue(node), value);
    } finally {
      this.depth--;
    }
  }

  private flowStep(expression: TSESTree.Node, value: TrackedValue): void {
    const parent = expression.parent;
    if (!parent) return;
    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== expression) return;
        const name = memberName(parent);
        const next = name === undefined ? undefined : this.member(value, name);
        if (next) this.flowFrom(parent, next);
        return;
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee === expression) this.onCall(parent, expression, value);
        else this.onArgument(parent, parent.arguments.indexOf(expression as TSESTree.CallExpressionArgument), expression, value);
        return;
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init === expression) this.bindPattern(parent.id, value);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === expression && parent.operator === '=') {
          this.bindTarget(parent.left, value);
          this.flowFrom(parent, value);
        }
        return;
      case AST_NODE_TYPES.PropertyDefinition:
        if (parent.value === expression && !parent.static) this.recordClassField(parent.parent, propertyKeyName(parent), value);
        return;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.LogicalExpression:
        this.flowFrom(parent, value);
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== expression) this.flowFrom(parent, value);
        return;
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) === expression) this.flowFrom(parent, value);
        return;
      default:
        return;
    }
  }

  private onCall(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: TSESTree.Node, value: TrackedValue): void {
    if (value.kind === 'project') {
      this.onProjectCall(call, value.shape);
      return;
    }
    const outcome = this.knowledge.call(value, call);
    if (outcome.blocking && !(outcome.blocking.syncUnlessCallback && endsWithCallback(call))) {
      this.sites.push({ node: call, entry: outcome.blocking, form: 'call', ...this.origin(callee, value) });
    }
    if (outcome.registrar) {
      this.registrations.push({ call, registrar: outcome.registrar });
      const gives = outcome.registrar.gives;
      if (gives) {
        // `io.on('connection', (socket) => …)`: the handler's parameter is a framework object.
        for (const argument of call.arguments) {
          for (const fn of this.functionsOf(argument)) {
            const parameter = fn.params[gives.parameter];
            if (parameter) this.bindPattern(parameter, { kind: 'instance', type: gives.type });
          }
        }
      }
    }
    if (outcome.offload) this.offloadCalls.push({ call, point: outcome.offload });
    if (outcome.plugin) {
      const plugin = outcome.plugin;
      const index = plugin.argument === 'last' ? call.arguments.length - 1 : plugin.argument;
      for (const fn of this.functionsOf(call.arguments[index])) {
        this.pluginFunctions.add(fn);
        const parameter = fn.params[plugin.parameter];
        if (parameter) this.bindPattern(parameter, { kind: 'instance', type: plugin.gives });
      }
    }
    if (outcome.result) this.flowFrom(call, outcome.result);
  }

  /** A call of a helper from the project's own modules: recorded, and what it returns followed as a link. */
  private onProjectCall(call: TSESTree.CallExpression | TSESTree.NewExpression, shape: ExportShape): void {
    const isNew = call.type === AST_NODE_TYPES.NewExpression;
    this.pendingCalls.push({ node: call, shape, isNew });
    const result = resultShape(shape, isNew);
    if (result.kind !== 'unknown' && !tooLong(result)) this.flowFrom(call, { kind: 'project', shape: result });
  }

  /** Where an API was reached from, for messages and suggestions. */
  private origin(callee: TSESTree.Node, value: TrackedValue): Pick<BlockingSite, 'module' | 'moduleObject'> {
    const target = value.kind === 'invoke' ? value.target : value;
    if (target.kind !== 'module') return {};
    const inner = unwrapExpression(callee);
    const moduleObject =
      value.kind === 'module' && inner.type === AST_NODE_TYPES.MemberExpression && target.path.length === 1 ? inner.object : undefined;
    return { module: target.module, ...(moduleObject ? { moduleObject } : {}) };
  }

  private onArgument(
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    index: number,
    expression: TSESTree.Node,
    value: TrackedValue,
  ): void {
    if (index < 0) return;
    const entry = this.knowledge.blockingEntryOf(value);
    if (entry) {
      // `files.map(fs.readFileSync)`: the callee will call it, in whatever context the call runs.
      this.sites.push({
        node: expression,
        entry,
        form: 'reference',
        ...(value.kind === 'module' ? { module: value.module } : {}),
      });
      return;
    }
    // An app or database handed to a local function or class: follow it into the parameter.
    if (value.kind !== 'instance' && value.kind !== 'module' && value.kind !== 'project') return;
    const targets = call.type === AST_NODE_TYPES.NewExpression ? this.constructorsOf(call.callee) : this.functionsOf(call.callee);
    for (const fn of targets) {
      const parameter = fn.params[index];
      if (parameter) this.bindPattern(parameter, value);
    }
  }

  /** Binds a destructuring pattern (or plain identifier) to the value being destructured. */
  private bindPattern(pattern: TSESTree.Node, value: TrackedValue): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = ASTUtils.findVariable(this.sourceCode.getScope(pattern), pattern);
        if (variable) this.followVariable(variable, value);
        return;
      }
      case AST_NODE_TYPES.AssignmentPattern:
        this.bindPattern(pattern.left, value);
        return;
      case AST_NODE_TYPES.TSParameterProperty:
        this.bindPattern(pattern.parameter, value);
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const name = propertyKeyName(property);
          const next = name === undefined ? undefined : this.member(value, name);
          if (next) this.bindPattern(property.value, next);
        }
        return;
      default:
        return;
    }
  }

  /** The left side of `x = value`. */
  private bindTarget(target: TSESTree.Node, value: TrackedValue): void {
    if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
      const classBody = thisClassBody(target);
      if (classBody) this.recordClassField(classBody, memberName(target), value);
      return;
    }
    this.bindPattern(target, value);
  }

  private followVariable(variable: Variable, value: TrackedValue): void {
    const key = valueKey(value);
    let keys = this.followed.get(variable);
    if (!keys) {
      keys = new Set();
      this.followed.set(variable, keys);
    }
    if (keys.has(key)) return;
    keys.add(key);
    for (const reference of variable.references) {
      if (reference.isRead()) this.flowFrom(reference.identifier, value);
    }
  }

  /**
   * `constructor(private readonly config: ConfigService)`, as NestJS and other dependency
   * injection writes it: the field holds an instance of the class the annotation names. Followed
   * when that class is imported from one of the project's modules.
   */
  private trackInjectedServices(): void {
    if (!this.project || !this.sourceCode.text.includes('constructor')) return;
    const bindings = new Map(esmImportBindings(this.sourceCode.ast).map((binding) => [binding.local, binding]));
    if (bindings.size === 0) return;
    for (const node of walk(this.sourceCode.ast, this.sourceCode.visitorKeys)) {
      if (node.type !== AST_NODE_TYPES.MethodDefinition || node.kind !== 'constructor') continue;
      for (const param of node.value.params) {
        if (param.type !== AST_NODE_TYPES.TSParameterProperty || param.parameter.type !== AST_NODE_TYPES.Identifier) continue;
        const annotation = param.parameter.typeAnnotation?.typeAnnotation;
        if (annotation?.type !== AST_NODE_TYPES.TSTypeReference || annotation.typeName.type !== AST_NODE_TYPES.Identifier) continue;
        const binding = bindings.get(annotation.typeName.name);
        if (!binding) continue;
        const shape = this.projectShape(binding.specifier, binding.imported, binding.path);
        const instance = shape ? resultShape(shape, true) : undefined;
        if (instance && instance.kind !== 'unknown') this.recordClassField(node.parent, param.parameter.name, { kind: 'project', shape: instance });
      }
    }
  }

  // ── this.field ───────────────────────────────────────────────────────────────────────────

  private recordClassField(classBody: TSESTree.ClassBody, name: string | undefined, value: TrackedValue): void {
    if (name === undefined) return;
    let fields = this.classFields.get(classBody);
    if (!fields) {
      fields = new Map();
      this.classFields.set(classBody, fields);
    }
    fields.set(name, value);
  }

  private readonly thisMembersByClass = new Map<TSESTree.ClassBody, TSESTree.MemberExpression[]>();

  /**
   * `this.<member>` expressions in a class's instance members where `this` is the instance:
   * found once per class, since trackClassFields goes over them until nothing changes.
   */
  private thisMembers(classBody: TSESTree.ClassBody): readonly TSESTree.MemberExpression[] {
    let found = this.thisMembersByClass.get(classBody);
    if (found) return found;
    found = [];
    for (const member of classBody.body) {
      if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.static || !member.value) continue;
      for (const node of walk(member.value, this.sourceCode.visitorKeys)) {
        // Nested classes and non-arrow functions rebind `this`.
        if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && thisClassBody(node) === classBody) found.push(node);
      }
    }
    this.thisMembersByClass.set(classBody, found);
    return found;
  }

  /** Follows `this.<field>` in every method of classes whose fields hold a tracked value. */
  private trackClassFields(): void {
    // Fields found while following fields (a router stored from a stored app) get their turn too.
    const done = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [classBody, fields] of [...this.classFields]) {
        for (const node of this.thisMembers(classBody)) {
          const name = memberName(node);
          const value = name === undefined ? undefined : fields.get(name);
          if (!value) continue;
          const key = `${node.range[0]}:${valueKey(value)}`;
          if (done.has(key)) continue;
          done.add(key);
          changed = true;
          // Reads only: `this.db = …` itself is the assignment we came from.
          const parent = outermostSameValue(node).parent;
          if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outermostSameValue(node)) continue;
          this.flowFrom(node, value);
        }
      }
    }
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────

  /** The constructor of the local class an expression names: `new Wrapped(db)` hands `db` to it. */
  constructorsOf(node: TSESTree.Node): FunctionNode[] {
    const inner = unwrapExpression(node);
    let classNode: TSESTree.Node | undefined = inner;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      classNode = definition?.type === DefinitionType.ClassName ? definition.node : definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? (definition.node.init ?? undefined) : undefined;
    }
    if (classNode?.type !== AST_NODE_TYPES.ClassDeclaration && classNode?.type !== AST_NODE_TYPES.ClassExpression) return [];
    for (const member of classNode.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') return member.value.type === AST_NODE_TYPES.FunctionExpression ? [member.value] : [];
    }
    return [];
  }

  /** Functions an expression denotes: an inline function, or a local function or const it names. */
  functionsOf(node: TSESTree.Node | undefined): FunctionNode[] {
    if (!node) return [];
    const inner = unwrapExpression(node);
    if (isFunctionNode(inner)) return [inner];
    if (inner.type !== AST_NODE_TYPES.Identifier) return [];
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(inner), inner);
    const definition = variable?.defs[0];
    if (!definition) return [];
    // A parameter's definition names its function too: `run(app)` does not make `app` denote `run`.
    if (definition.type === DefinitionType.FunctionName && isFunctionNode(definition.node)) return [definition.node];
    if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init && variable.defs.length === 1) {
      const init = unwrapExpression(definition.node.init);
      if (isFunctionNode(init)) return [init];
    }
    return [];
  }
}

function endsWithCallback(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const last = call.arguments.at(-1);
  return last !== undefined && (isFunctionNode(last) || last.type === AST_NODE_TYPES.Identifier);
}

function valueKey(value: TrackedValue): string {
  switch (value.kind) {
    case 'module':
      return `m:${value.module}:${value.path.join('.')}`;
    case 'instance':
      return `i:${value.type}`;
    case 'method':
      return `f:${value.type}.${value.method}`;
    case 'invoke':
      return `c:${valueKey(value.target)}`;
    case 'bind':
      return `b:${valueKey(value.target)}`;
    case 'project':
      // A link by what it names, so that `node = node.next` in a loop is followed once, not forever.
      return value.shape.kind === 'link' ? `l:${value.shape.file}:${value.shape.path.join('.')}` : `p:${shapeId(value.shape)}`;
  }
}

/** Links longer than this (`a.b.c.d.e.f.g.h.i`) lead nowhere a summary could say anything about. */
const MAX_LINK_PATH = 8;
const tooLong = (shape: ExportShape): boolean => shape.kind === 'link' && shape.path.length > MAX_LINK_PATH;

const shapeIds = new WeakMap<ExportShape, number>();
let nextShapeId = 0;

/** A number per shape object, for the keys that stop the tracker following a value twice. */
function shapeId(shape: ExportShape): number {
  let id = shapeIds.get(shape);
  if (id === undefined) {
    id = nextShapeId++;
    shapeIds.set(shape, id);
  }
  return id;
}

/** The class whose instance `this` denotes at `node`: arrows see through, other functions do not. */
function thisClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const owner = current.parent;
      if (owner?.type === AST_NODE_TYPES.MethodDefinition && !owner.static) return owner.parent;
      return undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static) return current.parent;
  }
  return undefined;
}

