import { AST_NODE_TYPES, type TSESLint, type TSESTree } from './estree.js';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Wrappers that change neither the value nor where it flows: `x!`, `x as T`, `<T>x`, `x satisfies T`, `a?.b`. */
const TRANSPARENT_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/** The outermost node that still denotes the same value as `node` (climbs through `!`, `as`, `?.`). */
export function outermostSameValue(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && TRANSPARENT_WRAPPERS.has(current.parent.type)) current = current.parent;
  return current;
}

/** `node` with `!`, `as`, `satisfies` and `?.` wrappers peeled off. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** A string known at lint time: `'x'` or a template literal with no substitutions. */
export function staticString(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The property name of `a.b`, `a['b']` or ``a[`b`]``; undefined for a computed name we cannot know. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  return staticString(node.property);
}

/** The key of an object property or class member when it is static. */
export function propertyKeyName(
  node: TSESTree.MethodDefinition | TSESTree.Property | TSESTree.PropertyDefinition,
): string | undefined {
  if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.key.name}`;
    if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
    return undefined;
  }
  return staticString(node.key);
}

/** `a.b.c` as `['a', 'b', 'c']` for a chain of identifiers and static members; undefined otherwise. */
export function memberChain(node: TSESTree.Node): string[] | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return [inner.name];
  if (inner.type === AST_NODE_TYPES.ThisExpression) return ['this'];
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(inner);
    const object = memberChain(inner.object);
    return name !== undefined && object ? [...object, name] : undefined;
  }
  return undefined;
}

/** The name of the function that a call invokes: `f()` → f, `a.b.f()` → f. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return undefined;
}

export function isCallLike(node: TSESTree.Node | undefined): node is TSESTree.CallExpression | TSESTree.NewExpression {
  return node?.type === AST_NODE_TYPES.CallExpression || node?.type === AST_NODE_TYPES.NewExpression;
}

/** The nearest function that contains `node`, or undefined at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** True when `node` lies in `fn`'s parameter list rather than its body. */
export function isInParameters(fn: FunctionNode, node: TSESTree.Node): boolean {
  return fn.params.some((param) => param.range[0] <= node.range[0] && node.range[1] <= param.range[1]);
}

/** The name a function is known by: its own id, the variable, property or method it is assigned to. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition: {
      const key = propertyKeyName(parent);
      const owner = parent.parent.parent;
      const className =
        parent.type !== AST_NODE_TYPES.Property &&
        (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression)
          ? owner.id?.name
          : undefined;
      return key === undefined ? undefined : className ? `${className}.${key}` : key;
    }
    case AST_NODE_TYPES.AssignmentExpression: {
      const chain = memberChain(parent.left);
      return chain?.join('.');
    }
    default:
      return undefined;
  }
}

/** True for the parameter-shape of a class or object method (`foo() {}`), as opposed to a property holding a function. */
export function isMethodValue(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent.type === AST_NODE_TYPES.MethodDefinition ||
    (parent.type === AST_NODE_TYPES.Property && (parent.method || parent.kind !== 'init'))
  );
}

/** Every descendant of `root` (root included), depth first, using the parser's visitor keys. */
export function* walk(root: TSESTree.Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): Generator<TSESTree.Node> {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** `await x` binds looser than member access, calls and `**`: `(await stat(p)).size`. */
export function needsParentheses(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent?.type === AST_NODE_TYPES.ChainExpression || current.parent?.type === AST_NODE_TYPES.TSNonNullExpression) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === current;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === current;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === current;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === current;
    default:
      return false;
  }
}
