import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Collapse, Drawer, Form, Input, InputNumber, Select, Space, Spin, Tag } from 'antd';
import type { ChecklistItem, Template, TemplateItemInput, TemplateUpdate } from '../../../common/contracts/checklists';
import { DEFAULT_BANDS, DEFAULT_MAX_SCORE, validateBands, type Band } from '../../../common/checklist-scoring';
import { SOURCE_TYPE, type SourceType } from '../../../common/enums';
import { INSPECTION_AREA, INSPECTION_AREA_CODES } from '../../../common/inspection-areas';
import { ApiError } from '../../api/client';
import { createTemplate, listChecklistItems, updateTemplate } from '../../api/checklists';
import { useAsync, useShowError } from '../../api/hooks';
import { ErrorBlock } from '../../components/PageState';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';
import { BandsEditor } from './BandsEditor';
import { STATUS_KEY } from './labels';
import { ScorePreview, type PreviewItem } from './ScorePreview';

interface Values {
  name: string;
  description?: string;
  sourceTypes: SourceType[];
  industryPrefixes: string[];
}

type Picked = Map<string, { weight: number; maxScore: number }>;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Creates or edits a template: name, applicability, items picked by area with weights and maximum
 * scores, result bands, and a live score preview. Items and bands of an active or retired template
 * are shown read-only with the advice to copy it.
 */
export function TemplateEditor({ template, onClose, onSaved }: { template: Template | 'new'; onClose: () => void; onSaved: () => void }) {
  const { t, label } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const existing = template === 'new' ? null : template;
  const editable = !existing || existing.editable;
  const itemsEditable = !existing || existing.itemsEditable;
  const bank = useAsync(() => (itemsEditable ? listChecklistItems({}) : Promise.resolve(null)), [itemsEditable]);
  const [picked, setPicked] = useState<Picked>(() => new Map(existing?.items.map((i) => [i.itemId, { weight: i.weight, maxScore: i.maxScore }]) ?? []));
  const [bands, setBands] = useState<Band[]>(() => (existing ? existing.bands.map((b) => ({ min: b.min, label: { ...b.label } })) : DEFAULT_BANDS.map((b) => ({ min: b.min, label: { ...b.label } }))));
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue({
      name: existing?.name ?? '',
      description: existing?.description ?? '',
      sourceTypes: existing?.sourceTypes ?? [],
      industryPrefixes: existing?.industryPrefixes ?? [],
    });
  }, [existing, form]);

  // The items in bank order (or the template's order when read-only), with their weights.
  const bankItems: ChecklistItem[] = useMemo(() => bank.data?.items ?? [], [bank.data]);
  const previewItems: PreviewItem[] = useMemo(() => {
    if (!itemsEditable && existing) return existing.items.map((i) => ({ itemId: i.itemId, code: i.code, area: i.area, text: i.text, weight: i.weight, maxScore: i.maxScore }));
    return bankItems.filter((i) => picked.has(i.id)).map((i) => ({ itemId: i.id, code: i.code, area: i.area, text: i.text, ...picked.get(i.id)! }));
  }, [itemsEditable, existing, bankItems, picked]);

  const toggle = (ids: string[], on: boolean) =>
    setPicked((prev) => {
      const next = new Map(prev);
      for (const id of ids) {
        if (on && !next.has(id)) next.set(id, { weight: 1, maxScore: DEFAULT_MAX_SCORE });
        if (!on) next.delete(id);
      }
      return next;
    });
  const setWeight = (id: string, patch: Partial<{ weight: number; maxScore: number }>) =>
    setPicked((prev) => new Map(prev).set(id, { ...prev.get(id)!, ...patch }));

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (itemsEditable && previewItems.length === 0) {
      message.warning(t('ck.tpl.noItems'));
      return;
    }
    if (itemsEditable && validateBands(bands).length > 0) return; // the bands editor shows why
    const items: TemplateItemInput[] = previewItems.map((i, n) => ({ itemId: i.itemId, weight: i.weight, maxScore: i.maxScore, sort: n + 1 }));
    setSaving(true);
    try {
      if (!existing) {
        await createTemplate({
          name: v.name.trim(), description: v.description?.trim() || null, sourceTypes: v.sourceTypes, industryPrefixes: v.industryPrefixes, bands, items,
        });
        message.success(t('ck.tpl.created'));
      } else {
        const body: TemplateUpdate = { version: existing.version };
        if (v.name.trim() !== existing.name) body.name = v.name.trim();
        if ((v.description?.trim() || null) !== existing.description) body.description = v.description?.trim() || null;
        if (!sameList(v.sourceTypes, existing.sourceTypes)) body.sourceTypes = v.sourceTypes;
        if (!sameList(v.industryPrefixes, existing.industryPrefixes)) body.industryPrefixes = v.industryPrefixes;
        if (itemsEditable) {
          body.items = items;
          body.bands = bands;
        }
        await updateTemplate(existing.id, body);
        message.success(t('ck.tpl.saved'));
      }
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.code === 'stale_version') {
        message.warning(t('ck.tpl.stale'));
        onSaved();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const title = !existing ? t('ck.tpl.new') : editable ? t('ck.tpl.editTitle') : t('ck.tpl.viewTitle');
  return (
    <Drawer
      open
      title={title}
      size={mobile ? '100%' : 760}
      onClose={onClose}
      destroyOnHidden
      data-testid="ck-editor"
      footer={
        editable ? (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="ck-tpl-save">
              {t('common.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      <Form form={form} layout="vertical" disabled={!editable} data-testid="ck-tpl-form">
        <Form.Item name="name" label={t('ck.tpl.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('ck.tpl.name') }) }]}>
          <Input maxLength={100} data-testid="ck-tpl-name" />
        </Form.Item>
        <Form.Item name="description" label={t('ck.tpl.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="sourceTypes" label={t('ck.sourceTypes')} extra={t('ck.sourceTypesHint')}>
          <Select mode="multiple" allowClear options={SOURCE_TYPE.values.map((s) => ({ value: s, label: label(SOURCE_TYPE, s) }))} data-testid="ck-tpl-types" />
        </Form.Item>
        <Form.Item
          name="industryPrefixes"
          label={t('ck.industries')}
          extra={t('ck.industriesHint')}
          rules={[{ validator: async (_, v: string[] = []) => (v.every((p) => /^\d{2,4}$/.test(p)) ? undefined : Promise.reject(new Error(t('ck.industriesHint')))) }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} data-testid="ck-tpl-industries" />
        </Form.Item>
      </Form>

      {existing && !itemsEditable && (
        <Alert type="info" showIcon title={t('ck.tpl.frozen', { status: t(STATUS_KEY[existing.status]) })} style={{ marginBottom: 12 }} data-testid="ck-tpl-frozen" />
      )}

      <div className="es-ck-section">
        {t('ck.tpl.items')} <Tag>{t('ck.tpl.itemsPicked', { n: previewItems.length })}</Tag>
      </div>
      {itemsEditable ? (
        bank.error && !bank.data ? (
          <ErrorBlock error={bank.error} onRetry={bank.reload} />
        ) : !bank.data ? (
          <Spin />
        ) : (
          <Collapse
            size="small"
            data-testid="ck-tpl-areas"
            items={INSPECTION_AREA_CODES.map((area) => {
              const inArea = bankItems.filter((i) => i.area === area);
              const count = inArea.filter((i) => picked.has(i.id)).length;
              return {
                key: area,
                label: (
                  <span data-testid={`ck-area-${area}`}>
                    {label(INSPECTION_AREA, area)} <span className="es-muted">({count}/{inArea.length})</span>
                  </span>
                ),
                children: (
                  <div>
                    <Checkbox
                      checked={count === inArea.length && count > 0}
                      indeterminate={count > 0 && count < inArea.length}
                      onChange={(e) => toggle(inArea.map((i) => i.id), e.target.checked)}
                      style={{ marginBottom: 4 }}
                    >
                      {t('ck.tpl.pickAll')}
                    </Checkbox>
                    {inArea.map((i) => {
                      const w = picked.get(i.id);
                      return (
                        <div className="es-ck-pick" key={i.id} data-testid="ck-pick" data-code={i.code}>
                          <Checkbox checked={!!w} onChange={(e) => toggle([i.id], e.target.checked)} data-testid={`ck-pick-${i.code}`}>
                            <Tag color="geekblue">{i.code}</Tag>
                            {i.text}
                            {!i.verified && (
                              <Tag color="warning" style={{ marginInlineStart: 4 }}>
                                {t('ck.unverified')}
                              </Tag>
                            )}
                          </Checkbox>
                          {w && (
                            <div className="es-ck-pick-weights">
                              <label>
                                {t('ck.tpl.weight')}{' '}
                                <InputNumber
                                  size="small"
                                  min={0.01}
                                  max={100}
                                  step={0.5}
                                  value={w.weight}
                                  onChange={(v) => v !== null && setWeight(i.id, { weight: v })}
                                  data-testid={`ck-weight-${i.code}`}
                                />
                              </label>
                              <label>
                                {t('ck.tpl.maxScore')}{' '}
                                <InputNumber size="small" min={1} max={100} precision={0} value={w.maxScore} onChange={(v) => v !== null && setWeight(i.id, { maxScore: v })} />
                              </label>
                            </div>
                          )}
                        </div>
                      );
                    })}
                  </div>
                ),
              };
            })}
          />
        )
      ) : (
        // Read-only: the areas here; every item with its weight and maximum is listed in the preview below.
        <div className="es-ck-chips" data-testid="ck-tpl-readonly-items">
          {existing?.areas.map((a) => (
            <Tag key={a.code}>
              {label(INSPECTION_AREA, a.code)} {a.count}
            </Tag>
          ))}
        </div>
      )}

      <div className="es-ck-section">{t('ck.tpl.bands')}</div>
      <BandsEditor value={bands} onChange={setBands} disabled={!itemsEditable} />

      <div className="es-ck-section">{t('ck.score.title')}</div>
      <ScorePreview items={previewItems} bands={bands} />
    </Drawer>
  );
}
