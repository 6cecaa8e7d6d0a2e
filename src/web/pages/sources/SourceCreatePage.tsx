import { useState } from 'react';
import { App, Button, Card, Col, Form, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { CreateSource } from '../../../common/contracts/dossier';
import { coordinatePairError } from '../../../common/dossier-rules';
import { createSource } from '../../api/dossier';
import { useShowError } from '../../api/hooks';
import { useMe } from '../../app/auth';
import { NoAccessPage } from '../../app/StatusPages';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useI18n } from '../../i18n/lang';
import { BASIC_FIELD_LABELS } from '../../../common/dossier-sections';
import { basicsBody } from './basics/basicFields';
import { BasicsFormFields } from './basics/BasicsFormFields';
import type { Values } from './sections/fields';
import { CREATE_ROLES } from './roles';
import './sources.css';

/** 新建污染源: the basic-data form plus the grid (and park) it sits in; on success, its new dossier. */
export default function SourceCreatePage() {
  const me = useMe();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  if (!CREATE_ROLES.includes(me.role)) return <NoAccessPage />;

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const basics = basicsBody(v);
    const pair = coordinatePairError(basics as { longitude: number | null; latitude: number | null });
    if (pair) {
      form.setFields([{ name: pair.field, errors: [pick(pair)] }]);
      return;
    }
    setSaving(true);
    try {
      const body = { ...basics, gridId: v.gridId, parkId: v.parkId ?? null } as CreateSource;
      const created = await createSource(body);
      message.success(t('dossier.create.done', { name: created.source.name }));
      navigate(`/sources/${created.source.id}`, { replace: true });
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  const gridLabel = pick(BASIC_FIELD_LABELS.gridId);
  const location = (
    <>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="gridId" label={gridLabel} rules={[{ required: true, message: t('common.select', { field: gridLabel }) }]} extra={t('dossier.create.gridHint')}>
          <RegionTreeSelect levels={['grid']} testId="create-grid" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="parkId" label={pick(BASIC_FIELD_LABELS.parkId)}>
          <RegionTreeSelect levels={['park']} testId="create-park" />
        </Form.Item>
      </Col>
    </>
  );

  return (
    <div data-testid="source-create-page">
      <div className="es-dossier-back">
        <Link to="/sources">
          <ArrowLeftOutlined /> {t('dossier.backToList')}
        </Link>
      </div>
      <div className="es-page-title">
        <h1>{t('dossier.create.title')}</h1>
      </div>
      <Card variant="borderless">
        <Form<Values> form={form} layout="vertical" data-testid="create-form" scrollToFirstError initialValues={{ sourceType: 'industrial', permitClass: 'none' }}>
          <BasicsFormFields locationExtra={location} />
        </Form>
        <Space className="es-form-actions">
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="create-submit">
            {t('dossier.create.submit')}
          </Button>
          <Button onClick={() => navigate('/sources')}>{t('common.cancel')}</Button>
        </Space>
      </Card>
    </div>
  );
}
