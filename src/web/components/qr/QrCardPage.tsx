import { useEffect, useState } from 'react';
import { Button, Segmented } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { QrCard } from '../../../common/contracts/documents';
import { getDossier } from '../../api/dossier';
import { useAsync } from '../../api/hooks';
import { getQrCard } from '../../api/ops';
import { useI18n } from '../../i18n/lang';
import { LangSwitch } from '../LangSwitch';
import { ErrorBlock, LoadingBlock } from '../PageState';
import './qr-card.css';

type Size = 'A6' | 'A5';
/** Chromium knows A5 but not A6 by name: both as millimetres. */
const PAPER: Record<Size, string> = { A6: '105mm 148mm', A5: '148mm 210mm' };

/** The card's data; the 环保总监 comes from the dossier when the actor may read it, else the card's contact. */
async function loadCard(sourceId: string): Promise<{ card: QrCard; director: { name: string; phone: string | null } | null }> {
  const [card, dossier] = await Promise.all([getQrCard(sourceId), getDossier(sourceId).catch(() => null)]);
  const s = dossier?.source;
  const director = s?.envDirectorName
    ? { name: s.envDirectorName, phone: s.envDirectorPhone }
    : card.contactName
      ? { name: card.contactName, phone: card.contactPhone }
      : null;
  return { card, director };
}

/** 一企一码 printable card (/sources/:id/qr): name, USCC, address, QR, 环保总监 and how to use it; one A6 or A5 page. */
export default function QrCardPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const [size, setSize] = useState<Size>('A6');
  const { data, loading, error, reload } = useAsync(() => loadCard(id), [id]);

  // @page cannot follow a class, so the chosen paper size goes into its own style element.
  useEffect(() => {
    const style = document.createElement('style');
    style.textContent = `@page { size: ${PAPER[size]}; margin: 0; }`;
    document.head.appendChild(style);
    return () => style.remove();
  }, [size]);

  useEffect(() => {
    if (data) document.title = `${t('qr.title')} · ${data.card.name}`;
  }, [data, t]);

  return (
    <div className="es-qr-page" data-testid="qr-card-page">
      <div className="es-qr-toolbar">
        <Link to={`/sources/${encodeURIComponent(id)}`}>
          <Button icon={<ArrowLeftOutlined />}>{t('qr.back')}</Button>
        </Link>
        <Segmented value={size} onChange={(v) => setSize(v as Size)} options={['A6', 'A5']} data-testid="qr-size" />
        <LangSwitch />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data} data-testid="qr-card-print">
          {t('qr.print')}
        </Button>
      </div>
      {loading && !data ? (
        <LoadingBlock />
      ) : error && !data ? (
        <ErrorBlock error={error} onRetry={reload} />
      ) : data ? (
        <article className={`es-qr-card is-${size}`} data-testid="qr-card">
          <header>
            <span>{t('qr.cardTitle')}</span>
            <small>{t('app.name')}</small>
          </header>
          <h1 data-testid="qr-card-name">{data.card.name}</h1>
          <img className="es-qr-img" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.card.svg)}`} alt={t('qr.alt', { name: data.card.name })} />
          <dl>
            <dt>{t('qr.uscc')}</dt>
            <dd className="mono" data-testid="qr-card-uscc">{data.card.uscc}</dd>
            <dt>{t('qr.address')}</dt>
            <dd>{data.card.address}</dd>
            <dt>{t('qr.director')}</dt>
            <dd data-testid="qr-card-director">{data.director ? `${data.director.name}${data.director.phone ? ` · ${data.director.phone}` : ''}` : t('qr.noDirector')}</dd>
          </dl>
          <footer>
            <strong>{pick(data.card.caption)}</strong>
            <span>{t('qr.instructions')}</span>
          </footer>
        </article>
      ) : null}
    </div>
  );
}
