import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  ApplicationProgressResponse,
  MyApplicationSummary,
} from '@titletrack/shared/contract';

import { getMyApplications } from './bindings';
import { http } from './http';

export const getApplicationProgress = (id: string): Promise<ApplicationProgressResponse> =>
  http.get(API_ROUTES.myApplicationProgress(id));

export interface MyProgress {
  summaries: MyApplicationSummary[];
  progress: ApplicationProgressResponse[];
}

// Every bound application with its history: what home, progress, to-do and fee all read.
export async function getMyProgress(): Promise<MyProgress> {
  const { items } = await getMyApplications();
  const progress = await Promise.all(items.map((item) => getApplicationProgress(item.id)));
  return { summaries: items, progress };
}
