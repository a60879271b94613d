import { View } from '@tarojs/components';
import { useState } from 'react';

import type { StaffFeedbackDetail } from '@titletrack/shared/contract';

import { useOfficeLoad } from '../../../hooks/use-office-load';
import type { ApiError } from '../../../services/api-error';
import { toApiError } from '../../../services/http-client';
import {
  getStaffFeedback,
  getStaffFeedbackList,
  markFeedbackHandled,
  replyToFeedback,
} from '../../../services/office-feedback-api';
import { formatBeijing } from '../../../services/office-notice-form';
import {
  Button,
  Card,
  Choice,
  ErrorMessage,
  LoadState,
  Message,
  ResponsiveTable,
  SectionHeading,
  TextAreaField,
} from '../components/office-ui';
import { OFFICE_TEXT } from '../office-text';
import { FEEDBACK_STATE_OPTIONS, checkReply, textExcerpt } from './feedback-reply';
import type { FeedbackStateFilter } from './feedback-reply';

const TEXT = OFFICE_TEXT.feedback;
const PAGE_SIZE = 20;

// 投诉建议: the region's submissions, newest first, filtered by state; one opened at a time (its
// contact shown, which the server audits) to reply to and close.
export function FeedbackSection(): JSX.Element {
  const [state, setState] = useState<FeedbackStateFilter>('open');
  const [page, setPage] = useState(1);
  const list = useOfficeLoad(
    () =>
      getStaffFeedbackList({
        ...(state === 'all' ? {} : { state }),
        page,
        pageSize: PAGE_SIZE,
      }),
    `${state}:${page}`,
  );
  const [opened, setOpened] = useState<StaffFeedbackDetail | null>(null);
  const [reply, setReply] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = (action: () => Promise<StaffFeedbackDetail>, doneText: string | null): void => {
    setIsBusy(true);
    setError(null);
    setDone(null);
    action()
      .then((detail) => {
        setOpened(detail);
        if (doneText) {
          setDone(doneText);
          setReply('');
          list.reload();
        }
      })
      .catch((failure: unknown) => setError(toApiError(failure)))
      .finally(() => setIsBusy(false));
  };
  const open = (id: string): void => {
    setReply('');
    setProblem(null);
    run(() => getStaffFeedback(id), null);
  };
  const send = (isHandled: boolean): void => {
    if (!opened) return;
    const check = checkReply(reply);
    if ('problem' in check) {
      setProblem(check.problem);
      return;
    }
    setProblem(null);
    run(
      () => replyToFeedback(opened.id, { reply: check.reply, isHandled }),
      isHandled ? TEXT.handled : TEXT.replied,
    );
  };
  const total = list.data?.total ?? 0;

  return (
    <View id="office-feedback">
      <SectionHeading title={TEXT.title}>
        <Button size="small" onClick={list.reload}>
          {OFFICE_TEXT.common.refresh}
        </Button>
      </SectionHeading>
      <View className="tt-office-muted">{TEXT.hint}</View>
      <Card>
        <Choice
          id="office-feedback-state"
          label={TEXT.stateFilter}
          value={state}
          options={FEEDBACK_STATE_OPTIONS}
          onChange={(value) => {
            setState(value);
            setPage(1);
          }}
        />
      </Card>
      {done ? (
        <Message tone="ok" id="office-feedback-done">
          {done}
        </Message>
      ) : null}
      {opened ? (
        <Card title={TEXT.detailTitle(opened.id)} id="office-feedback-detail">
          <View className="tt-office-muted">
            {formatBeijing(opened.createdAt, false)} · {TEXT.categories[opened.category]} ·{' '}
            {TEXT.states[opened.state]}
          </View>
          <View id="office-feedback-text" style={{ whiteSpace: 'pre-wrap' }}>
            {opened.text}
          </View>
          <View id="office-feedback-contact">
            {TEXT.contact}：{opened.contact ?? TEXT.noContact}
          </View>
          {opened.reply ? (
            <View id="office-feedback-previous-reply">
              {TEXT.previousReply}（{formatBeijing(opened.repliedAt, false)}）：{opened.reply}
            </View>
          ) : null}
          <TextAreaField
            id="office-feedback-reply"
            label={TEXT.reply}
            value={reply}
            onChange={setReply}
            placeholder={TEXT.replyPlaceholder}
          />
          {problem ? <Message tone="error">{problem}</Message> : null}
          <ErrorMessage error={error} />
          <View className="tt-office-actions">
            <Button type="primary" disabled={isBusy} onClick={() => send(false)}>
              {TEXT.sendReply}
            </Button>
            <Button disabled={isBusy} onClick={() => send(true)}>
              {TEXT.replyAndClose}
            </Button>
            {opened.state === 'handled' ? null : (
              <Button
                disabled={isBusy}
                onClick={() => run(() => markFeedbackHandled(opened.id), TEXT.handled)}
              >
                {TEXT.markHandled}
              </Button>
            )}
            <Button onClick={() => setOpened(null)}>{TEXT.close}</Button>
          </View>
        </Card>
      ) : (
        <ErrorMessage error={error} />
      )}
      <Card>
        <LoadState load={list} />
        {list.data ? (
          <>
            <ResponsiveTable
              id="office-feedback-list"
              columns={[
                {
                  key: 'createdAt',
                  title: TEXT.columns.createdAt,
                  render: (row) => formatBeijing(row.createdAt, false),
                },
                {
                  key: 'category',
                  title: TEXT.columns.category,
                  render: (row) => TEXT.categories[row.category] ?? row.category,
                },
                {
                  key: 'text',
                  title: TEXT.columns.text,
                  isWide: true,
                  render: (row) => textExcerpt(row.text),
                },
                {
                  key: 'contact',
                  title: TEXT.columns.contact,
                  render: (row) => row.contactMasked ?? '—',
                },
                {
                  key: 'state',
                  title: TEXT.columns.state,
                  render: (row) => (
                    <Button size="small" disabled={isBusy} onClick={() => open(row.id)}>
                      {TEXT.states[row.state] ?? row.state} · {TEXT.open}
                    </Button>
                  ),
                },
              ]}
              rows={list.data.items}
              rowKey={(row) => row.id}
              empty={OFFICE_TEXT.common.empty}
            />
            <View className="tt-office-actions">
              <View className="tt-office-muted">{TEXT.total(total)}</View>
              <Button size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {TEXT.previous}
              </Button>
              <Button
                size="small"
                disabled={page * PAGE_SIZE >= total}
                onClick={() => setPage(page + 1)}
              >
                {TEXT.next}
              </Button>
            </View>
          </>
        ) : null}
      </Card>
    </View>
  );
}
