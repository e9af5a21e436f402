import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from './estree.js';
import { isFunctionNode, memberChain, memberName, propertyKeyName, staticString, unwrapExpression, type FunctionNode } from './ast.js';
import {
  DECORATOR_FRAMEWORKS,
  EXPORTED_ROUTE_DATA_FUNCTIONS,
  EXPORTED_VERB_HANDLERS,
  GLOBAL_HANDLER_FUNCTIONS,
  LAMBDA_HANDLER_EXPORTS,
  TYPE_EVIDENCE,
} from './frameworks/data.js';
import { FRAMEWORKS, type Framework } from './frameworks/frameworks.js';
import type { HandlerFamily, HandlerInfo, HandlerRegistrar } from './frameworks/types.js';
import { globalReferences } from './globals.js';
import { looksLikeLambda } from './lambda-evidence.js';
import type { HandlerPattern } from './settings.js';
import type { Registration, Tracker, TrackingResult } from './tracker.js';

type Variable = TSESLint.Scope.Variable;

const ROUTE_METHOD_NAMES = new Set(['get', 'post', 'put', 'delete', 'del', 'patch', 'options', 'head', 'all', 'use']);
const REQUEST_PARAMETER_NAMES = new Set(['req', 'request']);
const RESPONSE_PARAMETER_NAMES = new Set(['res', 'response', 'reply']);

/**
 * Which functions in a file run per request. Registrations on objects traced to a framework's
 * import come first; file conventions (Next.js verbs, Lambda's `handler`, NestJS decorators)
 * next; and for functions that neither covers, two guarded fallbacks that look at more than
 * parameter names (see `fallbackHandler`).
 */
export class HandlerIndex {
  private readonly known = new Map<FunctionNode, HandlerInfo>();
  private readonly fallbackCache = new Map<FunctionNode, HandlerInfo | undefined>();

  private readonly sourceCode: Readonly<TSESLint.SourceCode>;
  private readonly filename: string;
  private readonly tracker: Tracker;
  private readonly tracking: TrackingResult;
  private readonly patterns: readonly HandlerPattern[];
  private readonly disabledFamilies: ReadonlySet<HandlerFamily>;

  constructor(
    sourceCode: Readonly<TSESLint.SourceCode>,
    filename: string,
    tracker: Tracker,
    tracking: TrackingResult,
    patterns: readonly HandlerPattern[],
    disabledFamilies: ReadonlySet<HandlerFamily> = new Set(),
  ) {
    this.disabledFamilies = disabledFamilies;
    this.sourceCode = sourceCode;
    this.filename = filename;
    this.tracker = tracker;
    this.tracking = tracking;
    this.patterns = patterns;
    for (const registration of tracking.registrations) this.addRegistration(registration);
    this.addGlobalRegistrars();
    this.addExportConventions();
    this.addDecoratedMethods();
  }

  /** The handler a function is, or undefined. */
  get(fn: FunctionNode): HandlerInfo | undefined {
    const known = this.known.get(fn);
    if (known) return known;
    if (!this.fallbackCache.has(fn)) this.fallbackCache.set(fn, this.fallbackHandler(fn));
    return this.fallbackCache.get(fn);
  }

  // ── registrations ────────────────────────────────────────────────────────────────────────

  private addRegistration({ call, registrar }: Registration): void {
    const args = call.arguments;
    const label = registrationLabel(call, registrar);
    const info: HandlerInfo = {
      framework: registrar.framework,
      role: registrar.role,
      ...(label ? { label } : {}),
      ...(registrar.family ? { family: registrar.family } : {}),
    };
    const spec = registrar.handlers;
    args.forEach((argument, index) => {
      if (spec.kind === 'named') {
        const name = staticString(args[spec.nameArgument]);
        if (name === undefined || !spec.names.includes(name) || index <= spec.nameArgument) return;
        const hookInfo: HandlerInfo = { ...info, label: name };
        for (const fn of this.functionsIn(argument)) this.add(fn, hookInfo);
        return;
      }
      const inner = unwrapExpression(argument);
      if (inner.type === AST_NODE_TYPES.ObjectExpression) {
        for (const { fn, key } of this.optionFunctions(inner, registrar.optionKeys ?? [])) {
          // Fastify's route options mix the handler with hooks; a consumer's options (`eachMessage`) are all handlers.
          const role = key === 'handler' || (registrar.family ?? 'http') !== 'http' ? info.role : key === 'errorHandler' ? 'error-handler' : 'hook';
          this.add(fn, { ...info, role, ...(role === 'hook' || role === 'message' ? { label: key } : {}) });
        }
        return;
      }
      if (spec.kind === 'functions') for (const fn of this.functionsIn(argument)) this.add(fn, isExpressErrorHandler(registrar, fn) ? { ...info, role: 'error-handler' } : info);
    });
  }

  /** Nuxt auto-imports h3's `defineEventHandler`: no import to trace, so the global name is the evidence. */
  private addGlobalRegistrars(): void {
    if (!this.sourceCode.text.includes('EventHandler')) return;
    for (const [name, framework] of Object.entries(GLOBAL_HANDLER_FUNCTIONS)) {
      for (const identifier of globalReferences(this.sourceCode, name)) {
        const call = identifier.parent;
        if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) continue;
        for (const argument of call.arguments) {
          for (const fn of this.functionsIn(argument)) this.add(fn, { framework, role: 'route' });
        }
      }
    }
  }

  private optionFunctions(object: TSESTree.ObjectExpression, keys: readonly string[]): Array<{ fn: FunctionNode; key: string }> {
    const found: Array<{ fn: FunctionNode; key: string }> = [];
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKeyName(property);
      if (key === undefined || !keys.includes(key)) continue;
      for (const fn of this.functionsIn(property.value)) found.push({ fn, key });
    }
    return found;
  }

  // ── file conventions ─────────────────────────────────────────────────────────────────────

  private addExportConventions(): void {
    const isPagesApi = /[\\/]pages[\\/]api[\\/]/.test(this.filename);
    const isRouteModule = /[\\/]routes?[\\/]/.test(this.filename) || this.importsFrom(/^(@remix-run\/|react-router)/);
    const userExports = new Map<string, Framework>();
    for (const pattern of this.patterns) if (pattern.kind === 'export') for (const name of pattern.names) userExports.set(name, pattern.framework);

    const conventionFor = (name: string): HandlerInfo | undefined => {
      if ((EXPORTED_VERB_HANDLERS as readonly string[]).includes(name)) return { framework: FRAMEWORKS.nextjs, role: 'route', label: name };
      if ((LAMBDA_HANDLER_EXPORTS as readonly string[]).includes(name)) return { framework: FRAMEWORKS.awsLambda, role: 'route', label: name };
      if (isRouteModule && (EXPORTED_ROUTE_DATA_FUNCTIONS as readonly string[]).includes(name)) return { framework: FRAMEWORKS.remix, role: 'route', label: name };
      const framework = userExports.get(name);
      return framework ? { framework, role: 'route', label: name } : undefined;
    };

    for (const [name, value] of this.exportedValues()) {
      const info = name === 'default' ? (isPagesApi ? { framework: FRAMEWORKS.nextjs, role: 'route' as const, label: 'API route' } : undefined) : conventionFor(name);
      if (!info) continue;
      for (const fn of this.functionsIn(value)) {
        // `handler` is a common name (yargs commands, plain modules): a Lambda's only with evidence.
        if (info.framework === FRAMEWORKS.awsLambda && !looksLikeLambda(fn, this.sourceCode.ast, this.filename)) continue;
        this.add(fn, info);
      }
    }
  }

  /** `[exported name, value node]` for ESM exports and CommonJS `exports.x =` / `module.exports = {…}`. */
  private *exportedValues(): Generator<[string, TSESTree.Node]> {
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
        const declaration = statement.declaration;
        if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) yield [declaration.id.name, declaration];
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) yield [declarator.id.name, declarator.init];
          }
        }
        if (!statement.source) {
          for (const specifier of statement.specifiers) {
            const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
            if (specifier.local.type === AST_NODE_TYPES.Identifier) yield [exported, specifier.local];
          }
        }
      } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        yield ['default', statement.declaration];
      } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
        const { left, right } = statement.expression;
        const chain = memberChain(left);
        if (!chain) continue;
        if ((chain[0] === 'exports' && chain.length === 2) || (chain[0] === 'module' && chain[1] === 'exports' && chain.length === 3)) {
          yield [chain.at(-1)!, right];
        } else if (chain.join('.') === 'module.exports') {
          const object = unwrapExpression(right);
          if (object.type === AST_NODE_TYPES.ObjectExpression) {
            for (const property of object.properties) {
              if (property.type !== AST_NODE_TYPES.Property) continue;
              const key = propertyKeyName(property);
              if (key !== undefined) yield [key, property.value];
            }
          } else {
            yield ['default', right];
          }
        }
      }
    }
  }

  private importsFrom(pattern: RegExp): boolean {
    for (const { module } of this.tracking.importedNames.values()) if (pattern.test(module)) return true;
    return false;
  }

  // ── decorators ───────────────────────────────────────────────────────────────────────────

  private addDecoratedMethods(): void {
    if (!this.sourceCode.text.includes('@')) return;
    const userDecorators = this.patterns.filter((pattern) => pattern.kind === 'decorator');
    for (const classNode of topLevelClasses(this.sourceCode.ast)) {
      for (const framework of DECORATOR_FRAMEWORKS) {
        const anyClass = framework.classDecorators.length === 0;
        const controller = classNode.decorators.find((decorator) =>
          framework.classDecorators.includes(this.decoratorImport(decorator, framework.modules) ?? ''),
        );
        const perRequest = new Map<string, string>();
        for (const clause of classNode.implements) {
          const name = this.importedName(clause.expression, framework.modules);
          const method = name === undefined ? undefined : framework.perRequestInterfaces?.[name];
          if (method) perRequest.set(method, name!);
        }
        if (!controller && !anyClass && perRequest.size === 0) continue;
        const prefix = controller ? decoratorPath(controller) : undefined;
        for (const member of classNode.body.body) {
          if (member.type !== AST_NODE_TYPES.MethodDefinition || member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
          const methodName = propertyKeyName(member);
          const qualified = `${classNode.id?.name ?? 'class'}.${methodName ?? 'method'}`;
          if (methodName !== undefined && perRequest.has(methodName)) {
            this.add(member.value, { framework: framework.framework, role: 'middleware', label: qualified });
            continue;
          }
          if (!controller && !anyClass) continue;
          for (const decorator of member.decorators) {
            const imported = this.decoratorImport(decorator, framework.modules);
            const verb = imported === undefined ? undefined : framework.methodDecorators[imported];
            if (!verb) continue;
            const route = joinRoute(prefix, decoratorPath(decorator));
            const label = /^[A-Z]+$/.test(verb) ? `${qualified} (${verb} ${route})` : `${qualified} (${verb})`;
            this.add(member.value, {
              framework: framework.framework,
              role: framework.role ?? 'route',
              label,
              ...(framework.family ? { family: framework.family } : {}),
            });
          }
        }
      }
      for (const pattern of userDecorators) {
        if (pattern.kind !== 'decorator') continue;
        for (const member of classNode.body.body) {
          if (member.type !== AST_NODE_TYPES.MethodDefinition || member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
          if (member.decorators.some((decorator) => pattern.names.includes(this.decoratorImport(decorator, [pattern.module]) ?? ''))) {
            this.add(member.value, { framework: pattern.framework, role: 'route', label: `${classNode.id?.name ?? 'class'}.${propertyKeyName(member) ?? 'method'}` });
          }
        }
      }
    }
  }

  /** The imported name behind `@Get()` / `@Get` when it comes from one of `modules`. */
  private decoratorImport(decorator: TSESTree.Decorator, modules: readonly string[]): string | undefined {
    const expression = unwrapExpression(decorator.expression);
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(expression.callee) : expression;
    return this.importedName(callee, modules);
  }

  private importedName(node: TSESTree.Node, modules: readonly string[]): string | undefined {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const binding = this.bindingOf(node);
    return binding && modules.includes(binding.module) ? binding.imported : undefined;
  }

  private bindingOf(identifier: TSESTree.Identifier): { module: string; imported: string } | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    return variable ? this.tracking.importedNames.get(variable) : undefined;
  }

  // ── fallbacks ────────────────────────────────────────────────────────────────────────────

  /**
   * For functions no registration or convention names:
   * 1. a parameter typed with a framework's request type (`req: Request` from express);
   * 2. a route-shaped registration on an object we cannot trace (`router.get('/users', fn)` where
   *    `router` is a parameter), unless that object is an import of some other module;
   * 3. an exported or registered function whose first two parameters are a request and a response
   *    (`(req, res)`): names *and* the position of a controller, never names alone.
   */
  private fallbackHandler(fn: FunctionNode): HandlerInfo | undefined {
    return this.typedHandler(fn) ?? this.routeShapedHandler(fn) ?? this.controllerShapedHandler(fn);
  }

  private typedHandler(fn: FunctionNode): HandlerInfo | undefined {
    const annotations: TSESTree.TypeNode[] = [];
    for (const param of fn.params) {
      const annotated = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if ('typeAnnotation' in annotated && annotated.typeAnnotation) annotations.push(annotated.typeAnnotation.typeAnnotation);
    }
    const declarator = fn.parent;
    if (declarator.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.typeAnnotation) {
      annotations.push(declarator.id.typeAnnotation.typeAnnotation);
    }
    for (const annotation of annotations) {
      if (annotation.type !== AST_NODE_TYPES.TSTypeReference) continue;
      let name: TSESTree.EntityName = annotation.typeName;
      while (name.type === AST_NODE_TYPES.TSQualifiedName) name = name.left;
      if (name.type !== AST_NODE_TYPES.Identifier) continue;
      const binding = this.bindingOf(name);
      if (!binding) continue;
      const imported = binding.imported === '*' && annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName ? annotation.typeName.right.name : binding.imported;
      const evidence = TYPE_EVIDENCE.find((candidate) => candidate.handler && candidate.modules.includes(binding.module) && candidate.names.includes(imported));
      if (evidence?.handler) return evidence.handler;
    }
    return undefined;
  }

  private routeShapedHandler(fn: FunctionNode): HandlerInfo | undefined {
    let argument: TSESTree.Node = fn;
    if (argument.parent?.type === AST_NODE_TYPES.ArrayExpression) argument = argument.parent;
    const call = argument.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === argument) return undefined;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (method === undefined || !ROUTE_METHOD_NAMES.has(method)) return undefined;
    const path = staticString(call.arguments[0]);
    const routeLike = path !== undefined && /^[/*]/.test(path);
    const middlewareLike = method === 'use' && call.arguments[0] === argument && fn.params.length >= 3 && hasRequestResponseParams(fn);
    if (!routeLike && !middlewareLike) return undefined;
    if (this.isForeignImport(callee.object)) return undefined;
    const label = method === 'use' ? (path ?? undefined) : `${method.toUpperCase()} ${path ?? ''}`.trim();
    const role = method === 'use' ? (declaredArity(fn) === 4 ? 'error-handler' : 'middleware') : 'route';
    return { framework: FRAMEWORKS.expressStyle, role, ...(label ? { label } : {}) };
  }

  /** True when the object's root is imported from a module that is not a framework we know. */
  private isForeignImport(object: TSESTree.Node): boolean {
    let root = unwrapExpression(object);
    while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
      root = unwrapExpression(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
    }
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    return this.bindingOf(root) !== undefined;
  }

  private controllerShapedHandler(fn: FunctionNode): HandlerInfo | undefined {
    if (fn.params.length < 2 || !hasRequestResponseParams(fn)) return undefined;
    if (!this.isExportedOrPassed(fn)) return undefined;
    return { framework: FRAMEWORKS.http, role: 'route' };
  }

  /** Exported (ESM or CommonJS), a method of an exported class or object, or passed to a call. */
  private isExportedOrPassed(fn: FunctionNode): boolean {
    const parent = fn.parent;
    // Start above the function itself, or the walk below stops at once on a function declaration.
    let node: TSESTree.Node = parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== fn) return true;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) node = parent.parent;
    if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) node = parent.parent.parent;
    if (parent.type === AST_NODE_TYPES.Property) node = parent.parent;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
      const chain = memberChain(parent.left);
      if (chain && (chain[0] === 'exports' || (chain[0] === 'module' && chain[1] === 'exports'))) return true;
    }
    for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ExportNamedDeclaration || current.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
      if (current.type === AST_NODE_TYPES.AssignmentExpression) {
        const chain = memberChain(current.left);
        if (chain && (chain[0] === 'exports' || (chain[0] === 'module' && chain[1] === 'exports'))) return true;
      }
      if (isFunctionNode(current) || current.type === AST_NODE_TYPES.Program) break;
    }
    const variable = this.bindingVariable(fn);
    return variable?.references.some((reference) => {
      const referenceParent = reference.identifier.parent;
      return (
        (referenceParent.type === AST_NODE_TYPES.CallExpression && referenceParent.callee !== reference.identifier) ||
        referenceParent.type === AST_NODE_TYPES.ExportSpecifier ||
        (referenceParent.type === AST_NODE_TYPES.Property && referenceParent.parent.parent?.type === AST_NODE_TYPES.AssignmentExpression)
      );
    }) ?? false;
  }

  private bindingVariable(fn: FunctionNode): Variable | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return this.sourceCode.getDeclaredVariables(fn)[0];
    if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator) return this.sourceCode.getDeclaredVariables(fn.parent)[0];
    return undefined;
  }

  // ── shared ───────────────────────────────────────────────────────────────────────────────

  private add(fn: FunctionNode, info: HandlerInfo): void {
    if (info.family && this.disabledFamilies.has(info.family)) return;
    if (!this.known.has(fn)) this.known.set(fn, info);
  }

  /**
   * Functions an argument denotes: inline functions, local functions and consts it names, arrays of
   * them, methods of local objects and classes (`users.list`), and functions wrapped in a call
   * (`asyncHandler(fn)`, `middy(fn).use(…)`).
   */
  functionsIn(node: TSESTree.Node | undefined, depth = 0): FunctionNode[] {
    if (!node || depth > 3) return [];
    const inner = unwrapExpression(node);
    switch (inner.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return [inner];
      case AST_NODE_TYPES.Identifier:
        return this.tracker.functionsOf(inner);
      case AST_NODE_TYPES.ArrayExpression:
        return inner.elements.flatMap((element) => this.functionsIn(element ?? undefined, depth + 1));
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.functionsIn(inner.consequent, depth + 1), ...this.functionsIn(inner.alternate, depth + 1)];
      case AST_NODE_TYPES.CallExpression: {
        const wrapped = inner.arguments.flatMap((argument) => this.functionsIn(argument, depth + 1));
        const callee = unwrapExpression(inner.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.CallExpression) {
          wrapped.push(...this.functionsIn(callee.object, depth + 1));
        }
        return wrapped;
      }
      case AST_NODE_TYPES.MemberExpression:
        return this.methodsOf(inner);
      default:
        return [];
    }
  }

  /** `controller.list` where `controller` is a local object literal, a local class, or `new LocalClass()`. */
  private methodsOf(member: TSESTree.MemberExpression): FunctionNode[] {
    const name = memberName(member);
    const object = unwrapExpression(member.object);
    if (name === undefined || object.type !== AST_NODE_TYPES.Identifier) return [];
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(object), object);
    const definition = variable?.defs[0];
    if (!definition) return [];
    let container: TSESTree.Node | null | undefined = definition.node;
    if (container.type === AST_NODE_TYPES.VariableDeclarator) {
      container = container.init ? unwrapExpression(container.init) : undefined;
      if (container?.type === AST_NODE_TYPES.NewExpression && container.callee.type === AST_NODE_TYPES.Identifier) {
        const classVariable = ASTUtils.findVariable(this.sourceCode.getScope(container.callee), container.callee);
        container = classVariable?.defs[0]?.node;
      }
    }
    if (container?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of container.properties) {
        if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === name && isFunctionNode(property.value)) return [property.value];
      }
    }
    if (container?.type === AST_NODE_TYPES.ClassDeclaration || container?.type === AST_NODE_TYPES.ClassExpression) {
      for (const element of container.body.body) {
        if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && propertyKeyName(element) === name) {
          if (element.value && isFunctionNode(element.value)) return [element.value];
        }
      }
    }
    return [];
  }
}

function hasRequestResponseParams(fn: FunctionNode): boolean {
  const names = fn.params.map((param) => (param.type === AST_NODE_TYPES.Identifier ? param.name : undefined));
  // Express error middleware puts the error first: (err, req, res, next).
  const offset = names.length >= 4 ? 1 : 0;
  const request = names[offset];
  const response = names[offset + 1];
  return request !== undefined && response !== undefined && REQUEST_PARAMETER_NAMES.has(request) && RESPONSE_PARAMETER_NAMES.has(response);
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'any', 'trace', 'connect', 'search', 'purge']);

function registrationLabel(call: TSESTree.CallExpression | TSESTree.NewExpression, registrar: HandlerRegistrar): string | undefined {
  if (registrar.role !== 'route' || !registrar.method) {
    // `app.use('/api', fn)`, `socket.on('chat', fn)`, `channel.consume('orders', fn)`.
    return registrar.role === 'middleware' || registrar.role === 'message' ? staticString(call.arguments[0]) : undefined;
  }
  const first = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
  // Fastify's `route({ method, url, handler })`; a user's `route('/x', fn)` is read like any verb.
  if (registrar.method === 'route' && first?.type === AST_NODE_TYPES.ObjectExpression) {
    const options = first;
    const read = (key: string): string | undefined => {
      const property = options.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && propertyKeyName(candidate) === key);
      return property?.type === AST_NODE_TYPES.Property ? staticString(property.value) : undefined;
    };
    const verb = read('method');
    const url = read('url') ?? read('path');
    return [verb, url].filter(Boolean).join(' ') || undefined;
  }
  if (registrar.method === 'on') {
    const verb = staticString(call.arguments[0]);
    const path = staticString(call.arguments[1]);
    return [verb, path].filter(Boolean).join(' ') || undefined;
  }
  // Only an HTTP method reads as a verb: `setNotFoundHandler` or `notFound` is not `SETNOTFOUNDHANDLER`.
  const verb = registrar.verb ?? (HTTP_METHODS.has(registrar.method.toLowerCase()) ? registrar.method.toUpperCase() : undefined);
  const routePath = registrar.receiver === 'express.Route' ? routeChainPath(call) : staticString(call.arguments[0]);
  return [verb, routePath].filter(Boolean).join(' ') || undefined;
}

/** `app.route('/users').get(fn)`: the path lives on the `route()` call at the chain's start. */
function routeChainPath(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  let current: TSESTree.Node = call;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    if (memberName(callee) === 'route') return staticString(current.arguments[0]);
    current = unwrapExpression(callee.object);
  }
  return undefined;
}

function* topLevelClasses(program: TSESTree.Program): Generator<TSESTree.ClassDeclaration | TSESTree.ClassExpression> {
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.ClassExpression) yield declaration;
  }
}

/** `@Controller('users')` → `users`; `@Get(':id')` → `:id`; `@Controller({ path: 'users' })` → `users`. */
function decoratorPath(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrapExpression(decorator.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const first = expression.arguments[0];
  const direct = staticString(first);
  if (direct !== undefined) return direct;
  if (first?.type === AST_NODE_TYPES.ObjectExpression) {
    const property = first.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && propertyKeyName(candidate) === 'path');
    return property?.type === AST_NODE_TYPES.Property ? staticString(property.value) : undefined;
  }
  return undefined;
}

function joinRoute(prefix: string | undefined, path: string | undefined): string {
  const parts = [prefix, path].filter((part): part is string => part !== undefined && part !== '').map((part) => part.replace(/^\/+|\/+$/g, ''));
  return `/${parts.filter(Boolean).join('/')}`;
}

/**
 * Express tells an error handler from other middleware by its arity: `(err, req, res, next)`.
 * It does so in every layer it calls through `use` and the route methods, but `app.param`
 * callbacks take four parameters of another kind (`req, res, next, id`).
 */
function isExpressErrorHandler(registrar: HandlerRegistrar, fn: FunctionNode): boolean {
  return registrar.framework === FRAMEWORKS.express && registrar.method !== 'param' && declaredArity(fn) === 4;
}

/** What `fn.length` is at run time: the parameters before the first default or rest parameter. */
function declaredArity(fn: FunctionNode): number {
  const counted = fn.params.filter((param) => param.type !== AST_NODE_TYPES.TSParameterProperty);
  const first = counted.findIndex((param) => param.type === AST_NODE_TYPES.AssignmentPattern || param.type === AST_NODE_TYPES.RestElement);
  return first === -1 ? counted.length : first;
}
