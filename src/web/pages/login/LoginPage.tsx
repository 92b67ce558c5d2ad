import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { safeNext, useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { errorMessage } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useT } from '../../i18n/index.tsx';

export function LoginPage() {
  const t = useT();
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('login.title'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = { username: !username.trim(), password: !password };
    setMissing(empty);
    if (empty.username || empty.password || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(loginFailure(error, t));
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      <Paragraph>{t('app.tagline')}</Paragraph>
      {failure && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <Textfield
          label={t('login.username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={missing.username ? t('login.usernameRequired') : undefined}
          required
        />
        <Textfield
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={missing.password ? t('login.passwordRequired') : undefined}
          required
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <AppLink to="/relatives">{t('relatives.loginLink')}</AppLink>
      </Paragraph>
    </div>
  );
}

function loginFailure(error: unknown, t: ReturnType<typeof useT>): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return error.detail ?? error.title ?? t('login.failed');
    if (error.status === 429) return error.detail ?? error.title ?? t('login.tooMany');
  }
  return errorMessage(error, t);
}
