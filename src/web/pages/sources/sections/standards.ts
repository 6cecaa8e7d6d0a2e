import { useEffect, useState } from 'react';
import type { Standard } from '../../../../common/contracts/dossier';
import { listStandards } from '../../../api/dossier';

/** The emission standards (reference data, a few kB): fetched once, to name the standard a limit cites. */
let cached: Promise<Standard[]> | null = null;

export function useStandards(enabled: boolean): Standard[] {
  const [items, setItems] = useState<Standard[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    if (!cached) {
      const p = listStandards().then((r) => r.items);
      p.catch(() => {
        if (cached === p) cached = null;
      });
      cached = p;
    }
    cached.then((s) => live && setItems(s)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled]);
  return items;
}

/** "GB 16297-1996 表2 最高允许排放浓度" for a limit's standard and table ids (the ids when unknown). */
export function standardRef(standards: Standard[], id: unknown, table: unknown): string {
  const s = standards.find((x) => x.id === id);
  if (!s) return [id, table].filter(Boolean).map(String).join(' · ');
  const tb = s.tables.find((x) => x.key === table);
  return `${s.code}${tb ? ` ${tb.name}` : ''}`;
}
