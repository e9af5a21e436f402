import express, { type NextFunction, type Request, type Response } from 'express';
import { appendFileSync } from 'node:fs';

const app = express();

function audit(req: Request, res: Response): void {
  appendFileSync('audit.log', `${req.method} ${req.url}\n`);
  res.sendStatus(204);
}

app.post('/audit', audit);

app.use((error: Error, req: Request, res: Response, next: NextFunction) => {
  appendFileSync('errors.log', `${error.message}\n`);
  next(error);
});

export default app;
