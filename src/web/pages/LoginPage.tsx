import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { login } from '../api/endpoints';
import { useAuth } from '../app/auth';
import { Logo } from '../app/Logo';
import { LangSwitch } from '../components/LangSwitch';
import { FullPageSpin } from '../components/PageState';
import { useI18n } from '../i18n/lang';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, pick } = useI18n();
  const { me, checking, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from.startsWith('/') && !from.startsWith('/login') ? from : '/';

  if (checking) return <FullPageSpin />;
  if (me) return <Navigate to={target} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const m = await login({ username: values.username.trim(), password: values.password });
      signedIn(m);
      navigate(target, { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, { code: 'client_error', message: { zh: t('error.unexpected'), en: t('error.unexpected') } }),
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="es-login">
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LangSwitch />
      </div>
      <div className="es-login-card">
        <div className="es-login-head">
          <Logo size={48} inverted />
          <h1>{t('app.name')}</h1>
          <div className="es-muted">{t('app.tagline')}</div>
        </div>
        <Card title={t('login.title')} variant="borderless" style={{ boxShadow: '0 4px 18px rgba(31,110,67,0.10)' }}>
          {error && (
            <Alert
              data-testid="login-error"
              type="error"
              showIcon
              title={pick(error.messages)}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('login.username') }) }]}
            >
              <Input
                data-testid="login-username"
                prefix={<UserOutlined />}
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                size="large"
                maxLength={64}
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('common.required', { field: t('login.password') }) }]}
            >
              <Input.Password
                data-testid="login-password"
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                maxLength={256}
              />
            </Form.Item>
            <Button data-testid="login-submit" type="primary" htmlType="submit" size="large" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <div className="es-muted" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
          {t('login.footer')}
        </div>
      </div>
    </main>
  );
}
