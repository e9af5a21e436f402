import Router from '@koa/router';
import { readdir } from 'node:fs/promises';

export const router = new Router();

router.get('/files', async (ctx, next) => {
  ctx.body = await readdir('public');
  return next();
});
