import { useState } from 'react';

import type { InboxMessage, InboxPageResponse } from '@titletrack/shared/contract';

import { getInbox, getUnreadCount, markInboxAllRead, markInboxRead } from '../services/inbox';
import { APPLICANT_SCREEN } from '../services/screen-cache';
import { useApplicantCached } from './use-applicant-cached';
import type { ApplicantCachedState } from './use-applicant-cached';
import type { CachedState } from './use-cached';

export interface InboxState extends ApplicantCachedState<InboxPageResponse> {
  // The inbox API answers 404 until it is deployed: the screen says so instead of failing.
  isUnavailable: boolean;
  items: InboxMessage[];
  markRead: (id: string) => void;
  markAllRead: () => void;
  // Older pages, on demand; only the newest page is kept for offline use.
  hasMore: boolean;
  loadMore: () => void;
}

const isMissingApi = (state: CachedState<unknown>): boolean => state.error?.status === 404;

export function useInbox(): InboxState {
  const state = useApplicantCached(APPLICANT_SCREEN.INBOX, () => getInbox(1));
  // Read marks are shown at once; the server is told in the background and wins on reload.
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(new Set());
  const [older, setOlder] = useState<{
    base: InboxPageResponse | null;
    pages: InboxPageResponse[];
  }>({ base: null, pages: [] });
  // A reload brings a new first page; pages loaded after the previous one no longer follow it.
  const olderPages = older.base === state.data ? older.pages : [];
  const loaded = [state.data, ...olderPages].filter(
    (page): page is InboxPageResponse => page !== null,
  );
  const seen = new Set<string>();
  // New messages shift the pages: a message may come again on the next page.
  const merged = loaded
    .flatMap((page) => page.items)
    .filter((message) => {
      if (seen.has(message.id)) return false;
      seen.add(message.id);
      return true;
    });
  const last = loaded[loaded.length - 1];
  const items = merged.map((message) =>
    readNow.has(message.id) && message.readAt === null
      ? { ...message, readAt: new Date().toISOString() }
      : message,
  );
  return {
    ...state,
    isUnavailable: isMissingApi(state),
    items,
    markRead: (id) => {
      setReadNow((previous) => new Set([...previous, id]));
      void markInboxRead(id).catch(() => undefined);
    },
    hasMore: last !== undefined && last.page * last.pageSize < last.total,
    loadMore: () => {
      if (!last) return;
      const base = state.data;
      void getInbox(last.page + 1)
        .then((page) =>
          setOlder((previous) => ({
            base,
            pages: [...(previous.base === base ? previous.pages : []), page],
          })),
        )
        .catch(() => undefined);
    },
    markAllRead: () => {
      setReadNow(new Set(items.map((message) => message.id)));
      void markInboxAllRead()
        .then(state.reload)
        .catch(() => undefined);
    },
  };
}

export function useUnreadCount(): number | null {
  return useApplicantCached(APPLICANT_SCREEN.UNREAD, getUnreadCount).data?.unread ?? null;
}
