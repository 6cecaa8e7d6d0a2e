/** Labels and colours of template statuses and result bands (TEMPLATE_STATUS lives in a zod module, kept out of the bundle). */
import type { Template } from '../../../common/contracts/checklists';
import type { DictKey } from '../../i18n/dict';

export const STATUS_KEY: Record<Template['status'], DictKey> = {
  draft: 'ck.tpl.status.draft',
  active: 'ck.tpl.status.active',
  retired: 'ck.tpl.status.retired',
};
export const STATUS_COLOR: Record<Template['status'], string> = { draft: 'blue', active: 'green', retired: 'default' };

/** The first band green, the last red, those between gold. */
export function bandColor(index: number, count: number): string {
  if (index === 0 && count > 1) return 'green';
  if (index === count - 1) return 'red';
  return 'gold';
}
