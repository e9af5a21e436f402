import Koa from 'koa';
import { readFile } from 'node:fs/promises';

const app = new Koa();

app.use(async (ctx) => {
  ctx.body = await readFile('index.html', 'utf8');
});

export default app;
