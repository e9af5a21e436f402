// An exported function named `handler` is how AWS Lambda finds its entry point, but also how yargs
// command modules, Netlify functions and plenty of plain modules name theirs. Calling every one
// of them an "AWS Lambda route handler" misleads, and makes a CLI command a request handler. A
// `handler` counts as a Lambda's only with evidence that the file is one.

import { existsSync } from 'node:fs';
import path from 'node:path';

import { AST_NODE_TYPES, type TSESTree } from './estree.js';

import type { FunctionNode } from './ast.js';

/** Files that deploy a directory's code as Lambda functions: the Serverless Framework and AWS SAM. */
const LAMBDA_CONFIGS = ['serverless.yml', 'serverless.yaml', 'serverless.ts', 'serverless.js', 'serverless.json', 'template.yaml', 'template.yml', 'samconfig.toml'];

/** Directory → whether it or a directory above it, up to the package root, holds a Lambda config. */
const configAbove = new Map<string, boolean>();

function hasLambdaConfig(directory: string): boolean {
  const cached = configAbove.get(directory);
  if (cached !== undefined) return cached;
  let found = LAMBDA_CONFIGS.some((name) => existsSync(path.join(directory, name)));
  const parent = path.dirname(directory);
  // The package root ends the search: a config above it deploys some other package.
  if (!found && parent !== directory && !existsSync(path.join(directory, 'package.json'))) found = hasLambdaConfig(parent);
  configAbove.set(directory, found);
  return found;
}

function importsAwsLambda(program: TSESTree.Program): boolean {
  return program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'aws-lambda');
}

/**
 * Whether the exported `handler` function `fn` is a Lambda's: the file imports `aws-lambda` (its
 * types, usually), the function takes Lambda's `(event, context)`, or a Serverless or SAM config
 * deploys its directory.
 */
export function looksLikeLambda(fn: FunctionNode, program: TSESTree.Program, filename: string): boolean {
  const first = fn.params[0];
  if (first?.type === AST_NODE_TYPES.Identifier && /^_?event$/.test(first.name)) return true;
  if (importsAwsLambda(program)) return true;
  return path.isAbsolute(filename) && hasLambdaConfig(path.dirname(filename));
}
