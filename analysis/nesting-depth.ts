// Code nested thousands of levels deep (generated parsers, machine-written data) runs the
// TypeScript parser out of stack, and its RangeError carries no position. This says where the
// nesting is deepest, with a scan of the tokens that keeps its own stack and so cannot run out,
// so that the report points at the code that caused it instead of at line "undefined".

// TypeScript's scanner, loaded only when a file was too deep: TypeScript is an optional peer.
import { ts } from './typescript.js';

export interface DeepestPoint {
  /** Open brackets and brace-less arrow bodies around the point. */
  readonly depth: number;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

/** What a parser or a recursive walk says when it runs out of stack. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/** The same, for a message that has already been turned into text (ESLint's "Parsing error: …"). */
export function isStackOverflowMessage(message: string): boolean {
  return /Maximum call stack size exceeded/i.test(message);
}

/** The message unblock reports for such a file, at `deepestNesting(text)`. */
export function tooDeepMessage(point: DeepestPoint): string {
  return `Parsing error: the code nests ${point.depth} levels deep here, more than the parser's stack can follow; the file was not analysed`;
}

/** Tokens after which a `/` divides; after anything else it starts a regular expression. */
const endsOperand = (): ReadonlySet<number> => new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
]);

/** Keywords that start a statement: after a line break, they end any brace-less arrow body. */
const startsStatement = (): ReadonlySet<number> => new Set([
  ts.SyntaxKind.ConstKeyword,
  ts.SyntaxKind.LetKeyword,
  ts.SyntaxKind.VarKeyword,
  ts.SyntaxKind.FunctionKeyword,
  ts.SyntaxKind.ClassKeyword,
  ts.SyntaxKind.IfKeyword,
  ts.SyntaxKind.ReturnKeyword,
  ts.SyntaxKind.ExportKeyword,
  ts.SyntaxKind.ImportKeyword,
]);

type Frame = 'bracket' | 'template' | 'arrow';

/** Where the file's nesting is deepest (the first such point), by its tokens alone. */
export function deepestNesting(text: string): DeepestPoint {
  const operandEnds = endsOperand();
  const statementStarts = startsStatement();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.JSX, text);
  const open: Frame[] = [];
  const closeArrows = (): void => {
    while (open.at(-1) === 'arrow') open.pop();
  };
  let deepest = { depth: 0, offset: 0 };
  let previous: number = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !operandEnds.has(previous)) kind = scanner.reScanSlashToken();
    if (scanner.hasPrecedingLineBreak() && statementStarts.has(kind)) closeArrows();
    switch (kind) {
      case ts.SyntaxKind.OpenParenToken:
      case ts.SyntaxKind.OpenBracketToken:
      case ts.SyntaxKind.OpenBraceToken:
        open.push('bracket');
        break;
      case ts.SyntaxKind.TemplateHead:
        open.push('template');
        break;
      case ts.SyntaxKind.EqualsGreaterThanToken:
        open.push('arrow');
        break;
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.SemicolonToken:
        closeArrows();
        break;
      case ts.SyntaxKind.CloseParenToken:
      case ts.SyntaxKind.CloseBracketToken:
        closeArrows();
        open.pop();
        break;
      case ts.SyntaxKind.CloseBraceToken:
        closeArrows();
        if (open.pop() === 'template') {
          // The `}` of `${…}`: the template goes on, and may open another substitution.
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateMiddle) open.push('template');
        }
        break;
      default:
        break;
    }
    if (open.length > deepest.depth) deepest = { depth: open.length, offset: scanner.getTokenStart() };
    previous = kind;
  }
  return { depth: deepest.depth, ...lineAndColumn(text, deepest.offset) };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
