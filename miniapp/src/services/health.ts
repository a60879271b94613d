import { API_ROUTES } from '@titletrack/shared/contract';
import type { HealthResponse } from '@titletrack/shared/contract';

import { http } from './http';

export const getHealth = (): Promise<HealthResponse> => http.get(API_ROUTES.health);
