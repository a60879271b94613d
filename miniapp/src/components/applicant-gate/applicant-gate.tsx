import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { useT } from '../../locales';
import { pressable } from '../a11y';
import type { ApiError } from '../../services/api-error';
import { StateView } from '../state-view';
import './applicant-gate.scss';

export interface ApplicantGateProps {
  isSignedIn: boolean;
  isLoading: boolean;
  hasData: boolean;
  hasApplication: boolean;
  error: ApiError | null;
  onRetry: () => void;
  onGoToMe: () => void;
  children: () => ReactNode;
}

const classPrefix = 'tt-gate';

// What a personal screen shows before it has something to show: sign in, bind, a skeleton, or
// a translated error with retry. Never a blank screen.
export function ApplicantGate(props: ApplicantGateProps): JSX.Element {
  const t = useT();
  const prompt = (message: string, action: string, id: string): JSX.Element => (
    <View className={classPrefix} id={id}>
      <View className={`${classPrefix}__text`}>{message}</View>
      <Button className={`${classPrefix}__button`} {...pressable('link', props.onGoToMe)}>
        {action}
      </Button>
    </View>
  );
  if (!props.isSignedIn) return prompt(t('state.signInFirst'), t('state.goSignIn'), 'gate-sign-in');
  if (!props.hasData) {
    if (props.isLoading) return <StateView state="loading" />;
    return <StateView state="error" errorCode={props.error?.code} onRetry={props.onRetry} />;
  }
  if (!props.hasApplication)
    return prompt(t('state.noApplication'), t('state.goBind'), 'gate-bind');
  return <>{props.children()}</>;
}
