import { Router } from 'express';
import { statSync } from 'node:fs';

export const router = Router();
const next = 'unrelated';
const error = 'also unrelated';

router.get('/size', (req, res) => {
  res.json({ size: statSync(req.query.file).size, next, error });
});
