import { Router } from 'express';
import { stat } from 'node:fs/promises';

export const router = Router();
const next = 'unrelated';
const error = 'also unrelated';

router.get('/size', async (req, res, next_) => {
  try {
  res.json({ size: (await stat(req.query.file)).size, next, error });
  } catch (error_) {
    next_(error_);
  }
});
