import { Input, View } from '@tarojs/components';
import { useState } from 'react';

import { maskIdCardNumber } from '@titletrack/shared/domain';
import type { BindApplicationRequest } from '@titletrack/shared/contract';

import { useT } from '../../locales';
import type { BindFormErrors } from '../../utils/bind-validation';
import { Button } from '../ui';
import { GROUPED_ID_CARD_LENGTH, groupIdCardNumber, idCardCharacters } from './id-card-display';
import './bind-form.scss';

export interface BindFormProps {
  isSubmitting: boolean;
  // A translated server error (already a message), shown under the form.
  serverError: string | null;
  validate: (form: BindApplicationRequest) => BindFormErrors;
  onSubmit: (form: BindApplicationRequest) => void;
}

const classPrefix = 'tt-bind';

export function BindForm({
  isSubmitting,
  serverError,
  validate,
  onSubmit,
}: BindFormProps): JSX.Element {
  const t = useT();
  const [form, setForm] = useState<BindApplicationRequest>({
    name: '',
    idCardNumber: '',
    applicationNo: '',
  });
  const [errors, setErrors] = useState<BindFormErrors>({});
  const set =
    (field: keyof BindApplicationRequest) =>
    (event: { detail: { value: string } }): void => {
      // The ID is kept as sent (no spaces) and only shown grouped.
      const value =
        field === 'idCardNumber' ? idCardCharacters(event.detail.value) : event.detail.value;
      setForm((previous) => ({ ...previous, [field]: value }));
      setErrors((previous) => ({ ...previous, [field]: undefined }));
    };
  const submit = (): void => {
    const found = validate(form);
    setErrors(found);
    if (Object.values(found).every((value) => !value)) onSubmit(form);
  };
  const field = (
    name: keyof BindApplicationRequest,
    label: string,
    placeholder: string,
    extra: object = {},
  ): JSX.Element => {
    const error = errors[name];
    const labelId = `bind-${name}-label`;
    return (
      <View className={`${classPrefix}__field`}>
        <View className={`${classPrefix}__label`} id={labelId}>
          {label}
        </View>
        <Input
          className={`${classPrefix}__input`}
          id={`bind-${name}`}
          value={name === 'idCardNumber' ? groupIdCardNumber(form[name]) : form[name]}
          placeholder={placeholder}
          onInput={set(name)}
          aria-labelledby={labelId}
          {...extra}
        />
        {error ? (
          <View className={`${classPrefix}__error`} id={`bind-${name}-error`}>
            {t(error)}
          </View>
        ) : null}
      </View>
    );
  };
  return (
    <View className={classPrefix} id="bind-form">
      {field('name', t('me.bind.name'), t('me.bind.namePlaceholder'))}
      {/* In plain sight, not as password dots: a person told the check failed has to see which
          digit is wrong. weapp opens its ID-card keyboard (digits and X). */}
      {field('idCardNumber', t('me.bind.idCard'), t('me.bind.idCardPlaceholder'), {
        maxlength: GROUPED_ID_CARD_LENGTH,
        type: 'idcard',
      })}
      {form.idCardNumber ? (
        <View className={`${classPrefix}__echo`} id="bind-id-echo">
          {t('me.bind.typedBack', { masked: maskIdCardNumber(form.idCardNumber) })}
        </View>
      ) : null}
      {field('applicationNo', t('me.bind.applicationNo'), t('me.bind.applicationNoPlaceholder'))}
      {serverError ? (
        <View className={`${classPrefix}__error`} id="bind-server-error" role="alert">
          {serverError}
        </View>
      ) : null}
      <Button
        className={`${classPrefix}__submit`}
        id="bind-submit"
        type="primary"
        block
        loading={isSubmitting}
        onClick={submit}
      >
        {t('me.bind.submit')}
      </Button>
    </View>
  );
}
