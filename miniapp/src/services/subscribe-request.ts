import type {
  ReportSubscriptionsRequest,
  SubscribeDecision,
  SubscriptionTemplatesResponse,
} from '@titletrack/shared/contract';
import type { MessageKey } from '@titletrack/shared/locales';

// WeChat accepts at most three one-time templates per request.
export const MAX_TEMPLATES_PER_REQUEST = 3;
// The user turned the mini-program's subscription main switch off.
export const MAIN_SWITCH_OFF = 20004;

export interface SubscribeOption {
  tmplIds: string[];
  success: (result: Record<string, unknown>) => void;
  fail: (error: { errCode: number }) => void;
}

export interface SubscribeRequestDeps {
  isWeapp: () => boolean;
  templates: SubscriptionTemplatesResponse['templates'];
  // Taro.requestSubscribeMessage: WeChat refuses it unless it runs in the tap's own call stack.
  requestSubscribeMessage: (option: SubscribeOption) => void;
  report: (report: ReportSubscriptionsRequest) => Promise<unknown>;
  // A message key and its values, for the screen to translate.
  onNote: (
    key: Extract<MessageKey, `subscribe.${string}`>,
    values?: Record<string, number>,
  ) => void;
}

const DECISIONS: ReadonlySet<string> = new Set(['accept', 'reject', 'ban', 'filter']);

// The tap handler of "turn reminders on": synchronous up to the WeChat call, reports the result
// to the server, and explains a closed main switch (20004) instead of asking again.
export function requestSubscriptions(deps: SubscribeRequestDeps): void {
  if (!deps.isWeapp()) {
    deps.onNote('subscribe.notWeapp');
    return;
  }
  if (deps.templates.length === 0) {
    deps.onNote('subscribe.unavailable');
    return;
  }
  const asked = deps.templates.slice(0, MAX_TEMPLATES_PER_REQUEST);
  deps.requestSubscribeMessage({
    tmplIds: asked.map((template) => template.templateId),
    success: (result) => {
      const results: Record<string, SubscribeDecision> = {};
      for (const { templateId } of asked) {
        const decision = result[templateId];
        if (typeof decision === 'string' && DECISIONS.has(decision))
          results[templateId] = decision as SubscribeDecision;
      }
      const accepted = Object.values(results).filter((decision) => decision === 'accept').length;
      if (accepted > 0) deps.onNote('subscribe.accepted', { count: accepted });
      else deps.onNote('subscribe.rejected');
      void deps.report({ results }).catch(() => undefined);
    },
    fail: (error) => {
      deps.onNote(
        error.errCode === MAIN_SWITCH_OFF ? 'subscribe.mainSwitchOff' : 'subscribe.failed',
      );
      void deps.report({ results: {}, errorCode: error.errCode }).catch(() => undefined);
    },
  });
}
