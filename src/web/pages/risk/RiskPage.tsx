import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Distribution, Movers, RuleSets } from '../../../common/contracts/risk';
import { COMPOSITE_LEVELS, ENV_COLORS, MGMT_GRADES, RISK_LABELS, SOCIAL_GRADES, compositeMove, type CompositeLevel } from '../../../common/risk-rules';
import { useMe } from '../../app/auth';
import { ApiError } from '../../api/client';
import { useAsync, useShowError } from '../../api/hooks';
import { getRiskDistribution, getRiskMovers, getRiskRules, recomputeAllRisk, saveRiskRules } from '../../api/risk';
import { EChart, type ChartOption } from '../../components/EChart';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { COMPOSITE_COLOR, GradeTag, gradeLabel } from './labels';

/** 分级分类: the distribution of grades by quarter and town, who moved and why, recomputing, and the rule sets. */
export default function RiskPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<string>();
  const [version, setVersion] = useState(0);
  const dist = useAsync(() => getRiskDistribution(period), [period, version]);
  return (
    <div data-testid="risk-page">
      <Typography.Title level={4}>{t('risk.title')}</Typography.Title>
      <Tabs
        items={[
          {
            key: 'distribution', label: t('risk.distribution'),
            children: dist.error ? <ErrorBlock error={dist.error} onRetry={dist.reload} /> : !dist.data ? <LoadingBlock /> : (
              <>
                <Overview dist={dist.data} period={period} setPeriod={setPeriod} onRecomputed={() => setVersion((v) => v + 1)} />
                <MoversCard period={dist.data.period} version={version} />
              </>
            ),
          },
          { key: 'rules', label: <span data-testid="risk-tab-rules">{t('risk.rules')}</span>, children: <RulesPanel /> },
        ]}
      />
    </div>
  );
}

function Overview({ dist, period, setPeriod, onRecomputed }: { dist: Distribution; period?: string; setPeriod: (p?: string) => void; onRecomputed: () => void }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const byTown = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 90, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: dist.byTown.map((r) => r.townName), inverse: true },
    series: COMPOSITE_LEVELS.map((level) => ({
      type: 'bar', stack: 'n', name: gradeLabel('composite', level, pick), itemStyle: { color: COMPOSITE_COLOR[level] },
      data: dist.byTown.map((r) => r.composite[level] ?? 0),
    })),
  }) as ChartOption, [dist, pick]);
  const counts = (kind: 'composite' | 'envColor' | 'mgmtGrade' | 'socialGrade', values: readonly string[]) => (
    <Space wrap size={4} data-testid={`risk-dist-${kind}`}>
      {values.map((v) => <span key={v}><GradeTag kind={kind} value={v} />{(dist[kind][v] ?? 0).toLocaleString()}</span>)}
    </Space>
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 140 }} value={period ?? dist.period} onChange={setPeriod} options={dist.periods.map((p) => ({ value: p, label: p }))} data-testid="risk-period" />
        {(me.role === 'admin' || me.role === 'bureau') && (
          <Button loading={busy} data-testid="risk-recompute-all" onClick={async () => {
            setBusy(true);
            try {
              const r = await recomputeAllRisk();
              message.success(t('risk.recomputed', { n: r.sources, ms: r.ms }));
              onRecomputed();
            } catch (e) { showError(e); } finally { setBusy(false); }
          }}>{t('risk.recomputeAll')}</Button>
        )}
        <span className="es-muted" data-testid="risk-total">{t('risk.total', { n: dist.total.toLocaleString(), m: dist.overridden })}</span>
      </Space>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {COMPOSITE_LEVELS.map((level) => (
          <Col xs={12} md={6} key={level}>
            <Card size="small"><Statistic title={`${pick(RISK_LABELS.output.composite)} · ${gradeLabel('composite', level, pick)}`} value={dist.composite[level] ?? 0} styles={{ content: { color: COMPOSITE_COLOR[level] } }} /></Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <span>{pick(RISK_LABELS.output.envColor)}：{counts('envColor', ENV_COLORS)}</span>
          <span>{pick(RISK_LABELS.output.mgmtGrade)}：{counts('mgmtGrade', [...MGMT_GRADES].reverse())}</span>
          <span>{pick(RISK_LABELS.output.socialGrade)}：{counts('socialGrade', SOCIAL_GRADES)}</span>
        </div>
      </Card>
      <Card size="small" title={t('risk.byTown')} style={{ marginBottom: 12 }}>
        <EChart option={byTown} height={Math.max(240, dist.byTown.length * 26 + 60)} ariaLabel={t('risk.byTown')} testId="risk-by-town" />
      </Card>
    </>
  );
}

function MoversCard({ period, version }: { period: string; version: number }) {
  const { t, pick } = useI18n();
  const movers = useAsync(() => getRiskMovers(period), [period, version]);
  if (movers.error) return <ErrorBlock error={movers.error} onRetry={movers.reload} />;
  if (!movers.data) return <LoadingBlock />;
  const m: Movers = movers.data;
  return (
    <Card size="small" title={<Space>{t('risk.movers', { p: m.previous })}<Tag color="red">{t('risk.movers.up', { n: m.up })}</Tag><Tag color="green">{t('risk.movers.down', { n: m.down })}</Tag></Space>}>
      <Table
        size="small"
        rowKey="sourceId"
        dataSource={m.items}
        data-testid="risk-movers"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 720 }}
        columns={[
          { title: t('risk.movers.source'), render: (_, r) => <Link to={`/sources/${r.sourceId}?tab=risk`}>{r.sourceName}</Link> },
          { title: '', dataIndex: 'townName', width: 110 },
          {
            title: t('risk.movers.change'), width: 220,
            render: (_, r) => (
              <Space size={2}>
                <GradeTag kind="composite" value={r.from} />→<GradeTag kind="composite" value={r.to} />
                <span style={{ color: compositeMove(r.from as CompositeLevel, r.to as CompositeLevel) > 0 ? '#c2363f' : '#3d8f5b' }}>{r.pointsFrom} → {r.pointsTo}</span>
              </Space>
            ),
          },
          { title: t('risk.movers.reasons'), render: (_, r) => r.reasons.map((x) => `${pick(x.label)} ${x.delta > 0 ? '+' : ''}${x.delta}`).join('；') },
        ]}
      />
    </Card>
  );
}

function RulesPanel() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const rules = useAsync(() => getRiskRules(), [version]);
  if (rules.error) return <ErrorBlock error={rules.error} onRetry={rules.reload} />;
  if (!rules.data) return <LoadingBlock />;
  return <RulesEditor key={rules.data.active.version} sets={rules.data} onSaved={() => setVersion((v) => v + 1)} t={t} />;
}

function RulesEditor({ sets, onSaved, t }: { sets: RuleSets; onSaved: () => void; t: ReturnType<typeof useI18n>['t'] }) {
  const { message } = App.useApp();
  const { pick } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(sets.active.rules, null, 2));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch (e) {
      setProblem(t('risk.rules.badJson', { e: String((e as Error).message) }));
      return;
    }
    try {
      const saved = await saveRiskRules({ rules: rules as RuleSets['active']['rules'], note: note || undefined, basedOnVersion: sets.active.version });
      setProblem(null);
      message.success(t('risk.rules.saved', { v: saved.version }));
      onSaved();
    } catch (e) {
      setProblem(e instanceof ApiError ? `${e.field ? `${e.field}: ` : ''}${pick(e.messages)}` : String(e));
    }
  };
  return (
    <div data-testid="risk-rules">
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="green">{t('risk.rules.version', { v: sets.active.version })}</Tag>
        {sets.active.note && <span className="es-muted">{sets.active.note}</span>}
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} data-testid="risk-rules-error" />}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} readOnly={!sets.canEdit} autoSize={{ minRows: 12, maxRows: 30 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="risk-rules-json" />
      {sets.canEdit && (
        <Space wrap style={{ marginTop: 8 }}>
          <Input placeholder={t('risk.rules.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 320 }} maxLength={500} />
          <Button type="primary" onClick={() => void save()} data-testid="risk-rules-save">{t('risk.save')}</Button>
        </Space>
      )}
      <Card size="small" title={t('risk.rules.versions')} style={{ marginTop: 12 }}>
        {sets.versions.map((v) => (
          <div key={v.id}>第 {v.version} 版 · {v.status === 'active' ? '当前' : '已停用'} · {v.createdBy ?? '系统'} · {v.createdAt.slice(0, 10)}{v.note ? ` · ${v.note}` : ''}</div>
        ))}
      </Card>
    </div>
  );
}
