import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { parseCitations } from '../../../common/citations';
import type { Article, LawSummary } from '../../../common/contracts/knowledge';
import { useAsync } from '../../api/hooks';
import { listLaws, searchArticles } from '../../api/knowledge';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { Highlight, searchWords } from './Highlight';

const SEARCH_LIMIT = 50;

/** One article: its label, chapter and paragraphs, the search words marked. */
export function ArticleText({ article, words = [], label = true }: { article: Article; words?: string[]; label?: boolean }) {
  return (
    <div className="es-kn-article-body">
      {article.text.split('\n').map((p, i) => (
        <p key={i}>
          {i === 0 && label && (
            <strong className="es-kn-article-label">
              <Highlight text={article.label} words={words} />{' '}
            </strong>
          )}
          <Highlight text={p} words={words} />
        </p>
      ))}
    </div>
  );
}

/** 法律法规: the law list → a law's articles by chapter; a search across all laws (or one) with the hits marked. */
export function LawsPanel() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const law = params.get('law') ?? undefined;
  const no = params.get('no') ? Number(params.get('no')) : undefined;
  const q = params.get('q') ?? '';
  const [input, setInput] = useState(q);
  useEffect(() => setInput(q), [q]);

  const laws = useAsync(listLaws, []);
  const current = laws.data?.items.find((l) => l.key === law);

  const go = (next: { law?: string; no?: number; q?: string }) => {
    const p: Record<string, string> = {};
    if (next.law) p.law = next.law;
    if (next.no !== undefined) p.no = String(next.no);
    if (next.q) p.q = next.q;
    setParams(p);
  };
  const onSearch = (value: string) => go({ law, q: value.trim() || undefined });

  const search = (
    <Input.Search
      allowClear
      enterButton
      value={input}
      onChange={(e) => setInput(e.target.value)}
      onSearch={onSearch}
      placeholder={current ? t('kn.searchIn', { law: current.name }) : t('kn.search')}
      data-testid="kn-law-search"
      className="es-kn-search"
    />
  );

  if (laws.error && !laws.data) return <ErrorBlock error={laws.error} onRetry={laws.reload} />;
  return (
    <div data-testid="kn-laws">
      {search}
      {q ? (
        <SearchResults q={q} law={current} onOpen={(a) => go({ law: a.law, no: a.no })} onClear={() => go({ law })} />
      ) : current ? (
        <LawReader law={current} no={no} onBack={() => go({})} />
      ) : laws.data ? (
        <LawList laws={laws.data.items} onOpen={(key) => go({ law: key })} />
      ) : (
        <LoadingBlock />
      )}
    </div>
  );
}

function LawList({ laws, onOpen }: { laws: LawSummary[]; onOpen: (key: string) => void }) {
  const { t } = useI18n();
  return (
    <div data-testid="kn-law-list">
      <div className="es-muted es-kn-count">{t('kn.lawCount', { n: laws.length })}</div>
      <div className="es-kn-law-grid">
        {laws.map((l) => (
          <button type="button" key={l.key} className="es-kn-law" onClick={() => onOpen(l.key)} data-testid="kn-law" data-key={l.key}>
            <span className="es-kn-law-name">{l.title}</span>
            <span className="es-kn-law-meta">
              <span className="es-muted">{t('kn.articles', { n: l.articles })}</span>
              {l.outdated && <Tag color="orange">{t('kn.outdated')}</Tag>}
              <RightOutlined className="es-muted" />
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}

function LawReader({ law, no, onBack }: { law: LawSummary; no?: number; onBack: () => void }) {
  const { t, pick } = useI18n();
  const { data, loading, error, reload } = useAsync(() => searchArticles({ law: law.key, limit: 200 }), [law.key]);

  useEffect(() => {
    if (!data || no === undefined) return;
    document.getElementById(`kn-art-${no}`)?.scrollIntoView({ block: 'start' });
  }, [data, no]);

  // Chapter headings where the chapter changes.
  const blocks = useMemo(() => {
    const out: Array<{ chapter: string | null; articles: Article[] }> = [];
    for (const a of data?.items ?? []) {
      const last = out[out.length - 1];
      if (last && last.chapter === a.chapter) last.articles.push(a);
      else out.push({ chapter: a.chapter, articles: [a] });
    }
    return out;
  }, [data]);

  return (
    <div data-testid="kn-law-reader" data-law={law.key}>
      <div className="es-kn-reader-head">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="kn-back">
          {t('kn.backToLaws')}
        </Button>
        <h2 data-testid="kn-law-title">{law.title}</h2>
      </div>
      {law.revisionNote && (
        <Typography.Paragraph className="es-muted es-kn-revision" ellipsis={{ rows: 2, expandable: true, symbol: '…' }}>
          {law.revisionNote}
        </Typography.Paragraph>
      )}
      {law.outdated && law.outdatedNote && <Alert type="warning" showIcon title={t('kn.outdated')} description={pick(law.outdatedNote)} className="es-kn-alert" />}
      {error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : loading && !data ? (
        <LoadingBlock />
      ) : (
        blocks.map((b, i) => (
          <section key={i}>
            {b.chapter && <h3 className="es-kn-chapter">{b.chapter}</h3>}
            {b.articles.map((a) => (
              <div key={a.no} id={`kn-art-${a.no}`} className={`es-kn-article${a.no === no ? ' es-kn-article-on' : ''}`} data-testid={a.no === no ? 'kn-article-selected' : 'kn-article'}>
                <ArticleText article={a} />
              </div>
            ))}
          </section>
        ))
      )}
    </div>
  );
}

function SearchResults({ q, law, onOpen, onClear }: { q: string; law?: LawSummary; onOpen: (a: Article) => void; onClear: () => void }) {
  const { t } = useI18n();
  // A citation such as 《环境影响评价法》第十六条 is looked up; anything else is searched word by word.
  const isCitation = parseCitations(q).length > 0;
  const { data, loading, error, reload } = useAsync(
    () => searchArticles(isCitation ? { ref: q, limit: SEARCH_LIMIT } : { q, law: law?.key, limit: SEARCH_LIMIT }),
    [q, law?.key, isCitation],
  );
  const words = isCitation ? [] : searchWords(q);
  if (error && !data) return <ErrorBlock error={error} onRetry={reload} />;
  if (loading && !data) return <LoadingBlock />;
  const items = data?.items ?? [];
  return (
    <div data-testid="kn-results">
      <div className="es-kn-results-head">
        <span className="es-muted" data-testid="kn-hits">
          {data && data.total > items.length ? t('kn.hitsMore', { n: data.total, m: items.length }) : t('kn.hits', { n: data?.total ?? 0 })}
        </span>
        <Button type="link" size="small" onClick={onClear}>
          {t('kn.clear')}
        </Button>
      </div>
      {items.length === 0 && <EmptyBlock text={t('kn.noHits')} />}
      {items.map((a) => (
        <Card key={`${a.law}-${a.no}`} size="small" className="es-kn-hit" data-testid="kn-hit">
          <button type="button" className="es-kn-hit-title" onClick={() => onOpen(a)} data-testid="kn-hit-open">
            《{a.lawName}》{a.label}
            <RightOutlined />
          </button>
          {a.chapter && <div className="es-muted es-kn-hit-chapter">{a.chapter}</div>}
          <ArticleText article={a} words={words} label={false} />
        </Card>
      ))}
    </div>
  );
}
