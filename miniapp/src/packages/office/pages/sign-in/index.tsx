import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import { heading } from '../../../../components/a11y';
import { useOfficeStaff } from '../../../../hooks/use-office-session';
import { signInStaff } from '../../../../services/office-api';
import { toApiError } from '../../../../services/http-client';
import type { ApiError } from '../../../../services/api-error';
import { Button, ErrorMessage, Field, Message, OFFICE_DIRECTION } from '../../components/office-ui';
import { OFFICE_ROUTES } from '../../office-routes';
import { OFFICE_TEXT } from '../../office-text';
import '../../office.scss';

const TEXT = OFFICE_TEXT.signIn;

export default function OfficeSignInPage(): JSX.Element {
  const staff = useOfficeStaff();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isIncomplete, setIncomplete] = useState(false);

  useEffect(() => {
    if (staff) void Taro.redirectTo({ url: OFFICE_ROUTES.console });
  }, [staff]);

  const submit = (): void => {
    if (!username.trim() || !password) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    setBusy(true);
    setError(null);
    signInStaff(username.trim(), password).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(toApiError(failure));
      },
    );
  };

  return (
    <View id="office-sign-in" className="tt-office tt-office--centered" {...OFFICE_DIRECTION}>
      <View className="tt-office-card tt-office-sign-in">
        <View className="tt-office-sign-in__title" {...heading(1)}>
          {TEXT.title}
        </View>
        <View className="tt-office-muted">{TEXT.hint}</View>
        <Field
          id="office-username"
          label={TEXT.username}
          value={username}
          onChange={setUsername}
          isWide
        />
        <Field
          id="office-password"
          label={TEXT.password}
          value={password}
          onChange={setPassword}
          type="password"
          isWide
        />
        {isIncomplete ? <Message tone="error">{TEXT.missing}</Message> : null}
        <ErrorMessage error={error} />
        <Button id="office-sign-in-submit" type="primary" block disabled={isBusy} onClick={submit}>
          {isBusy ? TEXT.submitting : TEXT.submit}
        </Button>
      </View>
    </View>
  );
}
