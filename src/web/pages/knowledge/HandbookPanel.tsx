import { useState } from 'react';
import { Alert, App, Button, Card, Modal, Popconfirm, Select, Space, Tag, Tooltip } from 'antd';
import type { ButtonProps } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { formatCitation } from '../../../common/citations';
import type { HandbookEditionSummary, HandbookEntry, ResolvedCitation } from '../../../common/contracts/knowledge';
import { INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { ApiError } from '../../api/client';
import { useAsync, useShowError } from '../../api/hooks';
import { createEdition, deleteEntry, getHandbook, listEditions, publishEdition } from '../../api/knowledge';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { EntryModal } from './EntryModal';

const isArea = (v: string | null): v is InspectionAreaCode => (INSPECTION_AREA_CODES as readonly string[]).includes(v ?? '');

/** 合规宝典: the 7 areas of a year's edition, each entry with requirements, common problems, legal basis (articles one tap away) and examples. */
export function HandbookPanel() {
  const { t, pick, formatTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const area: InspectionAreaCode = isArea(params.get('area')) ? (params.get('area') as InspectionAreaCode) : INSPECTION_AREA_CODES[0];
  const editions = useAsync(listEditions, []);
  const book = useAsync(() => getHandbook(year), [year]);
  const [editing, setEditing] = useState<HandbookEntry | 'new' | null>(null);
  const [citation, setCitation] = useState<ResolvedCitation | null>(null);

  const setParam = (next: { year?: number; area?: string }) => {
    const p: Record<string, string> = {};
    const y = 'year' in next ? next.year : year;
    if (y !== undefined) p.year = String(y);
    p.area = next.area ?? area;
    setParams(p, { replace: true });
  };
  const reloadAll = () => {
    editions.reload();
    book.reload();
  };

  if (book.error && !book.data) {
    return book.error.status === 404 ? <EmptyBlock text={t('kn.hb.none')} /> : <ErrorBlock error={book.error} onRetry={reloadAll} />;
  }
  if (!book.data) return <LoadingBlock />;
  const { edition, areas } = book.data;
  const list = editions.data?.items ?? [];
  const hasDraft = list.some((e) => e.status === 'draft');
  const current = areas.find((a) => a.code === area) ?? areas[0];

  const startNext = async () => {
    try {
      const created = await createEdition();
      message.success(t('kn.hb.created', { year: created.year }));
      editions.reload();
      setParam({ year: created.year });
    } catch (e) {
      showError(e);
    }
  };
  const publish = async () => {
    try {
      const done = await publishEdition(edition.id, edition.version);
      message.success(t('kn.hb.publishedOk', { year: done.year }));
    } catch (e) {
      showError(e);
    }
    reloadAll();
  };
  const remove = async (e: HandbookEntry) => {
    try {
      await deleteEntry(e.id, e.version);
      message.success(t('kn.hb.deleted'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'stale_version') message.warning(t('kn.hb.stale'));
      else showError(err);
    }
    book.reload();
  };
  const nextYear = Math.max(edition.year, ...list.map((e) => e.year)) + 1;
  const editionLabel = (e: HandbookEditionSummary) => `${t('kn.hb.yearLabel', { year: e.year })}${e.status === 'draft' ? ` · ${t('kn.hb.draft')}` : ''}`;

  return (
    <div data-testid="kn-handbook" data-year={edition.year} data-status={edition.status}>
      <div className="es-kn-hb-head">
        <Select
          className="es-kn-hb-year"
          value={edition.year}
          aria-label={t('kn.hb.year')}
          onChange={(y) => setParam({ year: y })}
          options={(list.length ? list : [edition]).map((e) => ({ value: e.year, label: editionLabel(e) }))}
          data-testid="kn-hb-year"
        />
        <Tag color={edition.status === 'draft' ? 'orange' : 'green'} data-testid="kn-hb-status">
          {edition.status === 'draft' ? t('kn.hb.draft') : t('kn.hb.published')}
        </Tag>
        {edition.publishedAt && <span className="es-muted">{t('kn.hb.publishedAt', { date: formatTime(edition.publishedAt).slice(0, 10) })}</span>}
        <span className="es-kn-grow" />
        {editions.data?.canCreate && !hasDraft && (
          <Popconfirm title={t('kn.hb.newEditionConfirm', { year: nextYear })} okText={t('kn.hb.newEdition')} cancelText={t('common.cancel')} onConfirm={startNext} okButtonProps={{ 'data-testid': 'kn-hb-new-ok' } as ButtonProps}>
            <Button icon={<PlusOutlined />} data-testid="kn-hb-new">
              {t('kn.hb.newEdition')}
            </Button>
          </Popconfirm>
        )}
        {edition.editable && (
          <Popconfirm title={t('kn.hb.publishConfirm', { year: edition.year })} okText={t('kn.hb.publish')} cancelText={t('common.cancel')} onConfirm={publish} okButtonProps={{ 'data-testid': 'kn-hb-publish-ok' } as ButtonProps}>
            <Button type="primary" icon={<SendOutlined />} data-testid="kn-hb-publish">
              {t('kn.hb.publish')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {edition.status === 'draft' && <Alert type="warning" showIcon className="es-kn-alert" title={t('kn.hb.draftHint')} />}

      <div className="es-kn-areas" role="tablist" data-testid="kn-hb-areas">
        {areas.map((a) => (
          <button
            type="button"
            role="tab"
            aria-selected={a.code === current.code}
            key={a.code}
            className={`es-kn-area${a.code === current.code ? ' es-kn-area-on' : ''}`}
            onClick={() => setParam({ area: a.code })}
            data-testid={`kn-hb-area-${a.code}`}
          >
            {pick(a.label)} <span className="es-kn-area-n">{a.entries.length}</span>
          </button>
        ))}
      </div>

      <div className="es-kn-area-head">
        <h2 data-testid="kn-hb-area-title">{pick(current.label)}</h2>
        {edition.editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="kn-hb-add">
            {t('kn.hb.addEntry')}
          </Button>
        )}
      </div>
      {current.entries.length === 0 && <EmptyBlock text={t('kn.hb.emptyArea')} />}
      {current.entries.map((e) => (
        <Card
          key={e.id}
          className="es-kn-entry"
          size="small"
          data-testid="kn-hb-entry"
          title={<span className="es-kn-entry-title">{e.title}</span>}
          extra={
            edition.editable && (
              <Space size={0}>
                <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} aria-label={t('kn.hb.editEntry')} data-testid="kn-hb-edit" />
                <Popconfirm title={t('kn.hb.deleteConfirm', { title: e.title })} okText={t('kn.hb.deleteEntry')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('kn.hb.deleteEntry')} data-testid="kn-hb-delete" />
                </Popconfirm>
              </Space>
            )
          }
        >
          <EntrySection title={t('kn.hb.requirements')} text={e.requirements} />
          <EntrySection title={t('kn.hb.problems')} text={e.commonProblems} />
          {(e.legalBasis || e.citations.length > 0) && (
            <section className="es-kn-section">
              <h4>{t('kn.hb.basis')}</h4>
              <Citations citations={e.citations} onOpen={setCitation} />
              <div className="es-muted es-kn-basis-text">{e.legalBasis}</div>
            </section>
          )}
          <EntrySection title={t('kn.hb.examples')} text={e.examples} testId="kn-hb-examples" />
        </Card>
      ))}

      {editing && (
        <EntryModal
          editionId={edition.id}
          entry={editing === 'new' ? null : editing}
          area={current.code}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            book.reload();
          }}
        />
      )}
      <CitationModal citation={citation} onClose={() => setCitation(null)} />
    </div>
  );
}

/** The citations grouped by law: 《固体废物污染环境防治法》 第七十七条 第七十九条 …; each opens the article. */
function Citations({ citations, onOpen }: { citations: ResolvedCitation[]; onOpen: (c: ResolvedCitation) => void }) {
  const { t } = useI18n();
  const groups: Array<{ lawName: string; items: ResolvedCitation[] }> = [];
  for (const c of citations) {
    const last = groups[groups.length - 1];
    if (last && last.lawName === c.lawName) last.items.push(c);
    else groups.push({ lawName: c.lawName, items: [c] });
  }
  return (
    <div className="es-kn-cites" data-testid="kn-hb-citations">
      {groups.map((g, i) => (
        <div key={i} className="es-kn-cite-group">
          <span className="es-kn-cite-law">《{g.lawName}》</span>
          {g.items.map((c, j) =>
            c.law ? (
              <button type="button" key={j} className="es-kn-cite" onClick={() => onOpen(c)} data-testid="kn-hb-cite" title={formatCitation(c)}>
                {c.label}
              </button>
            ) : (
              <Tooltip key={j} title={t('kn.articleMissing')}>
                <span className="es-kn-cite es-kn-cite-missing">{c.label}</span>
              </Tooltip>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

function EntrySection({ title, text, testId }: { title: string; text: string; testId?: string }) {
  if (!text) return null;
  return (
    <section className="es-kn-section">
      <h4>{title}</h4>
      <div className="es-kn-prose" data-testid={testId}>
        {text}
      </div>
    </section>
  );
}

/** The cited article's text, with a link into the law library. */
function CitationModal({ citation, onClose }: { citation: ResolvedCitation | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={citation !== null}
      title={citation ? formatCitation(citation) : ''}
      onCancel={onClose}
      footer={
        citation?.law ? (
          <Link to={`/knowledge/laws?law=${encodeURIComponent(citation.law)}&no=${citation.article}`} onClick={onClose} data-testid="kn-cite-open">
            {t('kn.openArticle')}
          </Link>
        ) : null
      }
      data-testid="kn-cite-modal"
    >
      {citation?.text ? (
        <div className="es-kn-article-body" data-testid="kn-cite-text">
          {citation.text.split('\n').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : (
        <span className="es-muted">{t('kn.articleMissing')}</span>
      )}
    </Modal>
  );
}
