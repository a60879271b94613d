import type { NoticeDetail } from '@titletrack/shared/contract';

import { getNotice } from '../services/notices';
import { useAsync } from './use-async';
import type { AsyncState } from './use-async';

export function useNotice(id: string): AsyncState<NoticeDetail> {
  return useAsync(() => getNotice(id), [id]);
}
