import express, { type NextFunction, type Request, type Response } from 'express';
import { appendFile } from 'node:fs/promises';

const app = express();

async function audit(req: Request, res: Response, next: (error?: unknown) => void): Promise<void> {
  try {
  await appendFile('audit.log', `${req.method} ${req.url}\n`);
  res.sendStatus(204);
  } catch (error) {
    next(error);
  }
}

app.post('/audit', audit);

app.use(async (error: Error, req: Request, res: Response, next: NextFunction) => {
  try {
  await appendFile('errors.log', `${error.message}\n`);
  next(error);
  } catch (error_) {
    next(error_);
  }
});

export default app;
