import { useMemo, useRef, useState, type ReactNode } from 'react';
import { Card, Col, Input, Row, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { RegionNode } from '../../../common/contracts/regions';
import { REGION_LEVEL } from '../../../common/enums';
import { findRegion, loadRegionTree, useRegionTree, walkRegions } from '../../api/regions';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { LEVEL_COLOR, RegionPanel } from './RegionPanel';

/** Ids of every ancestor of the nodes whose name contains `text`, so matches are visible. */
function expandForSearch(roots: RegionNode[], text: string): { expand: string[]; hits: Set<string> } {
  const hits = new Set<string>();
  const expand = new Set<string>();
  const byId = new Map<string, RegionNode>();
  walkRegions(roots, (n) => byId.set(n.id, n));
  for (const n of byId.values()) {
    if (!n.name.includes(text)) continue;
    hits.add(n.id);
    for (let p = n.parentId ? byId.get(n.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) expand.add(p.id);
  }
  return { expand: [...expand], hits };
}

export default function RegionsPage() {
  const { t, label } = useI18n();
  const { roots, loading, error } = useRegionTree();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [search, setSearch] = useState('');
  const mobile = useIsMobile();
  const panelRef = useRef<HTMLDivElement>(null);

  const found = useMemo(() => (roots && search.trim() ? expandForSearch(roots, search.trim()) : null), [roots, search]);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const map = (n: RegionNode): TreeDataNode => {
      const title: ReactNode = (
        <span data-testid={`region-node-${n.id}`} style={{ whiteSpace: 'nowrap' }}>
          <span style={found?.hits.has(n.id) ? { background: '#fff1b8' } : undefined}>{n.name}</span>{' '}
          <Tag color={LEVEL_COLOR[n.level]} style={{ marginInlineStart: 4, marginInlineEnd: 4 }}>
            {label(REGION_LEVEL, n.level)}
          </Tag>
          <span className="es-muted" style={{ fontSize: 12 }} title={t('regions.sourceCount', { n: n.sourceCount })}>
            {n.sourceCount}
          </span>
        </span>
      );
      return { key: n.id, title, children: (n.children ?? []).map(map) };
    };
    return (roots ?? []).map(map);
  }, [roots, label, t, found]);

  if (loading && !roots) return <LoadingBlock />;
  if (error && !roots) return <ErrorBlock error={error} onRetry={() => void loadRegionTree(true)} />;

  const selected = roots && selectedId ? findRegion(roots, selectedId) : undefined;
  const defaultExpanded = (roots ?? []).map((r) => r.id);
  const expandedKeys = found ? [...new Set([...(expanded ?? defaultExpanded), ...found.expand])] : (expanded ?? defaultExpanded);

  return (
    <div data-testid="regions-page">
      <div className="es-page-title">
        <h1>{t('regions.title')}</h1>
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={13} lg={14}>
          <Card variant="borderless">
            <Input.Search
              allowClear
              placeholder={t('regions.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="region-search"
            />
            {!roots || roots.length === 0 ? (
              <EmptyBlock text={t('regions.empty')} />
            ) : (
              <div data-testid="region-tree" style={{ overflowX: 'auto' }}>
                <Tree
                  blockNode
                  showLine
                  treeData={treeData}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => {
                    if (!keys.length) return;
                    setSelectedId(String(keys[0]));
                    // On a phone the panel sits below the tree: bring it into view.
                    if (mobile) setTimeout(() => panelRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
                  }}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} md={11} lg={10} ref={panelRef}>
          <Card variant="borderless" title={selected?.name ?? t('regions.title')} data-testid="region-panel">
            {selected ? (
              <RegionPanel key={`${selected.id}:${selected.version}`} node={selected} onChanged={() => void loadRegionTree(true)} />
            ) : (
              <EmptyBlock text={t('regions.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
