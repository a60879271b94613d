// NutUI one component at a time, each with its own stylesheet (see components/ui): they load with
// this subpackage only.
import NutButton from '@nutui/nutui-react-taro/dist/es/packages/button/index';
import NutCheckbox from '@nutui/nutui-react-taro/dist/es/packages/checkbox/index';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { createElement } from 'react';
import type { ComponentProps, PropsWithChildren } from 'react';

import { heading } from '../../../components/a11y';
import { buttonA11y } from '../../../components/ui/button-a11y';
import type { ApiError } from '../../../services/api-error';
import { OFFICE_TEXT, errorText } from '../office-text';

// Staff read the console in Chinese whatever language the app was left in: its own direction
// and language, or a Uyghur phone's right-to-left page would mirror a Chinese table.
export const OFFICE_DIRECTION = { dir: 'ltr', lang: 'zh-CN' } as const;

// NutUI draws both as <div>s on H5: announced as a button / checkbox and worked by keyboard here.
export function Button(props: ComponentProps<typeof NutButton>): JSX.Element {
  return createElement(NutButton, { ...buttonA11y(props), ...props });
}

export function Checkbox(props: ComponentProps<typeof NutCheckbox>): JSX.Element {
  const { checked, disabled, onChange } = props;
  return createElement(NutCheckbox, {
    role: 'checkbox',
    'aria-checked': Boolean(checked),
    tabIndex: disabled ? -1 : 0,
    ...(disabled ? { 'aria-disabled': 'true' } : {}),
    onKeyDown: (event: { key?: string; preventDefault?: () => void }) => {
      if (disabled || event.key !== ' ') return;
      event.preventDefault?.();
      onChange?.(!checked);
    },
    ...props,
  });
}

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'password';
  placeholder?: string;
  isWide?: boolean;
  isDisabled?: boolean;
}

export function Field({
  id,
  label,
  value,
  onChange,
  type = 'text',
  placeholder,
  isWide = false,
  isDisabled = false,
}: FieldProps): JSX.Element {
  return (
    <View className={`tt-office-field${isWide ? ' tt-office-field--wide' : ''}`}>
      <Text className="tt-office-field__label" id={`${id}-label`}>
        {label}
      </Text>
      <Input
        id={id}
        aria-labelledby={`${id}-label`}
        className="tt-office-field__input"
        value={value}
        type={type === 'password' ? 'text' : type}
        password={type === 'password'}
        placeholder={placeholder}
        disabled={isDisabled}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}

export interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  rows?: 'short' | 'tall';
}

export function TextAreaField({
  id,
  label,
  value,
  onChange,
  placeholder,
  rows = 'short',
}: TextAreaFieldProps): JSX.Element {
  return (
    <View className="tt-office-field tt-office-field--wide">
      <Text className="tt-office-field__label" id={`${id}-label`}>
        {label}
      </Text>
      <Textarea
        id={id}
        aria-label={label}
        className={`tt-office-field__textarea tt-office-field__textarea--${rows}`}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        onInput={(event) => onChange(event.detail.value)}
      />
    </View>
  );
}

export interface ChoiceProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
}

export function Choice<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: ChoiceProps<T>): JSX.Element {
  const index = Math.max(
    0,
    options.findIndex((option) => option.value === value),
  );
  return (
    <View className="tt-office-field">
      <Text className="tt-office-field__label">{label}</Text>
      <Picker
        mode="selector"
        range={options.map((option) => option.label)}
        value={index}
        onChange={(event) => {
          const picked = options[Number(event.detail.value)];
          if (picked) onChange(picked.value);
        }}
      >
        <View
          id={id}
          className="tt-office-field__input tt-office-field__select"
          // Taro's picker opens on a tap of this view: named with its field and current choice.
          role="button"
          aria-haspopup="listbox"
          {...{ tabIndex: 0 }}
          aria-label={`${label}：${options[index]?.label ?? ''}`}
        >
          {options[index]?.label ?? ''}
        </View>
      </Picker>
    </View>
  );
}

export function Message({
  tone,
  id,
  children,
}: PropsWithChildren<{ tone: 'error' | 'ok' | 'warn'; id?: string }>): JSX.Element {
  return (
    <View id={id} className={`tt-office-message tt-office-message--${tone}`}>
      {children}
    </View>
  );
}

export function ErrorMessage({
  error,
  id,
}: {
  error: ApiError | null;
  id?: string;
}): JSX.Element | null {
  return error ? (
    <Message tone="error" id={id}>
      {errorText(error.code)}
    </Message>
  ) : null;
}

export function Loading(): JSX.Element {
  return <View className="tt-office-muted">{OFFICE_TEXT.common.loading}</View>;
}

// A section's title, with its actions (a refresh, a "new" button) beside it.
export function SectionHeading({
  title,
  children,
}: PropsWithChildren<{ title: string }>): JSX.Element {
  return (
    <View className="tt-office-heading">
      <View className="tt-office-heading__title" {...heading(1)}>
        {title}
      </View>
      {children}
    </View>
  );
}

// While a load runs, and what went wrong if it failed.
export function LoadState({
  load,
}: {
  load: { isLoading: boolean; error: ApiError | null };
}): JSX.Element {
  return (
    <>
      {load.isLoading ? <Loading /> : null}
      <ErrorMessage error={load.error} />
    </>
  );
}

// A part's title inside a card (a card's own title is level 2).
export function Subtitle({ children }: PropsWithChildren): JSX.Element {
  return (
    <View className="tt-office-subtitle" {...heading(3)}>
      {children}
    </View>
  );
}

export function Card({
  title,
  id,
  children,
}: PropsWithChildren<{ title?: string; id?: string }>): JSX.Element {
  return (
    <View id={id} className="tt-office-card">
      {title ? (
        <View className="tt-office-card__title" {...heading(2)}>
          {title}
        </View>
      ) : null}
      {children}
    </View>
  );
}

// A table on a wide screen, one card per row on a phone (the header row hides and each cell
// shows its column name): same markup, the stylesheet decides.
export interface TableColumn<Row> {
  key: string;
  title: string;
  render: (row: Row) => JSX.Element | string | number | null;
  isWide?: boolean;
}

export function ResponsiveTable<Row>({
  id,
  columns,
  rows,
  rowKey,
  empty,
}: {
  id: string;
  columns: ReadonlyArray<TableColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: string;
}): JSX.Element {
  if (rows.length === 0) return <View className="tt-office-muted">{empty}</View>;
  const template = columns.map((column) => (column.isWide ? '2fr' : '1fr')).join(' ');
  return (
    <View id={id} className="tt-office-table">
      <View className="tt-office-table__head" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => (
          <View key={column.key} className="tt-office-table__cell">
            {column.title}
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View
          key={rowKey(row)}
          className="tt-office-table__row"
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((column) => (
            <View key={column.key} className="tt-office-table__cell">
              <Text className="tt-office-table__label">{column.title}</Text>
              <View className="tt-office-table__value">{column.render(row)}</View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
