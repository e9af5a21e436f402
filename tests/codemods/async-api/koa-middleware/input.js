import Koa from 'koa';
import fs from 'node:fs';

const app = new Koa();

app.use((ctx) => {
  ctx.body = fs.readFileSync('index.html', 'utf8');
});

export default app;
