import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Col, Collapse, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { OverrideOutput, SourceRisk } from '../../../common/contracts/risk';
import { OVERRIDE_OUTPUTS, OVERRIDE_VALUES } from '../../../common/contracts/risk';
import { MEDIA, RISK_LABELS, type Contribution } from '../../../common/risk-rules';
import { ApiError } from '../../api/client';
import { useAsync, useShowError } from '../../api/hooks';
import { getSourceRisk, overrideRisk, recomputeSourceRisk, revokeRiskOverride, saveRiskAttributes } from '../../api/risk';
import { EChart, type ChartOption } from '../../components/EChart';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';
import { COMPOSITE_COLOR, GradeTag, gradeLabel } from './labels';

const OUTPUT_KIND = { composite: 'composite', env_color: 'envColor', mgmt_grade: 'mgmtGrade', social_grade: 'socialGrade' } as const;
const LEVEL_Y: Record<string, number> = { minor: 1, general: 2, larger: 3, major: 4 };

/** 风险分级 of one source: the grades that count (overrides shown), why (factor by factor), per medium, history, overrides, sensitive neighbours. */
export function RiskTab({ sourceId }: { sourceId: string }) {
  const [version, setVersion] = useState(0);
  const { data, loading, error, reload } = useAsync(() => getSourceRisk(sourceId), [sourceId, version]);
  if (loading && !data) return <LoadingBlock />;
  if (error) return <ErrorBlock error={error} onRetry={reload} />;
  if (!data) return null;
  return <RiskView risk={data} onChange={() => setVersion((v) => v + 1)} />;
}

function RiskView({ risk, onChange }: { risk: SourceRisk; onChange: () => void }) {
  const { t, pick, formatTime } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [overriding, setOverriding] = useState(false);
  if (!risk.computed || !risk.effective || !risk.explanation) return <Card>{t('risk.none')}</Card>;
  const e = risk.explanation;
  const outputs = [
    ['composite', 'composite'], ['envColor', 'env_color'], ['mgmtGrade', 'mgmt_grade'], ['socialGrade', 'social_grade'],
  ] as const;

  return (
    <div data-testid="risk-tab" data-composite={risk.effective.composite}>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          {outputs.map(([kind, output]) => {
            const overridden = risk.effective![kind] !== risk.computed![kind];
            return (
              <Col xs={12} md={6} key={kind}>
                <div className="es-muted">{pick(RISK_LABELS.output[kind])}</div>
                <div style={{ fontSize: 18 }}>
                  <GradeTag kind={kind} value={risk.effective![kind]} testId={`risk-${output}`} />
                </div>
                {overridden && <div className="es-muted" data-testid={`risk-${output}-overridden`}>{t('risk.overridden', { v: gradeLabel(kind, risk.computed![kind], pick) })}</div>}
              </Col>
            );
          })}
        </Row>
        <Space wrap style={{ marginTop: 12 }}>
          <span>{t('risk.period')} {risk.period}</span>
          <span className="es-muted">{t('risk.computedAt', { t: formatTime(risk.computedAt!), v: risk.ruleSetVersion ?? '' })}</span>
          <Tag>{t('risk.points')} {risk.points}</Tag>
          <Tag color="blue">{t('risk.minVisits', { n: risk.minVisits ?? 0 })}</Tag>
          {risk.canRecompute && (
            <Button size="small" data-testid="risk-recompute" onClick={async () => {
              try { await recomputeSourceRisk(risk.sourceId); message.success(t('risk.recompute')); onChange(); } catch (err) { showError(err); }
            }}>{t('risk.recompute')}</Button>
          )}
          {risk.canOverride && <Button size="small" onClick={() => setOverriding(true)} data-testid="risk-override-open">{t('risk.override.add')}</Button>}
        </Space>
      </Card>

      <Card size="small" title={t('risk.media')} style={{ marginBottom: 12 }}>
        <Space wrap>
          {MEDIA.map((m) => (
            <span key={m}>{pick(RISK_LABELS.medium[m])} <GradeTag kind="mediumLevel" value={risk.media![m]} testId={`risk-medium-${m}`} /></span>
          ))}
        </Space>
      </Card>

      <Card size="small" title={t('risk.explain')} style={{ marginBottom: 12 }}>
        <Collapse
          defaultActiveKey={['composite']}
          items={[
            ...outputs.map(([kind]) => ({
              key: kind,
              label: <span>{pick(RISK_LABELS.output[kind])}：<GradeTag kind={kind} value={e[kind].value} /> {e[kind].points} 分</span>,
              children: <Explanation contributions={e[kind].contributions} thresholds={e[kind].thresholds.map((th) => `${gradeLabel(kind, th.value, pick)} ≥ ${th.atLeast}`)} testId={`risk-explain-${kind}`} />,
            })),
            ...MEDIA.map((m) => ({
              key: m,
              label: <span>{pick(RISK_LABELS.medium[m])}：<GradeTag kind="mediumLevel" value={e.media[m].value} /> {e.media[m].points} 分</span>,
              children: <Explanation contributions={e.media[m].contributions} thresholds={e.media[m].thresholds.map((th) => `${gradeLabel('mediumLevel', th.value, pick)} ≥ ${th.atLeast}`)} />,
            })),
          ]}
        />
      </Card>

      <Card size="small" title={t('risk.history')} style={{ marginBottom: 12 }}>
        <History risk={risk} />
      </Card>

      <Overrides risk={risk} onChange={onChange} />
      <Attributes risk={risk} onChange={onChange} />
      {overriding && <OverrideModal risk={risk} onClose={() => setOverriding(false)} onDone={() => { setOverriding(false); onChange(); }} />}
    </div>
  );
}

function Explanation({ contributions, thresholds, testId }: { contributions: Contribution[]; thresholds: string[]; testId?: string }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid={testId}>
      <Table<Contribution>
        size="small"
        rowKey="factor"
        pagination={false}
        dataSource={contributions}
        locale={{ emptyText: '—' }}
        columns={[
          { title: t('risk.factor'), render: (_, c) => pick(c.label) },
          { title: t('risk.fact'), dataIndex: 'detail' },
          { title: t('risk.pointsCol'), dataIndex: 'points', align: 'right', width: 90 },
        ]}
      />
      <Typography.Text type="secondary">{t('risk.thresholds', { list: thresholds.join('，') })}</Typography.Text>
    </div>
  );
}

function History({ risk }: { risk: SourceRisk }) {
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 48, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: risk.history.map((h) => h.period) },
    yAxis: [
      { type: 'value', name: '积分' },
      { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { formatter: (v: number) => ['', '轻微', '一般', '较大', '重大'][v] ?? '' } },
    ],
    series: [
      { type: 'bar', name: '积分', data: risk.history.map((h) => ({ value: h.points, itemStyle: { color: COMPOSITE_COLOR[h.composite] } })) },
      { type: 'line', name: '综合风险', yAxisIndex: 1, step: 'middle', data: risk.history.map((h) => LEVEL_Y[h.composite]) },
    ],
  }) as ChartOption, [risk.history]);
  return (
    <>
      <EChart option={option} height={220} ariaLabel="risk history" testId="risk-history-chart" />
      <Space wrap size={4} data-testid="risk-history">
        {risk.history.map((h) => <span key={h.period}>{h.period} <GradeTag kind="composite" value={h.composite} /></span>)}
      </Space>
    </>
  );
}

function Overrides({ risk, onChange }: { risk: SourceRisk; onChange: () => void }) {
  const { t, pick, formatTime } = useI18n();
  const showError = useShowError();
  if (risk.overrides.length === 0) return null;
  return (
    <Card size="small" title={t('risk.overrides')} style={{ marginBottom: 12 }} data-testid="risk-overrides">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={risk.overrides}
        scroll={{ x: 640 }}
        columns={[
          { title: t('risk.override.output'), render: (_, o) => pick(RISK_LABELS.output[OUTPUT_KIND[o.output]]) },
          { title: t('risk.override.value'), render: (_, o) => <GradeTag kind={OUTPUT_KIND[o.output]} value={o.value} /> },
          { title: t('risk.override.reason'), dataIndex: 'reason' },
          { title: t('risk.override.expires'), dataIndex: 'expiresOn', width: 110 },
          { title: '', width: 160, render: (_, o) => <span className="es-muted">{o.createdBy} · {formatTime(o.createdAt)}</span> },
          {
            title: '', width: 110,
            render: (_, o) => o.active
              ? (risk.canOverride
                  ? <Button size="small" danger onClick={async () => { try { await revokeRiskOverride(o.id); onChange(); } catch (e) { showError(e); } }}>{t('risk.override.revoke')}</Button>
                  : <Tag color="blue">{t('risk.override.active')}</Tag>)
              : <Tag>{t('risk.override.ended')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

function OverrideModal({ risk, onClose, onDone }: { risk: SourceRisk; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ output: OverrideOutput; value: string; reason: string; expiresOn: string }>();
  const output = Form.useWatch('output', form) ?? 'composite';
  const showError = useShowError();
  return (
    <Modal open title={t('risk.override.add')} onCancel={onClose} okButtonProps={{ 'data-testid': 'risk-override-submit' } as never} destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await overrideRisk(risk.sourceId, v);
          onDone();
        } catch (e) {
          if (e instanceof ApiError) showError(e, form);
          else throw e;
        }
      }}>
      <Form form={form} layout="vertical" initialValues={{ output: 'composite' }}>
        <Form.Item name="output" label={t('risk.override.output')}>
          <Select options={OVERRIDE_OUTPUTS.map((o) => ({ value: o, label: pick(RISK_LABELS.output[OUTPUT_KIND[o]]) }))} data-testid="risk-override-output" />
        </Form.Item>
        <Form.Item name="value" label={t('risk.override.value')} rules={[{ required: true }]}>
          <Select options={OVERRIDE_VALUES[output].map((v) => ({ value: v, label: gradeLabel(OUTPUT_KIND[output], v, pick) }))} data-testid="risk-override-value" />
        </Form.Item>
        <Form.Item name="reason" label={t('risk.override.reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="risk-override-reason" />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('risk.override.expires')} rules={[{ required: true }]}>
          <Input type="date" data-testid="risk-override-expires" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Attributes({ risk, onChange }: { risk: SourceRisk; onChange: () => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [sensitive, setSensitive] = useState(risk.attributes.sensitiveNearby);
  const [note, setNote] = useState(risk.attributes.note ?? '');
  const dirty = sensitive !== risk.attributes.sensitiveNearby || note !== (risk.attributes.note ?? '');
  return (
    <Card size="small" title={t('risk.attributes')} style={{ marginBottom: 12 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('risk.attributes')}>
          <Checkbox checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} disabled={!risk.canRecompute} data-testid="risk-sensitive">{t('risk.attributes.yes')}</Checkbox>
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.attributes.note')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} disabled={!risk.canRecompute} />
        </Descriptions.Item>
      </Descriptions>
      {risk.canRecompute && (
        <Button type="primary" size="small" disabled={!dirty} data-testid="risk-sensitive-save" onClick={async () => {
          try { await saveRiskAttributes(risk.sourceId, { sensitiveNearby: sensitive, note: note || null, version: risk.attributes.version }); onChange(); } catch (e) { showError(e); }
        }}>{t('risk.save')}</Button>
      )}
    </Card>
  );
}
