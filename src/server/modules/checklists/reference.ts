/** GB/T 4754-2017 codes for applicability, through the registry's reference data. */
import { industryByCode } from '../registry';
import { invalidField } from '../../http/errors';

/** Each prefix must be a 大类, 中类 or 小类 code of GB/T 4754-2017; the error names the field and the index. */
export function assertIndustryPrefixes(prefixes: readonly string[], field: string): void {
  prefixes.forEach((prefix, i) => {
    if (!industryByCode(prefix)) {
      throw invalidField(`${field}.${i}`, `“${prefix}”不是 GB/T 4754-2017 的大类、中类或小类代码`, `"${prefix}" is not a GB/T 4754-2017 division, group or class code`);
    }
  });
}
