import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CalendarDay } from '../../../common/contracts/workdays';
import type { EscalationSettings } from '../../../common/working-days';
import { useAsync, useShowError } from '../../api/hooks';
import { deleteCalendarDay, getWorkCalendar, setCalendarDay, updateEscalationSettings } from '../../api/reporting';
import { useMe } from '../../app/auth';
import { ErrorBlock, LoadingBlock } from '../../components/PageState';
import { useI18n } from '../../i18n/lang';

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 工作日历: the holidays and weekend days worked that deadlines in working days count with, and the escalation settings. */
export default function WorkCalendarPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const admin = me?.role === 'admin';
  const { message } = App.useApp();
  const showError = useShowError();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, loading, error, reload } = useAsync(() => getWorkCalendar(year), [year]);
  const [dayForm] = Form.useForm<{ day: Dayjs; kind: CalendarDay['kind']; name: string }>();
  const [settingsForm] = Form.useForm<EscalationSettings>();
  const [busy, setBusy] = useState(false);

  const weekday = (day: string) => (lang === 'zh' ? `周${WEEKDAYS_ZH[new Date(`${day}T00:00:00Z`).getUTCDay()]}` : WEEKDAYS_EN[new Date(`${day}T00:00:00Z`).getUTCDay()]);
  const columns: TableColumnsType<CalendarDay> = [
    { title: t('wcal.day'), dataIndex: 'day', width: 140, render: (d: string) => <span>{d} <span className="es-muted">{weekday(d)}</span></span> },
    { title: t('wcal.kind'), dataIndex: 'kind', width: 120, render: (k: CalendarDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`wcal.kind.${k}`)}</Tag> },
    { title: t('wcal.name'), dataIndex: 'name' },
    ...(admin ? [{
      title: '', key: 'x', width: 80,
      render: (_: unknown, r: CalendarDay) => (
        <Popconfirm title={t('wcal.removeConfirm', { day: r.day })} onConfirm={async () => { try { await deleteCalendarDay(r.day); reload(); } catch (e) { showError(e); } }}>
          <Button size="small" type="link" danger data-testid="wcal-remove">{t('wcal.remove')}</Button>
        </Popconfirm>
      ),
    }] : []),
  ];

  const addDay = async () => {
    const v = await dayForm.validateFields();
    setBusy(true);
    try {
      await setCalendarDay({ day: v.day.format('YYYY-MM-DD'), kind: v.kind, name: v.name });
      message.success(t('wcal.saved'));
      dayForm.resetFields(['day', 'name']);
      reload();
    } catch (e) {
      showError(e, dayForm);
    } finally {
      setBusy(false);
    }
  };
  const saveSettings = async () => {
    const v = await settingsForm.validateFields();
    setBusy(true);
    try {
      await updateEscalationSettings(v);
      message.success(t('wcal.saved'));
      reload();
    } catch (e) {
      showError(e, settingsForm);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="work-calendar-page">
      <div className="es-page-title">
        <h1>{t('wcal.title')}</h1>
        <Select value={year} onChange={setYear} style={{ width: 120 }} options={[-1, 0, 1].map((d) => ({ value: new Date().getFullYear() + d, label: String(new Date().getFullYear() + d) }))} data-testid="wcal-year" />
      </div>
      {loading && !data ? <LoadingBlock /> : error && !data ? <ErrorBlock error={error} onRetry={reload} /> : data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card variant="borderless">
            <Space size={48} wrap>
              <Statistic title={t('wcal.workingDays', { year })} value={data.workingDays} data-testid="wcal-working-days" />
              <Statistic title={t('wcal.holidays')} value={data.days.filter((d) => d.kind === 'holiday').length} />
              <Statistic title={t('wcal.workdays')} value={data.days.filter((d) => d.kind === 'workday').length} />
            </Space>
            <div className="es-muted" style={{ marginTop: 8 }}>{t('wcal.hint')}</div>
          </Card>
          <Card variant="borderless" title={t('wcal.days')}>
            {admin && (
              <Form form={dayForm} layout="inline" initialValues={{ kind: 'holiday' }} style={{ marginBottom: 16, rowGap: 8 }}>
                <Form.Item name="day" rules={[{ required: true, message: t('wcal.day') }]}><DatePicker placeholder={t('wcal.day')} data-testid="wcal-day" /></Form.Item>
                <Form.Item name="kind"><Select style={{ width: 150 }} options={[{ value: 'holiday', label: t('wcal.kind.holiday') }, { value: 'workday', label: t('wcal.kind.workday') }]} /></Form.Item>
                <Form.Item name="name" rules={[{ required: true, message: t('wcal.name') }]}><Input placeholder={t('wcal.namePlaceholder')} maxLength={50} data-testid="wcal-name" /></Form.Item>
                <Button type="primary" onClick={addDay} loading={busy} data-testid="wcal-add">{t('wcal.add')}</Button>
              </Form>
            )}
            <Table<CalendarDay> rowKey="day" size="small" columns={columns} dataSource={data.days} pagination={false} data-testid="wcal-table" />
          </Card>
          <Card variant="borderless" title={t('wcal.settings')}>
            <Form form={settingsForm} layout="vertical" initialValues={data.settings} key={JSON.stringify(data.settings)} disabled={!admin} style={{ maxWidth: 480 }}>
              <Form.Item name="remindDaysBefore" label={t('wcal.remindDaysBefore')} rules={[{ required: true }]}><InputNumber min={1} max={30} addonAfter={t('wcal.calendarDays')} /></Form.Item>
              <Form.Item name="townAfterWorkingDays" label={t('wcal.townAfter')} rules={[{ required: true }]}><InputNumber min={1} max={60} addonAfter={t('wcal.workingDayUnit')} /></Form.Item>
              <Form.Item name="bureauAfterWorkingDays" label={t('wcal.bureauAfter')} rules={[{ required: true }]}><InputNumber min={1} max={120} addonAfter={t('wcal.workingDayUnit')} /></Form.Item>
              {admin && <Button type="primary" onClick={saveSettings} loading={busy} data-testid="wcal-save-settings">{t('wcal.saveSettings')}</Button>}
            </Form>
          </Card>
        </Space>
      )}
    </div>
  );
}
