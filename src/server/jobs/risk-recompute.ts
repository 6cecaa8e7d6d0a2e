import { recomputeRisk } from '../modules/risk';
import type { JobDefinition } from './runner';

/**
 * 分级分类: recomputes the current quarter's grades every night, so they follow the issue history; the
 * last computation of each quarter stays as that quarter's history.
 */
export const riskRecompute: JobDefinition = {
  kind: 'risk_recompute',
  everySeconds: 24 * 3600,
  async run(db) {
    await recomputeRisk(db);
  },
};
