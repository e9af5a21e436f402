import Router from '@koa/router';
import { readdirSync } from 'node:fs';

export const router = new Router();

router.get('/files', (ctx, next) => {
  ctx.body = readdirSync('public');
  return next();
});
