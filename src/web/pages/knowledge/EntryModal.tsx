import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { parseCitations } from '../../../common/citations';
import type { EntryUpdate, HandbookEntry } from '../../../common/contracts/knowledge';
import { INSPECTION_AREA, INSPECTION_AREA_CODES, type InspectionAreaCode } from '../../../common/inspection-areas';
import { ApiError } from '../../api/client';
import { useShowError } from '../../api/hooks';
import { createEntry, updateEntry } from '../../api/knowledge';
import { useIsMobile } from '../../components/useIsMobile';
import { useI18n } from '../../i18n/lang';

interface Values {
  area: InspectionAreaCode;
  title: string;
  requirements: string;
  commonProblems: string;
  legalBasis: string;
  examples: string;
  sort?: number | null;
}

const TEXT_FIELDS = ['title', 'requirements', 'commonProblems', 'legalBasis', 'examples'] as const;

/** Add or edit an entry of a draft edition; an edit carries the entry's version (409 when someone changed it meanwhile). */
export function EntryModal({
  editionId,
  entry,
  area,
  onClose,
  onSaved,
}: {
  editionId: string;
  entry: HandbookEntry | null;
  area: InspectionAreaCode;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, label } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const basis = Form.useWatch('legalBasis', form) ?? '';

  useEffect(() => {
    form.setFieldsValue(
      entry
        ? { area: entry.area, title: entry.title, requirements: entry.requirements, commonProblems: entry.commonProblems, legalBasis: entry.legalBasis, examples: entry.examples, sort: entry.sort }
        : { area, title: '', requirements: '', commonProblems: '', legalBasis: '', examples: '', sort: null },
    );
  }, [entry, area, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setSaving(true);
    try {
      if (entry) {
        const body: EntryUpdate = { version: entry.version };
        if (v.area !== entry.area) body.area = v.area;
        for (const f of TEXT_FIELDS) if ((v[f] ?? '').trim() !== entry[f]) body[f] = (v[f] ?? '').trim();
        if (v.sort != null && v.sort !== entry.sort) body.sort = v.sort;
        await updateEntry(entry.id, body);
      } else {
        await createEntry(editionId, {
          area: v.area,
          title: v.title.trim(),
          requirements: v.requirements.trim(),
          commonProblems: (v.commonProblems ?? '').trim(),
          legalBasis: (v.legalBasis ?? '').trim(),
          examples: (v.examples ?? '').trim(),
          ...(v.sort != null ? { sort: v.sort } : {}),
        });
      }
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('kn.hb.stale'));
        onSaved();
      } else showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <Modal
      open
      title={entry ? t('kn.hb.editEntry') : t('kn.hb.addEntry')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={mobile ? '100%' : 720}
      style={mobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'kn-entry-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" data-testid="kn-entry-form">
        <div className="es-kn-form-row">
          <Form.Item name="area" label={t('kn.hb.area')} rules={[{ required: true }]} className="es-kn-form-grow">
            <Select options={INSPECTION_AREA_CODES.map((c) => ({ value: c, label: label(INSPECTION_AREA, c) }))} />
          </Form.Item>
          <Form.Item name="sort" label={t('kn.hb.sort')}>
            <InputNumber min={0} max={100000} step={10} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('kn.hb.entryTitle')} rules={required(t('kn.hb.entryTitle'))}>
          <Input maxLength={200} data-testid="kn-entry-title" />
        </Form.Item>
        <Form.Item name="requirements" label={t('kn.hb.requirements')} rules={required(t('kn.hb.requirements'))}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="commonProblems" label={t('kn.hb.problems')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('kn.hb.basis')} extra={basis.trim() ? t('kn.hb.basisPreview', { n: parseCitations(basis).length }) : t('kn.hb.basisHint')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="kn-entry-basis" />
        </Form.Item>
        <Form.Item name="examples" label={t('kn.hb.examples')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="kn-entry-examples" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
