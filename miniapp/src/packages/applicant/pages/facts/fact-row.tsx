import { Input, View } from '@tarojs/components';
import type { ReactNode } from 'react';

import { FACT_SOURCE } from '@titletrack/shared/domain';
import type { SourcedFact } from '@titletrack/shared/domain';

import { pressable } from '../../../../components/a11y';
import { useT } from '../../../../locales';
import { formatBeijingMinute } from '../../../../utils/format-time';

// One fact: its name, where it comes from, and the editor when it is the applicant's to change.
export function FactRow({
  id,
  title,
  fact,
  children,
}: {
  id: string;
  title: string;
  fact: SourcedFact<unknown> | undefined;
  children: ReactNode;
}): JSX.Element {
  const t = useT();
  const source = !fact
    ? t('guide.facts.source.none')
    : fact.source === FACT_SOURCE.PLATFORM
      ? t('guide.facts.source.platform')
      : fact.source === FACT_SOURCE.OFFICE
        ? t('guide.facts.source.office')
        : t('guide.facts.source.declared', {
            date: `\u2066${formatBeijingMinute(fact.recordedAt).slice(0, 10)}\u2069`,
          });
  return (
    <View className="tt-screen__card tt-facts__row" id={`fact-${id}`}>
      <View className="tt-facts__name">{title}</View>
      <View
        className={`tt-screen__muted tt-facts__source tt-facts__source--${fact?.source ?? 'none'}`}
        id={`fact-${id}-source`}
      >
        {source}
      </View>
      {children}
    </View>
  );
}

export function Choice<V extends string | boolean>({
  id,
  value,
  options,
  isDisabled,
  onChange,
}: {
  id: string;
  value: V | null;
  options: readonly { value: V; label: string }[];
  isDisabled: boolean;
  onChange: (value: V) => void;
}): JSX.Element {
  return (
    <View className="tt-facts__choices" id={id}>
      {options.map((option) => (
        <View
          key={String(option.value)}
          id={`${id}-${String(option.value)}`}
          aria-checked={option.value === value}
          className={`tt-screen__tab tt-facts__choice${option.value === value ? ' tt-screen__tab--active' : ''}${isDisabled ? ' tt-facts__choice--locked' : ''}`}
          {...pressable('radio', () => {
            if (!isDisabled) onChange(option.value);
          })}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}

export function NumberField({
  id,
  label,
  value,
  error,
  isDisabled,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  isDisabled: boolean;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <View className="tt-facts__field">
      <View className="tt-facts__label">{label}</View>
      <Input
        className="tt-facts__input"
        id={id}
        type="number"
        value={value}
        disabled={isDisabled}
        aria-label={label}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error ? (
        <View className="tt-facts__error" id={`${id}-error`} role="alert">
          {error}
        </View>
      ) : null}
    </View>
  );
}
