import { useEffect, useRef, useState } from 'react';
import { Alert, App, Col, Form, Modal, Row } from 'antd';
import type { ButtonProps } from 'antd';
import type { DossierSections, SectionKey } from '../../../../common/contracts/dossier';
import { SECTIONS } from '../../../../common/dossier-sections';
import { sectionRowError } from '../../../../common/dossier-rules';
import { ApiError } from '../../../api/client';
import { createSectionRow, updateSectionRow } from '../../../api/dossier';
import { useShowError } from '../../../api/hooks';
import { useIsMobile } from '../../../components/useIsMobile';
import { useI18n } from '../../../i18n/lang';
import { FieldInput } from './FieldInput';
import { changedFields, SECTION_FIELDS, toBody, toFormValues, type Values } from './fields';
import { StandardRowPicker } from './StandardRowPicker';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface Props {
  section: SectionKey;
  sourceId: string;
  sections: DossierSections;
  /** The row to edit, null to add one; after a 409 the parent passes the fresh row (new version). */
  row: (Values & { id: string; version: number }) | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  /** The server said 409: the parent reloads the dossier; the form keeps what the user typed. */
  onStale: () => void;
  /** Values to start a new row with (e.g. the outlet a limit is added to). */
  defaults?: Values;
}

/** Add or edit one row of any section, driven by the section's field specs. */
export function SectionFormModal({ section, sourceId, sections, row, open, onClose, onSaved, onStale, defaults }: Props) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const values = (Form.useWatch([], { form, preserve: true }) ?? {}) as Values;
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const def = SECTIONS[section];

  /** The values the dialog opened with: what the user changed is measured against them. */
  const base = useRef<Values>({});
  /** The stored row the edit is based on (its version is sent): replaced by the fresh one after a 409. */
  const baseRow = useRef(row);

  // Start from the stored row when the dialog opens (not when a 409 reload brings a new version).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    base.current = { ...toFormValues(section, row), ...(row ? {} : defaults) };
    baseRow.current = row;
    form.setFieldsValue(base.current);
    setStale(null);
  }, [open, row?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // After a 409 the parent brings the fresh row: fields the user left alone take its values, so the
  // next save sends only the user's own changes; what the user typed stays.
  useEffect(() => {
    if (!open || !row || !stale) return;
    const fresh = toFormValues(section, row);
    const typed = form.getFieldsValue(true) as Values;
    const untouched = Object.keys(fresh).filter((k) => same(typed[k], base.current[k]));
    form.setFieldsValue(Object.fromEntries(untouched.map((k) => [k, fresh[k]])));
    base.current = { ...base.current, ...Object.fromEntries(untouched.map((k) => [k, fresh[k]])) };
    baseRow.current = row;
  }, [row?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Whether a field has an input on screen, where its error can be shown. */
  const visible = (field: string, v: Values) => {
    const spec = SECTION_FIELDS[section].find((f) => f.name === field);
    return !!spec && !spec.managed && !spec.hidden?.(v) && spec.kind.type !== 'derived';
  };

  const submit = async () => {
    let v: Values;
    try {
      v = { ...form.getFieldsValue(true), ...(await form.validateFields()) };
    } catch {
      return;
    }
    const body = toBody(section, v);
    const ruleError = sectionRowError(section, { ...(row ?? {}), ...body });
    if (ruleError) {
      const text = ruleError[lang];
      if (visible(ruleError.field, v)) {
        form.setFields([{ name: ruleError.field, errors: [text] }]);
      } else message.error(text);
      return;
    }
    setSaving(true);
    try {
      const stored = baseRow.current;
      if (stored) {
        const changes = changedFields(body, stored);
        if (Object.keys(changes).length === 0) {
          onClose();
          return;
        }
        await updateSectionRow(section, stored.id, { ...changes, version: stored.version });
      } else {
        await createSectionRow(sourceId, section, body);
      }
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_version' && row) {
        setStale(pick(e.messages));
        onStale();
      } else if (e instanceof ApiError && e.field && !visible(e.field, v)) {
        message.error(pick(e.messages)); // e.g. the standard row, picked rather than typed
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const specs = SECTION_FIELDS[section].filter((f) => f.kind.type !== 'derived');
  return (
    <Modal
      open={open}
      title={t(row ? 'dossier.section.editTitle' : 'dossier.section.addTitle', { section: pick(def.label) })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={mobile ? 'calc(100vw - 24px)' : 720}
      style={mobile ? { top: 12, maxWidth: 'calc(100vw - 24px)' } : undefined}
      okButtonProps={{ 'data-testid': 'section-form-submit' } as ButtonProps}
    >
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="section-stale" title={stale} description={t('dossier.staleKept')} />
      )}
      <Form<Values> form={form} layout="vertical" data-testid={`section-form-${section}`}>
        <Row gutter={16}>
          {specs.map((f) => {
            const fieldLabel = pick(def.fields[f.name] ?? { zh: f.name, en: f.name });
            if (f.managed || f.hidden?.(values)) {
              const hiddenItem = (
                <Form.Item key={f.name} name={f.name} hidden noStyle>
                  <input type="hidden" />
                </Form.Item>
              );
              if (f.name !== 'standardId' || f.hidden?.(values)) return hiddenItem;
              return (
                <Col key={f.name} xs={24}>
                  {hiddenItem}
                  <StandardRowPicker form={form} sections={sections} />
                </Col>
              );
            }
            const item = (
              <Form.Item
                name={f.name}
                label={fieldLabel}
                rules={f.required ? [{ required: true, message: t('common.required', { field: fieldLabel }) }] : undefined}
              >
                <FieldInput spec={f} sections={sections} disabled={f.locked?.(values)} />
              </Form.Item>
            );
            return (
              <Col key={f.name} xs={24} md={f.wide ? 24 : 12}>
                {item}
              </Col>
            );
          })}
        </Row>
      </Form>
    </Modal>
  );
}
