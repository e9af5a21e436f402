import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';

const app = new Hono();

app.get('/notes/:id', async (c) => {
  const text: string = await readFile(`notes/${c.req.param('id')}.md`, 'utf8');
  return c.text(text);
});

export default app;
