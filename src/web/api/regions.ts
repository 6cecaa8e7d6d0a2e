import { useEffect, useState } from 'react';
import type { RegionNode } from '../../common/contracts/regions';
import type { RegionLevel } from '../../common/enums';
import { ApiError } from './client';
import { getRegionTree } from './endpoints';

/**
 * The region tree changes rarely, and several screens (source filter, user scope picker, regions
 * page) need it: one shared request, refreshed after a region is created or renamed.
 */
let cached: Promise<RegionNode[]> | null = null;
const listeners = new Set<() => void>();

export function loadRegionTree(force = false): Promise<RegionNode[]> {
  if (!cached || force) {
    const p = getRegionTree().then((r) => r.roots);
    p.catch(() => {
      if (cached === p) cached = null; // retry next time
    });
    cached = p;
    if (force) listeners.forEach((l) => l());
  }
  return cached;
}

export function clearRegionTree() {
  cached = null;
}

/** The shared region tree; `enabled = false` (roles that cannot read it) skips the request. */
export function useRegionTree(enabled = true): { roots: RegionNode[] | undefined; loading: boolean; error: ApiError | null } {
  const [state, setState] = useState<{ roots?: RegionNode[]; loading: boolean; error: ApiError | null }>({ loading: true, error: null });
  const [gen, setGen] = useState(0);
  useEffect(() => {
    const l = () => setGen((g) => g + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  useEffect(() => {
    if (!enabled) {
      setState({ loading: false, error: null });
      return;
    }
    let live = true;
    loadRegionTree().then(
      (roots) => live && setState({ roots, loading: false, error: null }),
      (e: unknown) => live && setState({ loading: false, error: e instanceof ApiError ? e : null }),
    );
    return () => {
      live = false;
    };
  }, [gen, enabled]);
  return { roots: state.roots, loading: state.loading, error: state.error };
}

export function walkRegions(roots: RegionNode[], visit: (n: RegionNode, depth: number) => void, depth = 0) {
  for (const n of roots) {
    visit(n, depth);
    walkRegions(n.children ?? [], visit, depth + 1);
  }
}

export function findRegion(roots: RegionNode[], id: string): RegionNode | undefined {
  let hit: RegionNode | undefined;
  walkRegions(roots, (n) => {
    if (!hit && n.id === id) hit = n;
  });
  return hit;
}

export function regionsAtLevels(roots: RegionNode[], levels: readonly RegionLevel[]): RegionNode[] {
  const out: RegionNode[] = [];
  walkRegions(roots, (n) => {
    if (levels.includes(n.level)) out.push(n);
  });
  return out;
}
