import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';

import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import { NOTICE_FILE_EXTENSIONS, NOTICE_STATE } from '@titletrack/shared/contract';
import type { NoticeDraftResponse, OfficeNoticeResponse } from '@titletrack/shared/contract';

import {
  correctOfficeNotice,
  createOfficeNotice,
  draftNoticeFromFile,
  draftNoticeFromText,
  getOfficeNotice,
  publishOfficeNotice,
  updateOfficeNotice,
  withdrawOfficeNotice,
} from '../../../services/office-api';
import { pickOfficeFile } from '../../../services/office-files';
import { toApiError } from '../../../services/http-client';
import type { ApiError } from '../../../services/api-error';
import {
  duplicateParameterKeys,
  eventChanges,
  eventProblem,
  formFromDraft,
  formFromNotice,
  formatBeijing,
  publishBlockers,
  toNoticeRequest,
} from '../../../services/office-notice-form';
import type {
  EventRow,
  NoticeForm,
  NoticeMeta,
  ParameterRow,
  WarningRow,
} from '../../../services/office-notice-form';
import {
  Button,
  Card,
  Checkbox,
  Choice,
  ErrorMessage,
  Field,
  Loading,
  Message,
  SectionHeading,
  Subtitle,
  TextAreaField,
} from '../components/office-ui';
import { OFFICE_TEXT, kindText } from '../office-text';
import { RegionYear } from './region-year';

const TEXT = OFFICE_TEXT.editor;

const ROUTE_OPTIONS: ReadonlyArray<{ value: EvaluationRoute; label: string }> = [
  {
    value: EVALUATION_ROUTE.PREFECTURE_DIRECTED,
    label: OFFICE_TEXT.routes.prefecture_directed ?? '',
  },
  { value: EVALUATION_ROUTE.REGION, label: OFFICE_TEXT.routes.region ?? '' },
];

export interface NoticeEditorProps {
  noticeId: string | null;
  defaults: { regionCode: string; year: number };
  onSaved: (id: string) => void;
  onClose: () => void;
}

const emptyForm = (defaults: NoticeEditorProps['defaults']): NoticeForm => ({
  meta: {
    regionCode: defaults.regionCode,
    year: defaults.year,
    route: EVALUATION_ROUTE.PREFECTURE_DIRECTED,
    title: '',
    documentNumber: '',
    text: '',
  },
  events: [],
  parameters: [],
  warnings: [],
});

export function NoticeEditor({
  noticeId,
  defaults,
  onSaved,
  onClose,
}: NoticeEditorProps): JSX.Element {
  const [notice, setNotice] = useState<OfficeNoticeResponse | null>(null);
  const [form, setForm] = useState<NoticeForm>(() => emptyForm(defaults));
  const [yearText, setYearText] = useState(String(defaults.year));
  const [isDirty, setDirty] = useState(false);
  const [isLoading, setLoading] = useState(noticeId !== null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [isWithdrawing, setWithdrawing] = useState(false);

  useEffect(() => {
    if (noticeId === null || notice?.id === noticeId) return;
    setLoading(true);
    getOfficeNotice(noticeId).then(
      (loaded) => {
        setNotice(loaded);
        setForm(formFromNotice(loaded));
        setYearText(String(loaded.year));
        setLoading(false);
      },
      (failure: unknown) => {
        setError(toApiError(failure));
        setLoading(false);
      },
    );
  }, [noticeId, notice?.id]);

  const state = notice?.state ?? null;
  const isDraft = state === null || state === NOTICE_STATE.DRAFT;
  const isPublished = state === NOTICE_STATE.PUBLISHED;

  const change = (next: NoticeForm): void => {
    setForm(next);
    setDirty(true);
    setDone(null);
  };
  const setMeta = (patch: Partial<NoticeMeta>): void =>
    change({ ...form, meta: { ...form.meta, ...patch } });
  const setEvent = (key: string, patch: Partial<EventRow>): void =>
    change({
      ...form,
      events: form.events.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    });
  const setParameter = (key: string, patch: Partial<ParameterRow>): void =>
    change({
      ...form,
      parameters: form.parameters.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    });
  const setWarning = (key: string, patch: Partial<WarningRow>): void =>
    change({
      ...form,
      warnings: form.warnings.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    });
  const removeParameter = (key: string): void =>
    change({ ...form, parameters: form.parameters.filter((row) => row.key !== key) });
  const confirmAll = (): void =>
    change({
      ...form,
      events: form.events.map((row) => ({ ...row, isConfirmed: true })),
      parameters: form.parameters.map((row) => ({ ...row, isConfirmed: true })),
    });

  const run = <T,>(name: string, work: () => Promise<T>, after: (value: T) => void): void => {
    setBusy(name);
    setError(null);
    setDone(null);
    work().then(
      (value) => {
        setBusy(null);
        after(value);
      },
      (failure: unknown) => {
        setBusy(null);
        setError(toApiError(failure));
      },
    );
  };

  const applyDraft = (draft: NoticeDraftResponse, text: string): void => {
    setForm(formFromDraft({ ...form.meta, text }, draft));
    setDirty(true);
  };
  const readText = (): void =>
    run(
      'read',
      () => draftNoticeFromText(form.meta.regionCode, form.meta.year, form.meta.text),
      (draft) => applyDraft(draft, form.meta.text),
    );
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const uploadFile = (): void => {
    void pickOfficeFile(NOTICE_FILE_EXTENSIONS).then((file) => {
      if (!file) return;
      setUploadPercent(0);
      run(
        'read',
        () => draftNoticeFromFile(form.meta.regionCode, form.meta.year, file, setUploadPercent),
        (draft) => {
          setUploadPercent(null);
          // The server sends the text it read from the file when the contract carries it.
          const text = (draft as NoticeDraftResponse & { text?: string }).text ?? form.meta.text;
          applyDraft(draft, text);
        },
      );
    });
  };

  const stored = (saved: OfficeNoticeResponse): void => {
    setNotice(saved);
    // Warnings are the console's own checklist: keep their ticks across a save.
    setForm({ ...formFromNotice(saved), warnings: form.warnings });
    setDirty(false);
    onSaved(saved.id);
  };

  const save = (): void => {
    const result = toNoticeRequest(form);
    if (!result.request) {
      setProblems(result.problems.map((problem) => OFFICE_TEXT.saveProblems[problem]));
      return;
    }
    setProblems([]);
    const request = result.request;
    run(
      'save',
      () =>
        notice
          ? updateOfficeNotice(notice.id, {
              title: request.title,
              documentNumber: request.documentNumber,
              text: request.text,
              events: request.events,
              parameters: request.parameters,
            })
          : createOfficeNotice(request),
      (saved) => {
        stored(saved);
        setDone(TEXT.saved);
      },
    );
  };

  const blockers = publishBlockers(form, { savedState: state, isDirty });
  const duplicates = duplicateParameterKeys(form.parameters);
  const publish = (): void => {
    if (!notice || blockers.length > 0) return;
    run(
      'publish',
      () => publishOfficeNotice(notice.id),
      (result) => {
        stored(result.notice);
        setDone(TEXT.published(result.applications, result.plannedAlerts, result.notifiedWatchers));
      },
    );
  };

  const changes = notice && isPublished ? eventChanges(notice.events, form.events) : [];
  const sendCorrection = (): void => {
    if (!notice) return;
    if (!note.trim()) {
      setProblems([TEXT.noteMissing]);
      return;
    }
    setProblems([]);
    run(
      'correct',
      () =>
        correctOfficeNotice(notice.id, {
          events: changes.map((item) => item.after),
          note: note.trim(),
        }),
      (result) => {
        stored(result.notice);
        setNote('');
        setDone(
          TEXT.corrected(result.withdrawnAlerts, result.plannedAlerts, result.informedApplicants),
        );
      },
    );
  };
  const withdraw = (): void => {
    if (!notice) return;
    if (!note.trim()) {
      setProblems([TEXT.noteMissing]);
      return;
    }
    setProblems([]);
    run(
      'withdraw',
      () => withdrawOfficeNotice(notice.id, note.trim()),
      (result) => {
        stored(result.notice);
        setNote('');
        setWithdrawing(false);
        setDone(TEXT.withdrawn(result.withdrawnAlerts));
      },
    );
  };

  if (isLoading) return <Loading />;

  return (
    <View id="office-notice-editor" data-state={state ?? 'new'}>
      <SectionHeading
        title={
          notice
            ? `${TEXT.editTitle} · ${OFFICE_TEXT.states[notice.state] ?? notice.state}`
            : TEXT.newTitle
        }
      >
        <Button id="office-notice-back" size="small" onClick={onClose}>
          {OFFICE_TEXT.common.back}
        </Button>
      </SectionHeading>

      <Card title={TEXT.basics}>
        <View className="tt-office-form-row">
          {notice ? (
            <View className="tt-office-muted">
              {notice.regionName} · {notice.year} ·{' '}
              {OFFICE_TEXT.routes[notice.route] ?? notice.route}
            </View>
          ) : (
            <>
              <RegionYear
                idPrefix="office-notice"
                regionCode={form.meta.regionCode}
                year={yearText}
                onRegion={(regionCode) => setMeta({ regionCode })}
                onYear={(value) => {
                  setYearText(value);
                  const year = Number(value);
                  if (Number.isInteger(year) && year >= 2000 && year <= 2100) setMeta({ year });
                }}
              />
              <Choice
                id="office-notice-route"
                label={OFFICE_TEXT.common.route}
                value={form.meta.route}
                options={ROUTE_OPTIONS}
                onChange={(route) => setMeta({ route })}
              />
            </>
          )}
        </View>
        {isDraft ? (
          <>
            <Field
              id="office-notice-title"
              label={TEXT.noticeTitle}
              value={form.meta.title}
              onChange={(title) => setMeta({ title })}
              isWide
            />
            <Field
              id="office-notice-number"
              label={TEXT.documentNumber}
              value={form.meta.documentNumber}
              onChange={(documentNumber) => setMeta({ documentNumber })}
              isWide
            />
            <TextAreaField
              id="office-notice-text"
              label={TEXT.text}
              value={form.meta.text}
              placeholder={TEXT.textPlaceholder}
              rows="tall"
              onChange={(text) => setMeta({ text })}
            />
            <View className="tt-office-actions">
              <Button
                id="office-notice-read"
                type="primary"
                disabled={busy !== null || !form.meta.text.trim()}
                onClick={readText}
              >
                {busy === 'read' ? TEXT.reading : TEXT.readText}
              </Button>
              <Button id="office-notice-upload" disabled={busy !== null} onClick={uploadFile}>
                {uploadPercent !== null && uploadPercent < 100
                  ? TEXT.uploading(uploadPercent)
                  : TEXT.uploadFile}
              </Button>
            </View>
          </>
        ) : (
          <View className="tt-office-muted">
            {form.meta.title}（{form.meta.documentNumber}）
          </View>
        )}
      </Card>

      {form.warnings.length > 0 ? (
        <Card title={TEXT.warnings} id="office-notice-warnings">
          {form.warnings.map((warning, index) => (
            <View
              key={warning.key}
              className={`tt-office-warning${warning.isResolved ? ' tt-office-warning--resolved' : ''}`}
            >
              <View className="tt-office-warning__reason">
                ⚠ {OFFICE_TEXT.warningReasons[warning.reason] ?? warning.reason}
              </View>
              <View className="tt-office-quote">“{warning.quote}”</View>
              <Checkbox
                id={`office-warning-${index}`}
                checked={warning.isResolved}
                onChange={(checked) => setWarning(warning.key, { isResolved: checked })}
                label={TEXT.warningResolved}
              />
            </View>
          ))}
        </Card>
      ) : null}

      <Card title={TEXT.events} id="office-notice-events">
        {form.events.length === 0 ? <View className="tt-office-muted">{TEXT.noEvents}</View> : null}
        {isDraft && form.events.length + form.parameters.length > 0 ? (
          <Button id="office-confirm-all" size="small" onClick={confirmAll}>
            {TEXT.confirmAll}
          </Button>
        ) : null}
        {form.events.map((row, index) => (
          <EventEditor
            key={row.key}
            index={index}
            row={row}
            isEditable={isDraft || isPublished}
            isConfirmable={isDraft}
            onChange={(patch) => setEvent(row.key, patch)}
          />
        ))}
      </Card>

      {form.parameters.length > 0 ? (
        <Card title={TEXT.parameters} id="office-notice-parameters">
          {form.parameters.map((row, index) => (
            <View
              key={row.key}
              id={`office-parameter-${index}`}
              className="tt-office-item"
              data-confirmed={row.isConfirmed ? 'yes' : 'no'}
              data-duplicate={duplicates.has(row.key) ? 'yes' : 'no'}
            >
              <View className="tt-office-item__head">
                <Text className="tt-office-item__name">
                  {OFFICE_TEXT.parameters[row.name] ?? row.name}
                </Text>
                <Text className="tt-office-muted">
                  {row.inheritedFrom
                    ? TEXT.inherited(row.inheritedFrom.year, row.inheritedFrom.documentNumber)
                    : TEXT.stated}
                </Text>
              </View>
              <View className="tt-office-form-row">
                <Field
                  id={`office-parameter-${index}-value`}
                  label={
                    row.unit
                      ? `${TEXT.value}（${OFFICE_TEXT.units[row.unit] ?? row.unit}）`
                      : TEXT.value
                  }
                  isDisabled={!isDraft}
                  value={row.value}
                  type={row.isNumber ? 'number' : 'text'}
                  onChange={(value) => isDraft && setParameter(row.key, { value })}
                />
              </View>
              {row.quote ? <View className="tt-office-quote">“{row.quote}”</View> : null}
              {duplicates.has(row.key) ? <Message tone="error">{TEXT.duplicate}</Message> : null}
              {isDraft ? (
                <View className="tt-office-actions">
                  <Checkbox
                    id={`office-parameter-${index}-confirm`}
                    checked={row.isConfirmed}
                    onChange={(checked) => setParameter(row.key, { isConfirmed: checked })}
                    label={TEXT.confirm}
                  />
                  <Button
                    className="tt-office-remove"
                    size="small"
                    fill="none"
                    onClick={() => removeParameter(row.key)}
                  >
                    {TEXT.removeParameter}
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
        </Card>
      ) : null}

      {problems.length > 0 ? (
        <Message tone="error" id="office-notice-problems">
          {problems.join('；')}
        </Message>
      ) : null}
      <ErrorMessage error={error} id="office-notice-error" />
      {done ? (
        <Message tone="ok" id="office-notice-done">
          {done}
        </Message>
      ) : null}

      {isDraft ? (
        <Card>
          <View className="tt-office-actions">
            <Button id="office-notice-save" disabled={busy !== null} onClick={save}>
              {busy === 'save' ? TEXT.saving : TEXT.save}
            </Button>
            <Button
              id="office-notice-publish"
              type="primary"
              disabled={busy !== null || blockers.length > 0}
              onClick={publish}
            >
              {busy === 'publish' ? TEXT.publishing : TEXT.publish}
            </Button>
          </View>
          {blockers.length > 0 ? (
            <View id="office-publish-blockers" className="tt-office-blockers">
              {TEXT.publishBlocked}
              {blockers
                .map((blocker) => OFFICE_TEXT.blockers[blocker.kind](blocker.count))
                .join('；')}
            </View>
          ) : null}
        </Card>
      ) : null}

      {isPublished ? (
        <Card title={TEXT.correctTitle} id="office-correction">
          <View className="tt-office-muted">{TEXT.correctHint}</View>
          <Subtitle>{TEXT.correctPreview}</Subtitle>
          {changes.length === 0 ? (
            <View className="tt-office-muted">{TEXT.correctNone}</View>
          ) : null}
          {changes.map((item) => (
            <View key={item.kind} className="tt-office-change" data-kind={item.kind}>
              <Text className="tt-office-item__name">{kindText(item.kind)}</Text>
              <Text>
                {formatBeijing(item.before.startsAt, false)} –{' '}
                {formatBeijing(item.before.endsAt, true)}
              </Text>
              <Text className="tt-office-change__arrow">→</Text>
              <Text className="tt-office-change__new">
                {formatBeijing(item.after.startsAt, false)} –{' '}
                {formatBeijing(item.after.endsAt, true)}
              </Text>
            </View>
          ))}
          <TextAreaField
            id="office-note"
            label={isWithdrawing ? TEXT.withdrawNote : TEXT.correctNote}
            value={note}
            onChange={setNote}
          />
          <View className="tt-office-actions">
            <Button
              id="office-correction-send"
              type="primary"
              disabled={busy !== null || changes.length === 0 || isWithdrawing}
              onClick={sendCorrection}
            >
              {TEXT.correctSend}
            </Button>
            {isWithdrawing ? null : (
              <Button
                id="office-withdraw"
                className="tt-office-danger"
                disabled={busy !== null}
                onClick={() => setWithdrawing(true)}
              >
                {TEXT.withdraw}
              </Button>
            )}
          </View>
          {isWithdrawing ? (
            <Message tone="warn" id="office-withdraw-confirm">
              <View>{TEXT.withdrawConfirm}</View>
              <View className="tt-office-actions">
                <Button
                  id="office-withdraw-yes"
                  className="tt-office-danger"
                  size="small"
                  disabled={busy !== null}
                  onClick={withdraw}
                >
                  {OFFICE_TEXT.common.confirm}
                </Button>
                <Button size="small" onClick={() => setWithdrawing(false)}>
                  {OFFICE_TEXT.common.cancel}
                </Button>
              </View>
            </Message>
          ) : null}
        </Card>
      ) : null}
    </View>
  );
}

function EventEditor({
  index,
  row,
  isEditable,
  isConfirmable,
  onChange,
}: {
  index: number;
  row: EventRow;
  isEditable: boolean;
  isConfirmable: boolean;
  onChange: (patch: Partial<EventRow>) => void;
}): JSX.Element {
  const problem = eventProblem(row);
  const edit = (patch: Partial<EventRow>): void => {
    if (isEditable) onChange(patch);
  };
  return (
    <View
      id={`office-event-${index}`}
      className="tt-office-item"
      data-kind={row.kind}
      data-confirmed={row.isConfirmed ? 'yes' : 'no'}
    >
      <View className="tt-office-item__head">
        <Text className="tt-office-item__name">{kindText(row.kind)}</Text>
        {row.reading ? (
          <Text className="tt-office-muted">
            {TEXT.readingLabel}：{OFFICE_TEXT.readings[row.reading] ?? row.reading}
          </Text>
        ) : null}
      </View>
      <View className="tt-office-form-row">
        <Field
          id={`office-event-${index}-start-date`}
          label={`${TEXT.start}（YYYY-MM-DD）`}
          value={row.startDate}
          placeholder={TEXT.noStart}
          isDisabled={!isEditable}
          onChange={(startDate) => edit({ startDate })}
        />
        <Field
          id={`office-event-${index}-start-time`}
          label="HH:mm"
          value={row.startTime}
          isDisabled={!isEditable}
          onChange={(startTime) => edit({ startTime })}
        />
        <Field
          id={`office-event-${index}-end-date`}
          label={`${TEXT.end}（YYYY-MM-DD）`}
          value={row.endDate}
          isDisabled={!isEditable}
          onChange={(endDate) => edit({ endDate })}
        />
        <Field
          id={`office-event-${index}-end-time`}
          label="HH:mm / 24:00"
          value={row.endTime}
          isDisabled={!isEditable}
          onChange={(endTime) => edit({ endTime })}
        />
      </View>
      {problem ? <Message tone="error">{OFFICE_TEXT.eventProblems[problem]}</Message> : null}
      <View className="tt-office-quote">
        {TEXT.quote}：“{row.quote}”
      </View>
      {isConfirmable ? (
        <Checkbox
          id={`office-event-${index}-confirm`}
          checked={row.isConfirmed}
          onChange={(checked) => onChange({ isConfirmed: checked })}
          label={TEXT.confirm}
        />
      ) : null}
    </View>
  );
}
