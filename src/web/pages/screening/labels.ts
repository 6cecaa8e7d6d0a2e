/** Labels of the negative list's restriction levels (RESTRICTION lives in a zod module, kept out of the bundle). */
import type { NegativeEntry, ScreeningResult } from '../../../common/contracts/lifecycle';
import type { DictKey } from '../../i18n/dict';

export const RESTRICTION_KEY: Record<NegativeEntry['restriction'], DictKey> = {
  forbidden: 'screen.restriction.forbidden',
  restricted: 'screen.restriction.restricted',
};
export const RESTRICTION_COLOR: Record<NegativeEntry['restriction'], string> = { forbidden: 'red', restricted: 'orange' };
export const VERDICT_TYPE: Record<ScreeningResult['verdict'], 'success' | 'warning' | 'error'> = {
  allowed: 'success',
  restricted: 'warning',
  forbidden: 'error',
};
