import { useMemo, useState } from 'react';
import { Button, InputNumber, Segmented, Space, Tag } from 'antd';
import { ANSWER_LABELS, ANSWERS, scoreChecklist, type Answer, type Band, type ItemAnswer } from '../../../common/checklist-scoring';
import { INSPECTION_AREA, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { useI18n } from '../../i18n/lang';
import { bandColor } from './labels';

export interface PreviewItem {
  itemId: string;
  code: string;
  area: InspectionAreaCode;
  text: string;
  weight: number;
  maxScore: number;
}

const fmt = (n: number) => n.toFixed(1);

/**
 * 试算: answer each item 符合 / 不符合 / 不适用 (with an optional partial score) and see the area
 * scores, the total and the band at once. It runs the same pure function as the server
 * (src/common/checklist-scoring.ts) in the browser, so it also works for a template not saved yet.
 */
export function ScorePreview({ items, bands }: { items: readonly PreviewItem[]; bands: readonly Band[] }) {
  const { t, label, pick } = useI18n();
  const [answers, setAnswers] = useState<Record<string, ItemAnswer>>({});
  const result = useMemo(
    () => scoreChecklist(items.map((i) => ({ itemId: i.itemId, area: i.area, weight: i.weight, maxScore: i.maxScore })), answers, bands, INSPECTION_AREA_CODES),
    [items, answers, bands],
  );
  const bandIndex = result.band ? bands.indexOf(result.band) : -1;
  const set = (itemId: string, answer: ItemAnswer | undefined) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (answer) next[itemId] = answer;
      else delete next[itemId];
      return next;
    });

  if (items.length === 0) return <div className="es-muted">{t('ck.score.noItems')}</div>;
  const groups = INSPECTION_AREA_CODES.map((area) => ({ area, items: items.filter((i) => i.area === area) })).filter((g) => g.items.length > 0);

  return (
    <div data-testid="ck-preview">
      <div className="es-ck-score" data-testid="ck-score">
        <div className="es-ck-score-total">
          <span className="es-muted">{t('ck.score.total')}</span>
          <span className="es-ck-big" data-testid="ck-score-total">
            {result.total === null ? '—' : fmt(result.total)}
          </span>
          {result.band ? (
            <Tag color={bandColor(bandIndex, bands.length)} data-testid="ck-score-band">
              {pick(result.band.label)}
            </Tag>
          ) : (
            <span className="es-muted" data-testid="ck-score-missing">
              {result.complete ? '' : t('ck.score.missing', { n: result.missing.length })}
            </span>
          )}
        </div>
        <div className="es-ck-score-areas">
          {result.areas.map((a) => (
            <div key={a.area} data-testid={`ck-score-area-${a.area}`}>
              <span>{label(INSPECTION_AREA, a.area as InspectionAreaCode)}</span>
              <strong>{a.score === null ? (a.answered > 0 && a.answered === a.notApplicable ? t('ck.score.na') : '—') : fmt(a.score)}</strong>
            </div>
          ))}
        </div>
      </div>
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        <span className="es-muted">{t('ck.score.hint')}</span>
        <Button size="small" onClick={() => setAnswers(Object.fromEntries(items.map((i) => [i.itemId, { answer: 'compliant' as const }])))} data-testid="ck-all-compliant">
          {t('ck.score.allCompliant')}
        </Button>
        <Button size="small" onClick={() => setAnswers({})}>
          {t('ck.score.reset')}
        </Button>
      </Space>
      {groups.map((g) => (
        <div key={g.area}>
          <div className="es-ck-area-title">{label(INSPECTION_AREA, g.area)}</div>
          {g.items.map((item) => {
            const a = answers[item.itemId];
            return (
              <div key={item.itemId} className="es-ck-answer" data-testid="ck-answer" data-code={item.code}>
                <div className="es-ck-answer-text">
                  <Tag color="geekblue">{item.code}</Tag>
                  {item.text}
                  <span className="es-muted">{t('ck.itemMeta', { weight: item.weight, max: item.maxScore })}</span>
                </div>
                <div className="es-ck-answer-controls">
                  <Segmented<Answer | ''>
                    className={`es-ck-seg es-ck-seg-${a?.answer ?? 'none'}`}
                    size="small"
                    value={a?.answer ?? ''}
                    onChange={(v) => set(item.itemId, v ? { answer: v } : undefined)}
                    options={ANSWERS.map((v) => ({ value: v, label: pick(ANSWER_LABELS[v]) }))}
                    data-testid={`ck-answer-${item.code}`}
                  />
                  {a && a.answer !== 'not_applicable' && (
                    <InputNumber
                      size="small"
                      min={0}
                      max={item.maxScore}
                      step={0.5}
                      value={a.score ?? (a.answer === 'compliant' ? item.maxScore : 0)}
                      onChange={(v) => set(item.itemId, { answer: a.answer, score: v ?? null })}
                      aria-label={t('ck.score.partial')}
                      prefix={t('ck.score.partial')}
                    />
                  )}
                </div>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
