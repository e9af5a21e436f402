// What the code shows about a value whose type JavaScript leaves unknown (`any`), before the worker
// route gives up on it. Types come first, always; these are read only where the checker has none:
//
//   - what a helper does with a parameter: every use passes it straight to a parameter whose
//     declared type crosses (`pbkdf2Sync(password, …)` takes a string or bytes);
//   - where an argument comes from: what a framework fills with plain data for its handlers
//     (`req.params.name`, a property of `req.body`);
//   - what a helper returns: what a catalog API returns as bytes (`return gzipSync(text)`).

import { Node, SyntaxKind, VariableDeclarationKind, type ParameterDeclaration, type ts } from 'ts-morph';

import type { RequestData } from '../../analysis/frameworks/frameworks.js';
import { cloneProblem } from './cloneable.js';
import type { FunctionInfo, FunctionLike } from './functions.js';
import type { ProgramFile } from './program.js';

/** How many variables deep an argument is followed back to where it was read. */
const MAX_HOPS = 4;

/** True when every use of `info`'s parameter `index` passes it straight to a parameter whose declared type crosses. */
export function usesShowCloneable(info: FunctionInfo, index: number, checker: ts.TypeChecker): boolean {
  const parameter = info.node.getParameters()[index];
  const name = parameter?.getNameNode();
  if (!parameter || parameter.isRestParameter() || !Node.isIdentifier(name)) return false;
  const symbol = name.getSymbol();
  const uses = info.node.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier !== name && refersTo(identifier, symbol));
  return uses.length > 0 && uses.every((use) => passedAsCloneable(use, checker));
}

/** `{ password }` names the property, not the variable: its value's symbol is the variable's. */
function refersTo(identifier: Node, symbol: ReturnType<Node['getSymbol']>): boolean {
  const parent = identifier.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) return parent.getValueSymbol() === symbol;
  return identifier.getSymbol() === symbol;
}

function passedAsCloneable(use: Node, checker: ts.TypeChecker): boolean {
  const call = use.getParent();
  if (!Node.isCallExpression(call) && !Node.isNewExpression(call)) return false;
  const position = call.getArguments().indexOf(use);
  if (position === -1) return false;
  const parameters = checker.getResolvedSignature(call.compilerNode)?.getParameters() ?? [];
  const parameter = parameters[Math.min(position, parameters.length - 1)];
  if (!parameter) return false;
  return cloneProblem(checker.getTypeOfSymbolAtLocation(parameter, call.compilerNode), checker) === undefined;
}

/** True when `argument`, in `file`, reads what a request handler's framework fills with plain data. */
export function readsRequestData(argument: Node, file: ProgramFile): boolean {
  const source = readFrom(argument, 0);
  if (!source) return false;
  const fn = source.parameter.getParent();
  if (!(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return false;
  const requestData = handlerRequestData(fn, file);
  if (!requestData || fn.getParameters().indexOf(source.parameter) !== requestData.parameter) return false;
  return requestData.paths.some((prefix) => prefix.length <= source.path.length && prefix.every((part, i) => source.path[i] === part));
}

interface Source {
  readonly parameter: ParameterDeclaration;
  /** The properties read from the parameter, outermost first. */
  readonly path: readonly string[];
}

/** The parameter and property path an expression reads, through `const` variables, destructuring and `?? {}`. */
function readFrom(node: Node, hops: number): Source | undefined {
  if (hops > MAX_HOPS) return undefined;
  if (Node.isParenthesizedExpression(node) || Node.isNonNullExpression(node) || Node.isAsExpression(node)) return readFrom(node.getExpression(), hops);
  if (Node.isBinaryExpression(node)) {
    // `req.body ?? {}`: the fallback is plain data too.
    const operator = node.getOperatorToken().getKind();
    const isFallback = operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken;
    return isFallback && isPlainLiteral(node.getRight()) ? readFrom(node.getLeft(), hops) : undefined;
  }
  if (Node.isPropertyAccessExpression(node)) {
    const inner = readFrom(node.getExpression(), hops);
    return inner && { parameter: inner.parameter, path: [...inner.path, node.getName()] };
  }
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (Node.isParameterDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode())) return { parameter: declaration, path: [] };
  if (Node.isVariableDeclaration(declaration) && Node.isIdentifier(declaration.getNameNode())) {
    const initializer = declaration.getInitializer();
    return isConst(declaration) && initializer ? readFrom(initializer, hops + 1) : undefined;
  }
  if (Node.isBindingElement(declaration)) return readBinding(declaration, hops + 1);
  return undefined;
}

/** `const { password = '' } = req.body`: the property the element takes from what the pattern destructures. */
function readBinding(element: Node, hops: number): Source | undefined {
  if (!Node.isBindingElement(element) || element.getDotDotDotToken()) return undefined;
  const fallback = element.getInitializer();
  if (fallback && !isPlainLiteral(fallback)) return undefined;
  const key = element.getPropertyNameNode() ?? element.getNameNode();
  if (!Node.isIdentifier(key) && !Node.isStringLiteral(key)) return undefined;
  const pattern = element.getParent();
  if (!Node.isObjectBindingPattern(pattern)) return undefined;
  const holder = pattern.getParent();
  let outer: Source | undefined;
  if (Node.isVariableDeclaration(holder)) {
    const initializer = holder.getInitializer();
    outer = isConst(holder) && initializer ? readFrom(initializer, hops) : undefined;
  } else if (Node.isBindingElement(holder)) {
    outer = readBinding(holder, hops + 1);
  } else if (Node.isParameterDeclaration(holder)) {
    outer = { parameter: holder, path: [] };
  }
  return outer && { parameter: outer.parameter, path: [...outer.path, Node.isStringLiteral(key) ? key.getLiteralValue() : key.getText()] };
}

function isConst(declaration: Node): boolean {
  return declaration.getFirstAncestorByKind(SyntaxKind.VariableDeclarationList)?.getDeclarationKind() === VariableDeclarationKind.Const;
}

/** A literal with no code in it: `''`, `0`, `{}`, `[]`, `null`. */
function isPlainLiteral(node: Node): boolean {
  if (Node.isStringLiteral(node) || Node.isNumericLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return true;
  const kind = node.getKind();
  if (kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword || kind === SyntaxKind.NullKeyword) return true;
  if (Node.isObjectLiteralExpression(node)) return node.getProperties().length === 0;
  if (Node.isArrayLiteralExpression(node)) return node.getElements().length === 0;
  return false;
}

/** Where the framework of the handler `fn` puts the request's data, when `fn` is one. */
function handlerRequestData(fn: FunctionLike, file: ProgramFile): RequestData | undefined {
  if (fn.getSourceFile() !== file.sourceFile) return undefined;
  const estree = file.index.functionOf(fn);
  if (!estree) return undefined;
  const context = file.view.analysis.classifier.classify(estree.body);
  return context?.fn === estree ? context.handler?.framework.requestData : undefined;
}

/**
 * True when every value `info` returns is what a catalog API returns as bytes: a Buffer, or text
 * where an encoding was given (`readFileSync(file, 'utf8')`). Both cross.
 */
export function returnsCatalogBytes(info: FunctionInfo): boolean {
  const body = info.node.getBody();
  const returned: Node[] = [];
  if (body && !Node.isBlock(body)) returned.push(body);
  else {
    for (const statement of info.node.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
      if (enclosingFunction(statement) !== info.node) continue;
      const expression = statement.getExpression();
      if (!expression) return false;
      returned.push(expression);
    }
  }
  return returned.length > 0 && returned.every((expression) => isCatalogBytes(expression, info, 0));
}

function isCatalogBytes(node: Node, info: FunctionInfo, hops: number): boolean {
  if (hops > MAX_HOPS) return false;
  if (Node.isParenthesizedExpression(node)) return isCatalogBytes(node.getExpression(), info, hops);
  if (Node.isCallExpression(node)) {
    const call = info.file.index.callOf(node);
    return info.file.index.ownSites(info.estree).some((site) => site.node === call && site.entry.returnsBuffer !== undefined);
  }
  if (!Node.isIdentifier(node)) return false;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (!Node.isVariableDeclaration(declaration) || !isConst(declaration) || enclosingFunction(declaration) !== info.node) return false;
  const initializer = declaration.getInitializer();
  return initializer !== undefined && isCatalogBytes(initializer, info, hops + 1);
}

function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor((ancestor) => Node.isFunctionDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor) || Node.isMethodDeclaration(ancestor));
}
