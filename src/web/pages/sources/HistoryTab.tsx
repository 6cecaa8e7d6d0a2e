import { useState } from 'react';
import { Pagination, Tag } from 'antd';
import type { Dossier, HistoryEntry, SectionKey } from '../../../common/contracts/dossier';
import { LIFECYCLE_STATUS } from '../../../common/lifecycle';
import { getHistory } from '../../api/dossier';
import { useAsync } from '../../api/hooks';
import { findRegion, useRegionTree } from '../../api/regions';
import { canOpen, useMe } from '../../app/auth';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import type { DictKey } from '../../i18n/dict';
import { useI18n } from '../../i18n/lang';
import { useBasicText } from './basics/BasicsView';
import { refLabel } from './sections/display';
import { SECTION_FIELDS } from './sections/fields';

const ACTIONS: Record<string, DictKey> = {
  'source.create': 'dossier.history.registered',
  'source.update': 'dossier.history.basicsUpdated',
  'source.relocate': 'dossier.history.relocated',
  'source.lifecycle.transition': 'dossier.history.transition',
  'source.lifecycle.register': 'dossier.history.screened',
  'source.permit_class.decide': 'dossier.history.permitClass',
  'source.proposal.create': 'dossier.history.proposal',
  'source.proposal.decide': 'dossier.history.proposalDecided',
};
const SUFFIX: Record<string, DictKey> = { create: 'dossier.history.created', update: 'dossier.history.updated', delete: 'dossier.history.deleted' };
const PAGE_SIZE = 20;
/** Bookkeeping the audit keeps for the server's own use, not worth a line in the history. */
const HIDDEN_FIELDS = new Set(['regionPath', 'parkPath']);
const REGION_FIELDS = new Set(['townId', 'parkId', 'gridId']);

/** 变更历史: who changed what and when, each field old → new. */
export function HistoryTab({ dossier, refreshKey }: { dossier: Dossier; refreshKey: number }) {
  const { t, pick, lang, formatTime } = useI18n();
  const basicText = useBasicText();
  const me = useMe();
  const tree = useRegionTree(canOpen(me.role, 'regions'));
  const [page, setPage] = useState(1);
  const { data, loading, error, reload } = useAsync(() => getHistory(dossier.source.id, page, PAGE_SIZE), [dossier.source.id, page, refreshKey]);

  const actionText = (e: HistoryEntry) => {
    const known = ACTIONS[e.action];
    if (known) return t(known);
    const suffix = SUFFIX[e.action.split('.').pop() ?? ''];
    return suffix ? t(suffix) : e.action;
  };

  const value = (e: HistoryEntry, field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('dossier.history.empty');
    if (REGION_FIELDS.has(field) && typeof v === 'string') return (tree.roots && findRegion(tree.roots, v)?.name) ?? v;
    if (field === 'lifecycleStatus' && typeof v === 'string') return LIFECYCLE_STATUS.labels[v as keyof typeof LIFECYCLE_STATUS.labels]?.[lang] ?? v;
    const spec = e.section && e.section !== 'basics' ? SECTION_FIELDS[e.section as SectionKey]?.find((f) => f.name === field) : undefined;
    if (spec?.kind.type === 'enum') return spec.kind.values.labels[String(v)]?.[lang] ?? String(v);
    if (spec?.kind.type === 'ref') return refLabel(dossier.sections, spec.kind.section, v) ?? String(v);
    if (Array.isArray(v)) return v.map(String).join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    return e.section === 'basics' ? basicText(field, v) : String(v);
  };

  if (loading && !data) return <LoadingBlock />;
  if (error && !data) return <ErrorBlock error={error} onRetry={reload} />;
  if (!data || data.items.length === 0) return <EmptyBlock text={t('dossier.history.none')} />;

  return (
    <div data-testid="history-tab">
      {data.items.map((e) => (
        <div key={e.seq} className="es-history-entry" data-testid="history-entry">
          <div className="es-history-head">
            <strong>{e.actor.displayName ?? e.actor.username ?? t('dossier.history.system')}</strong>
            <span className="es-muted">{formatTime(e.at)}</span>
            {e.sectionLabel && <Tag>{pick(e.sectionLabel)}</Tag>}
            <span>{actionText(e)}</span>
          </div>
          {e.changes.length > 0 && (
            <table className="es-changes">
              <tbody>
                {e.changes
                  .filter((c) => !HIDDEN_FIELDS.has(c.field))
                  .map((c) => {
                    // A new row lists its values, a deleted one what it held; an edit shows old → new.
                    const created = e.action.endsWith('.create');
                    const deleted = e.action.endsWith('.delete');
                    return (
                      <tr key={c.field} data-testid={`history-change-${c.field}`}>
                        <th>{pick(c.label)}</th>
                        {!created && <td className={deleted ? undefined : 'es-old'}>{value(e, c.field, c.old)}</td>}
                        {!created && !deleted && <td className="es-arrow">→</td>}
                        {!deleted && <td className={created ? undefined : 'es-new'}>{value(e, c.field, c.new)}</td>}
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {data.total > PAGE_SIZE && (
        <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} size="small" style={{ marginTop: 12, justifyContent: 'center' }} showSizeChanger={false} />
      )}
    </div>
  );
}
