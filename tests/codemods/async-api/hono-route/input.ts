import { Hono } from 'hono';
import { readFileSync } from 'node:fs';

const app = new Hono();

app.get('/notes/:id', (c) => {
  const text: string = readFileSync(`notes/${c.req.param('id')}.md`, 'utf8');
  return c.text(text);
});

export default app;
