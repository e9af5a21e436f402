// Every framework the handler data names is one entry of FRAMEWORKS, with an id and an
// error-handling field: `unblock fix` decides from that field alone whether it may make a
// handler async, so an entry without it would silently change what the fix does.

import { describe, expect, it } from 'vitest';

import {
  DECORATOR_FRAMEWORKS,
  GLOBAL_HANDLER_FUNCTIONS,
  HANDLER_REGISTRARS,
  TYPE_EVIDENCE,
} from '../../analysis/frameworks/data.js';
import { customFramework, FRAMEWORKS, type Framework } from '../../analysis/frameworks/frameworks.js';
import type { HandlerInfo } from '../../analysis/frameworks/types.js';
import { asyncPolicy } from '../../codemods/engine/async-policy.js';

const ERROR_HANDLING = ['awaits', 'express', 'unhandled'];
const known: Framework[] = Object.values(FRAMEWORKS);

const usedByData: Array<[string, Framework]> = [
  ...HANDLER_REGISTRARS.map((registrar): [string, Framework] => [`registrar ${registrar.receiver ?? registrar.modules?.join('|')}.${registrar.method ?? registrar.path?.join('.')}`, registrar.framework]),
  ...DECORATOR_FRAMEWORKS.map((decorators): [string, Framework] => [`decorators of ${decorators.modules.join('|')}`, decorators.framework]),
  ...TYPE_EVIDENCE.flatMap((evidence): Array<[string, Framework]> => (evidence.handler ? [[`type evidence ${evidence.names.join('|')}`, evidence.handler.framework]] : [])),
  ...Object.entries(GLOBAL_HANDLER_FUNCTIONS).map(([name, framework]): [string, Framework] => [`global ${name}`, framework]),
];

describe('framework data', () => {
  it.each(known.map((framework) => [framework.id, framework] as const))('%s has a name and an error-handling field', (_id, framework) => {
    expect(framework.name).not.toBe('');
    expect(ERROR_HANDLING).toContain(framework.errorHandling);
  });

  it('gives every framework its own id', () => {
    const ids = known.map((framework) => framework.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(usedByData)('%s names a framework from FRAMEWORKS', (_where, framework) => {
    expect(known).toContain(framework);
  });

  it.each(known.flatMap((framework) => (framework.requestData ? [[framework.id, framework.requestData] as const] : [])))(
    '%s names a parameter and non-empty property paths for its request data',
    (_id, requestData) => {
      expect(Number.isInteger(requestData.parameter) && requestData.parameter >= 0).toBe(true);
      expect(requestData.paths.length).toBeGreaterThan(0);
      for (const path of requestData.paths) expect(path.length).toBeGreaterThan(0);
    },
  );

  it('treats a framework named in settings as one that leaves rejections unhandled', () => {
    expect(customFramework('tiny-http')).toEqual({ id: 'custom:tiny-http', name: 'tiny-http', errorHandling: 'unhandled' });
  });
});

describe('asyncPolicy reads the error-handling field', () => {
  const handler = (framework: Framework): HandlerInfo => ({ framework, role: 'route' });

  it('awaits where the framework awaits the handler', () => {
    expect(asyncPolicy(handler(FRAMEWORKS.fastify), '/nowhere/app.js')).toEqual({ kind: 'await' });
    expect(asyncPolicy(handler(FRAMEWORKS.bullmq), '/nowhere/app.js')).toEqual({ kind: 'await' });
  });

  it('routes errors to next on Express without a known major 5', () => {
    expect(asyncPolicy(handler(FRAMEWORKS.express), '/nowhere/app.js')).toEqual({ kind: 'next' });
  });

  it('refuses, naming the framework, where nothing handles the rejection', () => {
    const policy = asyncPolicy(handler(FRAMEWORKS.nodeHttp), '/nowhere/app.js');
    expect(policy.kind).toBe('refuse');
    expect(policy.kind === 'refuse' && policy.reason).toContain('node:http does not handle a rejected promise');
    expect(asyncPolicy(handler(customFramework('OpenWhisk')), '/nowhere/app.js').kind).toBe('refuse');
  });
});
